package dev.tartan.api.catalog;

import java.util.Locale;
import java.util.Map;

/** Names the product an operation belongs to, from the first segment of its path. */
final class ProductGroups {

    private static final Map<String, String> BY_FIRST_SEGMENT = Map.ofEntries(
            Map.entry("accounts", "Balance & Accounts"),
            Map.entry("application", "Items"),
            Map.entry("asset_report", "Assets"),
            Map.entry("auth", "Auth"),
            Map.entry("bank_transfer", "Bank Transfer (legacy)"),
            Map.entry("beacon", "Beacon"),
            Map.entry("beta", "Beta"),
            Map.entry("business_verification", "Identity Verification"),
            Map.entry("cashflow_report", "Cash Flow"),
            Map.entry("categories", "Transactions"),
            Map.entry("consent", "Consent"),
            Map.entry("consumer_report", "Consumer Report"),
            Map.entry("cra", "Consumer Report"),
            Map.entry("credit", "Credit & Income"),
            Map.entry("dashboard_user", "Monitor"),
            Map.entry("deposit_switch", "Deposit Switch"),
            Map.entry("employers", "Employment"),
            Map.entry("employment", "Employment"),
            Map.entry("fdx", "FDX"),
            Map.entry("identity", "Identity"),
            Map.entry("identity_verification", "Identity Verification"),
            Map.entry("income", "Credit & Income"),
            Map.entry("institutions", "Institutions"),
            Map.entry("investments", "Investments"),
            Map.entry("issues", "Items"),
            Map.entry("item", "Items"),
            Map.entry("items", "Items"),
            Map.entry("liabilities", "Liabilities"),
            Map.entry("link", "Link"),
            Map.entry("link_delivery", "Link"),
            Map.entry("network", "Network"),
            Map.entry("oauth", "OAuth"),
            Map.entry("partner", "Partners"),
            Map.entry("payment_initiation", "Payment Initiation"),
            Map.entry("payment_profile", "Transfer"),
            Map.entry("processor", "Processor"),
            Map.entry("profile", "Network"),
            Map.entry("protect", "Protect"),
            Map.entry("sandbox", "Sandbox"),
            Map.entry("session", "Link"),
            Map.entry("signal", "Signal"),
            Map.entry("statements", "Statements"),
            Map.entry("transactions", "Transactions"),
            Map.entry("transfer", "Transfer"),
            Map.entry("user", "Users"),
            Map.entry("user_account", "Users"),
            Map.entry("wallet", "Virtual Accounts"),
            Map.entry("watchlist_screening", "Watchlist Screening"),
            Map.entry("webhook_verification_key", "Webhooks"));

    private ProductGroups() {
    }

    static String of(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        int slash = trimmed.indexOf('/');
        String first = slash < 0 ? trimmed : trimmed.substring(0, slash);
        String known = BY_FIRST_SEGMENT.get(first);
        if (known != null) {
            return known;
        }
        // A product newer than this table: "new_thing" becomes "New thing".
        String words = first.replace('_', ' ');
        return words.isEmpty() ? "Other" : words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }
}
