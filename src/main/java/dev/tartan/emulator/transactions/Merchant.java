package dev.tartan.emulator.transactions;

/**
 * A fictional counterparty that generated transactions are drawn from.
 *
 * @param name          the merchant's name ({@code merchant_name}); null for bank-internal entries
 * @param description   the statement text ({@code name})
 * @param categoryId    legacy category (see {@link Categories})
 * @param pfcPrimary    personal finance category, primary level
 * @param pfcDetailed   personal finance category, detailed level
 * @param channel       online, in store or other
 * @param minAmount     smallest amount (positive: money out)
 * @param maxAmount     largest amount
 * @param inflow        money comes in (amounts are negative, as Plaid signs them)
 * @param on            which accounts see it
 * @param code          transaction_code, or null
 * @param website       the merchant's web site, or null
 */
record Merchant(String name, String description, String categoryId, String pfcPrimary, String pfcDetailed,
                String channel, double minAmount, double maxAmount, boolean inflow, Accounts on, String code,
                String website) {

    /** The accounts a merchant appears on. */
    enum Accounts { DEPOSITORY, CREDIT, ANY }

    boolean appearsOn(String accountType) {
        return switch (on) {
            case ANY -> true;
            case DEPOSITORY -> accountType.equals("depository");
            case CREDIT -> accountType.equals("credit");
        };
    }
}
