package dev.tartan.ui.common.data;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** How Tartan names accounts and explains what Plaid's replies leave out about them. */
public final class Accounts {

    /** The verification statuses under which Plaid shows an account's numbers. */
    private static final Set<String> VERIFIED = Set.of("automatically_verified", "manually_verified");
    private static final List<String> NETWORKS = List.of("ach", "eft", "international", "bacs");

    private Accounts() {
    }

    /** "Plaid Checking ••0000": the account's name and the last digits of its number, when Plaid gives them. */
    public static String title(JsonNode account) {
        String name = account.path("name").asText("");
        return account.hasNonNull("mask") ? name + " \u2022\u2022" + account.path("mask").asText() : name;
    }

    /** The titles of an accounts array, by account_id, in the array's order. */
    public static Map<String, String> titlesById(JsonNode accounts) {
        Map<String, String> titles = new LinkedHashMap<>();
        accounts.forEach(account -> titles.put(account.path("account_id").asText(), title(account)));
        return titles;
    }

    /**
     * Why an Auth reply (an Item's /auth/get or a processor token's /processor/auth/get) has no
     * account or routing numbers to show, or null when it has some.
     */
    public static String whyNoNumbers(JsonNode authReply) {
        JsonNode numbers = authReply.path("numbers");
        if (NETWORKS.stream().anyMatch(network -> !numbers.path(network).isEmpty())) {
            return null;
        }
        List<JsonNode> accounts = new ArrayList<>();
        authReply.path("accounts").forEach(accounts::add);
        if (authReply.path("account").isObject()) {
            accounts.add(authReply.path("account"));
        }
        for (JsonNode account : accounts) {
            String status = account.path("verification_status").asText("");
            if (!status.isEmpty() && !VERIFIED.contains(status)) {
                return "No numbers yet: the verification_status of " + title(account) + " is " + status
                        + ". Plaid shows an account's numbers once it is verified.";
            }
        }
        return "The bank shared no account or routing numbers (Auth reads them for checking and savings accounts).";
    }
}
