package dev.tartan.emulator.transactions;

import java.util.List;

import static dev.tartan.emulator.transactions.Merchant.Accounts.ANY;
import static dev.tartan.emulator.transactions.Merchant.Accounts.CREDIT;
import static dev.tartan.emulator.transactions.Merchant.Accounts.DEPOSITORY;

/** The merchants of generated transactions: everyday spending, plus the recurring bills and income. */
final class Merchants {
    /** Drawn at random for ordinary days. */
    static final List<Merchant> EVERYDAY = List.of(
            new Merchant("Tartan Coffee Co.", "TARTAN COFFEE CO #114", "13005043", "FOOD_AND_DRINK", "FOOD_AND_DRINK_COFFEE",
                    "in store", 3.25, 9.80, false, ANY, "purchase", "tartancoffee.example"),
            new Merchant("Loom & Leaf Grocers", "LOOM AND LEAF GROCERS", "19025004", "FOOD_AND_DRINK", "FOOD_AND_DRINK_GROCERIES",
                    "in store", 18.40, 186.00, false, ANY, "purchase", "loomandleaf.example"),
            new Merchant("Bobbin Burger", "BOBBIN BURGER 0452", "13005032", "FOOD_AND_DRINK", "FOOD_AND_DRINK_FAST_FOOD",
                    "in store", 7.50, 24.90, false, ANY, "purchase", null),
            new Merchant("Spindle Sushi", "SPINDLE SUSHI BAR", "13005055", "FOOD_AND_DRINK", "FOOD_AND_DRINK_RESTAURANT",
                    "in store", 19.00, 92.00, false, CREDIT, "purchase", "spindlesushi.example"),
            new Merchant("Gingham Gas", "GINGHAM GAS STATION 77", "22009000", "TRANSPORTATION", "TRANSPORTATION_GAS",
                    "in store", 24.00, 72.00, false, ANY, "purchase", null),
            new Merchant("Weft Rides", "WEFT RIDES *TRIP", "22016000", "TRANSPORTATION", "TRANSPORTATION_TAXIS_AND_RIDE_SHARES",
                    "online", 8.20, 46.50, false, CREDIT, "purchase", "weftrides.example"),
            new Merchant("Paisley Pharmacy", "PAISLEY PHARMACY", "14001000", "MEDICAL", "MEDICAL_PHARMACIES_AND_SUPPLEMENTS",
                    "in store", 5.99, 64.00, false, ANY, "purchase", "paisleypharmacy.example"),
            new Merchant("Selvage Superstore", "SELVAGE SUPERSTORE", "19051000", "GENERAL_MERCHANDISE",
                    "GENERAL_MERCHANDISE_SUPERSTORES", "in store", 21.00, 248.00, false, ANY, "purchase", "selvage.example"),
            new Merchant("Needlepoint Books", "NEEDLEPOINT BOOKS ONLINE", "19009000", "GENERAL_MERCHANDISE",
                    "GENERAL_MERCHANDISE_BOOKSTORES_AND_NEWSSTANDS", "online", 9.99, 45.00, false, CREDIT, "purchase",
                    "needlepoint.example"),
            new Merchant("Shuttle Air", "SHUTTLE AIR 0063", "22001000", "TRAVEL", "TRAVEL_FLIGHTS",
                    "online", 118.00, 640.00, false, CREDIT, "purchase", "shuttleair.example"),
            new Merchant("Heddle Hotels", "HEDDLE HOTELS RESERVATION", "22012000", "TRAVEL", "TRAVEL_LODGING",
                    "online", 109.00, 420.00, false, CREDIT, "purchase", "heddlehotels.example"),
            new Merchant(null, "ATM WITHDRAWAL 4820 MAIN ST", "18020004", "TRANSFER_OUT", "TRANSFER_OUT_WITHDRAWAL",
                    "other", 20.00, 200.00, false, DEPOSITORY, "atm", null),
            new Merchant(null, "TRANSFER TO SAVINGS", "21001000", "TRANSFER_OUT", "TRANSFER_OUT_SAVINGS",
                    "other", 50.00, 500.00, false, DEPOSITORY, "transfer", null),
            new Merchant(null, "MOBILE CHECK DEPOSIT", "21006000", "TRANSFER_IN", "TRANSFER_IN_DEPOSIT",
                    "other", 40.00, 900.00, true, DEPOSITORY, "transfer", null),
            new Merchant(null, "CREDIT CARD PAYMENT - THANK YOU", "16001000", "LOAN_PAYMENTS",
                    "LOAN_PAYMENTS_CREDIT_CARD_PAYMENT", "other", 100.00, 850.00, true, CREDIT, "payment", null),
            new Merchant("Selvage Superstore", "REFUND SELVAGE SUPERSTORE", "19051000", "GENERAL_MERCHANDISE",
                    "GENERAL_MERCHANDISE_SUPERSTORES", "in store", 12.00, 80.00, true, CREDIT, "refund", "selvage.example"));

