package dev.tartan.emulator.assets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.emulator.support.Json;

import java.util.List;

/**
 * What a report was asked for with, besides its Items and days: the {@code options} of /asset_report/create,
 * which refresh carries over (and may override in part).
 *
 * @param user            the applicant, as given (Plaid's AssetReportUser fields), never null
 * @param addOns          {@code fast_assets}, {@code investments}
 * @param requireAllItems false lets a report be generated from the Items that could be read when some could not
 */
record ReportOptions(String clientReportId, String webhook, ReportUser user, List<String> addOns, boolean requireAllItems) {
    static final String FAST_ASSETS = "fast_assets";

    ReportOptions {
        user = user == null ? ReportUser.NONE : user;
        addOns = addOns == null ? List.of() : List.copyOf(addOns);
    }

    boolean fast() {
        return addOns.contains(FAST_ASSETS);
    }

    /** These options with the fields /asset_report/refresh gave (client_report_id, webhook, user) replacing the old ones. */
    ReportOptions refreshedWith(JsonNode given, String checkedWebhook) {
        String clientId = given.has("client_report_id") ? text(given, "client_report_id") : clientReportId;
        String hook = given.has("webhook") ? checkedWebhook : webhook;
        ReportUser applicant = given.path("user").isObject() ? ReportUser.of(given.get("user")) : user;
        return new ReportOptions(clientId, hook, applicant, addOns, requireAllItems);
    }

    /** These options with another webhook (a relay refresh's own). */
    ReportOptions withWebhook(String url) {
        return new ReportOptions(clientReportId, url, user, addOns, requireAllItems);
    }

    static String text(JsonNode holder, String field) {
        JsonNode value = holder.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** The applicant of a report: Plaid's AssetReportUser. */
    record ReportUser(String clientUserId, String firstName, String middleName, String lastName, String ssn, String phoneNumber,
                      String email) {
        static final ReportUser NONE = new ReportUser(null, null, null, null, null, null, null);

        static ReportUser of(JsonNode user) {
            return new ReportUser(text(user, "client_user_id"), text(user, "first_name"), text(user, "middle_name"),
                    text(user, "last_name"), text(user, "ssn"), text(user, "phone_number"), text(user, "email"));
        }

        /** The AssetReportUser object, every field present (null when not given), as Plaid returns it. */
        ObjectNode toJson() {
            ObjectNode json = Json.object();
            json.put("client_user_id", clientUserId);
            json.put("email", email);
            json.put("first_name", firstName);
            json.put("last_name", lastName);
            json.put("middle_name", middleName);
            json.put("phone_number", phoneNumber);
            json.put("ssn", ssn);
            return json;
        }
    }
}
