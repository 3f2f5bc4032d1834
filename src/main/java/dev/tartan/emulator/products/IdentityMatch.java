package dev.tartan.emulator.products;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.emulator.items.AccountRecord;
import dev.tartan.emulator.items.ItemViews;
import dev.tartan.emulator.support.Json;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Scores how well user-supplied identity data matches an account holder, 0 to 100 per field, as
 * /identity/match does. Fields the caller did not send are scored null.
 */
public final class IdentityMatch {
    private IdentityMatch() {
    }

    /** The account with its match scores against {@code user}. */
    public static ObjectNode scored(AccountRecord account, JsonNode user) {
        ObjectNode json = ItemViews.account(account);
        JsonNode owner = account.owner();
        if (user.hasNonNull("legal_name")) {
            json.set("legal_name", legalName(user.get("legal_name").asText(), owner.path("names")));
        } else {
            json.putNull("legal_name");
        }
        if (user.hasNonNull("phone_number")) {
            String given = digits(user.get("phone_number").asText());
            int best = 0;
            for (JsonNode phone : owner.path("phone_numbers")) {
                best = Math.max(best, similarity(lastTen(given), lastTen(digits(phone.path("data").asText()))));
            }
            json.putObject("phone_number").put("score", best);
        } else {
            json.putNull("phone_number");
        }
        if (user.hasNonNull("email_address")) {
            String given = user.get("email_address").asText().trim().toLowerCase(Locale.ROOT);
            int best = 0;
            for (JsonNode email : owner.path("emails")) {
                best = Math.max(best, similarity(given, email.path("data").asText().toLowerCase(Locale.ROOT)));
            }
            json.putObject("email_address").put("score", best);
        } else {
            json.putNull("email_address");
        }
        if (user.path("address").isObject()) {
            json.set("address", address(user.get("address"), owner.path("addresses")));
        } else {
            json.putNull("address");
        }
        return json;
    }

    private static ObjectNode legalName(String given, JsonNode names) {
        String normalized = words(given);
        Set<String> givenWords = new HashSet<>(Arrays.asList(normalized.split(" ")));
        int best = 0;
        boolean partOfName = false;
        for (JsonNode name : names) {
            String candidate = words(name.asText());
            best = Math.max(best, similarity(normalized, candidate));
            String[] parts = candidate.split(" ");
            partOfName |= givenWords.contains(parts[0]) || givenWords.contains(parts[parts.length - 1]);
        }
        ObjectNode score = Json.object();
        score.put("score", best);
        score.put("is_first_name_or_last_name_match", partOfName);
        score.put("is_nickname_match", false);
        score.put("is_business_name_detected", false);
        return score;
    }

    private static ObjectNode address(JsonNode given, JsonNode addresses) {
        String givenText = words(given.path("street").asText("") + " " + given.path("city").asText("") + " "
                + given.path("region").asText("") + " " + given.path("postal_code").asText(""));
        String givenPostal = given.path("postal_code").asText("").trim();
        int best = 0;
        boolean postalMatch = false;
        for (JsonNode address : addresses) {
            JsonNode data = address.path("data");
            String candidate = words(data.path("street").asText("") + " " + data.path("city").asText("") + " "
                    + data.path("region").asText("") + " " + data.path("postal_code").asText(""));
            best = Math.max(best, similarity(givenText, candidate));
            postalMatch |= !givenPostal.isEmpty() && givenPostal.equals(data.path("postal_code").asText());
        }
        ObjectNode score = Json.object();
        score.put("score", best);
        score.put("is_postal_code_match", postalMatch);
        return score;
    }

    /** 100 for equal texts, falling with the edit distance relative to the longer text. */
    static int similarity(String a, String b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 100;
        }
        int distance = levenshtein(a, b);
        return (int) Math.round(100.0 * (1 - (double) distance / Math.max(a.length(), b.length())));
    }

    private static int levenshtein(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static String words(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 ]", " ").trim().replaceAll("\\s+", " ");
    }

    private static String digits(String text) {
        return text.replaceAll("[^0-9]", "");
    }

    private static String lastTen(String digits) {
        return digits.length() > 10 ? digits.substring(digits.length() - 10) : digits;
    }
}