    static final Merchant PAYROLL = new Merchant("Tartan Payroll", "TARTAN PAYROLL DIRECT DEP", "21009000", "INCOME",
            "INCOME_WAGES", "other", 1850.00, 3150.00, true, DEPOSITORY, "direct debit", null);
    static final Merchant RENT = new Merchant("Argyle Property Management", "ARGYLE PROPERTY MGMT RENT", "16002000",
            "RENT_AND_UTILITIES", "RENT_AND_UTILITIES_RENT", "other", 1200.00, 2400.00, false, DEPOSITORY, "bill payment",
            "argyle-pm.example");
    static final Merchant ELECTRIC = new Merchant("Warp Electric & Gas", "WARP ELECTRIC AND GAS AUTOPAY", "18068005",
            "RENT_AND_UTILITIES", "RENT_AND_UTILITIES_GAS_AND_ELECTRICITY", "online", 58.00, 142.00, false, DEPOSITORY,
            "bill payment", "warpenergy.example");
    static final Merchant STREAMING = new Merchant("Stitch Streaming", "STITCH STREAMING MONTHLY", "18061000",
            "ENTERTAINMENT", "ENTERTAINMENT_TV_AND_MOVIES", "online", 15.99, 15.99, false, ANY, "purchase",
            "stitchstreaming.example");
    static final Merchant PHONE = new Merchant("Yarn Mobile", "YARN MOBILE WIRELESS", "18063000", "RENT_AND_UTILITIES",
            "RENT_AND_UTILITIES_TELEPHONE", "online", 55.00, 68.00, false, ANY, "bill payment", "yarnmobile.example");
    static final Merchant GYM = new Merchant("Hemline Fitness", "HEMLINE FITNESS CLUB", "12018000", "PERSONAL_CARE",
            "PERSONAL_CARE_GYMS_AND_FITNESS_CENTERS", "in store", 39.00, 39.00, false, ANY, "purchase",
            "hemlinefitness.example");
    static final Merchant INTEREST = new Merchant(null, "INTEREST PAID", "15001000", "INCOME", "INCOME_INTEREST_EARNED",
            "other", 0.05, 4.50, true, DEPOSITORY, "interest", null);

    /** Free text transactions (user_custom) get this category. */
    static final Merchant CUSTOM = new Merchant(null, "", "19051000", "GENERAL_MERCHANDISE", "GENERAL_MERCHANDISE_OTHER_GENERAL_MERCHANDISE",
            "other", 0, 0, false, ANY, null, null);

    /** Every merchant, indexed: a stored transaction keeps the index. */
    static final List<Merchant> ALL;

    static {
        java.util.ArrayList<Merchant> all = new java.util.ArrayList<>(EVERYDAY);
        all.addAll(List.of(PAYROLL, RENT, ELECTRIC, STREAMING, PHONE, GYM, INTEREST, CUSTOM));
        ALL = List.copyOf(all);
    }

    private Merchants() {
    }

    static int indexOf(Merchant merchant) {
        return ALL.indexOf(merchant);
    }
}
