package dev.tartan.emulator.items;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The emulator's institutions: Plaid's own Sandbox test institutions (same ids, so Sandbox recipes
 * work unchanged) and more fictional banks named after cloth patterns. Immutable.
 */
public final class Institutions {
    /** What a full-service US institution offers. */
    static final List<String> US_PRODUCTS = List.of("assets", "auth", "balance", "beacon", "employment", "identity",
            "identity_match", "income", "income_verification", "investments", "investments_auth", "liabilities",
            "processor_identity", "processor_payments", "recurring_transactions", "signal", "statements", "transactions",
            "transactions_refresh", "transfer");
    private static final List<String> CA_PRODUCTS = List.of("assets", "auth", "balance", "identity", "investments",
            "liabilities", "transactions", "transactions_refresh");
    private static final List<String> EU_PRODUCTS = List.of("assets", "auth", "balance", "identity", "payment_initiation",
            "standing_orders", "transactions");
    private static final List<String> CARD_PRODUCTS = List.of("balance", "identity", "liabilities", "transactions",
            "transactions_refresh", "recurring_transactions");
    private static final List<String> BROKERAGE_PRODUCTS = List.of("balance", "identity", "investments", "investments_auth");

    private static final List<Institution> ALL = List.of(
            us("ins_109508", "First Platypus Bank", false, "HEALTHY", "011000138", "#1f6fb2"),
            us("ins_130016", "First Platypus Balance Bank", false, "HEALTHY", "011000390", "#1f6fb2"),
            us("ins_109509", "First Gingham Credit Union", false, "HEALTHY", "011000015", "#c0392b"),
            us("ins_109510", "Tattersall Federal Credit Union", false, "HEALTHY", "011000028", "#7d5a3c"),
            us("ins_109511", "Tartan Bank", false, "HEALTHY", "011000536", "#0b6e4f"),
            us("ins_109512", "Houndstooth Bank", false, "HEALTHY", "021000021", "#222222"),
            new Institution("ins_43", "Tartan-Dominion Bank of Canada", List.of("CA"), CA_PRODUCTS, false, "HEALTHY",
                    false, List.of(), "https://www.tartan-dominion.example", "#0b6e4f", Institution.NumberingStyle.CA),
            eu("ins_116834", "Flexible Platypus Open Banking", List.of("GB"), "#5b2a86"),
            eu("ins_117650", "Royal Bank of Plaid", List.of("GB"), "#12355b"),
            us("ins_127287", "Platypus OAuth Bank", true, "HEALTHY", "011001234", "#1f6fb2"),
            us("ins_132241", "First Platypus OAuth App2App Bank", true, "HEALTHY", "011001742", "#1f6fb2"),
            eu("ins_117181", "Flexible Platypus Open Banking (QR)", List.of("GB"), "#5b2a86"),
            us("ins_135858", "Windowpane Bank", false, "HEALTHY", "333333334", "#2e86c1"),
            us("ins_132363", "Unhealthy Platypus Bank - Degraded", false, "DEGRADED", "011002345", "#b9770e"),
            us("ins_132361", "Unhealthy Platypus Bank - Down", false, "DOWN", "011002358", "#943126"),
            new Institution("ins_133402", "Unsupported Platypus Bank - Institution Not Supported", List.of("US"), US_PRODUCTS,
                    false, "HEALTHY", true, List.of("011002961"), null, "#7f8c8d", Institution.NumberingStyle.US),
            us("ins_200001", "Paisley Savings Bank", false, "HEALTHY", "021200025", "#8e44ad"),
            us("ins_200002", "Argyle National Bank", false, "HEALTHY", "021200339", "#16a085"),
            us("ins_200003", "Herringbone Federal Credit Union", false, "HEALTHY", "031100089", "#6e2c00"),
            new Institution("ins_200004", "Seersucker Card Services", List.of("US"), CARD_PRODUCTS, false, "HEALTHY", false,
                    List.of("041215032"), "https://www.seersucker-cards.example", "#5dade2", Institution.NumberingStyle.US),
            new Institution("ins_200005", "Chambray Investments", List.of("US"), BROKERAGE_PRODUCTS, true, "HEALTHY", false,
                    List.of(), "https://www.chambray.example", "#34495e", Institution.NumberingStyle.US),
            us("ins_200006", "Madras Mortgage Company", false, "HEALTHY", "051000017", "#d35400"),
            us("ins_200007", "Tweed Community Bank", false, "DEGRADED", "061000104", "#7b7d7d"),
            new Institution("ins_200008", "Flannel Credit Union", List.of("CA"), CA_PRODUCTS, false, "HEALTHY", false,
                    List.of(), "https://www.flannel.example", "#a93226", Institution.NumberingStyle.CA),
            eu("ins_200009", "Damask Bank", List.of("GB", "IE"), "#1a5276"),
            eu("ins_200010", "Banco Calico", List.of("ES", "PT"), "#cb4335"),
            eu("ins_200011", "Banque Vichy", List.of("FR", "BE"), "#2874a6"),
            eu("ins_200012", "Jacquard Bank", List.of("DE", "AT", "NL"), "#117864"));

    private Institutions() {
    }

    private static Institution us(String id, String name, boolean oauth, String health, String routing, String color) {
        return new Institution(id, name, List.of("US"), US_PRODUCTS, oauth, health, false, List.of(routing),
                "https://www." + slug(name) + ".example", color, Institution.NumberingStyle.US);
    }

    private static Institution eu(String id, String name, List<String> countries, String color) {
        return new Institution(id, name, countries, EU_PRODUCTS, true, "HEALTHY", false, List.of(),
                "https://www." + slug(name) + ".example", color, Institution.NumberingStyle.EU);
    }

    private static String slug(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    public static List<Institution> all() {
        return ALL;
    }

    public static Optional<Institution> byId(String id) {
        return ALL.stream().filter(i -> i.id().equals(id)).findFirst();
    }
}
