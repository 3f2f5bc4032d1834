package dev.tartan.emulator.transactions;

import java.util.List;
import java.util.Optional;

/** The emulator's legacy category taxonomy: every category its merchants use, with their parents. */
final class Categories {
    private static final List<Category> ALL = List.of(
            place("10000000", "Bank Fees"),
            special("10001000", "Bank Fees", "Overdraft"),
            special("10002000", "Bank Fees", "ATM"),
            place("12000000", "Community"),
            place("12018000", "Community", "Gyms and Fitness Centers"),
            place("13000000", "Food and Drink"),
            place("13005000", "Food and Drink", "Restaurants"),
            place("13005032", "Food and Drink", "Restaurants", "Fast Food"),
            place("13005043", "Food and Drink", "Restaurants", "Coffee Shop"),
            place("13005055", "Food and Drink", "Restaurants", "Sushi"),
            place("14000000", "Healthcare"),
            place("14001000", "Healthcare", "Pharmacies"),
            special("15000000", "Interest"),
            special("15001000", "Interest", "Interest Earned"),
            special("16000000", "Payment"),
            special("16001000", "Payment", "Credit Card"),
            special("16002000", "Payment", "Rent"),
            place("17000000", "Recreation"),
            place("18000000", "Service"),
            place("18020004", "Service", "Financial", "ATM"),
            place("18063000", "Service", "Telecommunication Services"),
            place("18068000", "Service", "Utilities"),
            place("18068005", "Service", "Utilities", "Electric"),
            digital("18061000", "Service", "Subscription"),
            place("19000000", "Shops"),
            place("19009000", "Shops", "Bookstores"),
            place("19025000", "Shops", "Food and Beverage Store"),
            place("19025004", "Shops", "Food and Beverage Store", "Supermarkets and Groceries"),
            place("19051000", "Shops", "Warehouses and Wholesale Stores"),
            special("21000000", "Transfer"),
            special("21001000", "Transfer", "Internal Account Transfer"),
            special("21006000", "Transfer", "Deposit"),
            special("21009000", "Transfer", "Payroll"),
            place("22000000", "Travel"),
            place("22001000", "Travel", "Airlines and Aviation Services"),
            place("22009000", "Travel", "Gas Stations"),
            place("22012000", "Travel", "Lodging"),
            place("22016000", "Travel", "Taxi"));

    private Categories() {
    }

    private static Category place(String id, String... hierarchy) {
        return new Category(id, "place", List.of(hierarchy));
    }

    private static Category special(String id, String... hierarchy) {
        return new Category(id, "special", List.of(hierarchy));
    }

    private static Category digital(String id, String... hierarchy) {
        return new Category(id, "digital", List.of(hierarchy));
    }

    static List<Category> all() {
        return ALL;
    }

    static Optional<Category> byId(String id) {
        return ALL.stream().filter(c -> c.id().equals(id)).findFirst();
    }
}
