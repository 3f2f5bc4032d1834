package dev.tartan.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What Tartan keeps about an asset report beside its token in the token book (in the entry's
 * notes, as JSON): what was asked for, where it came from, and its status as last seen. A report
 * that was pasted rather than made here starts with only its status unknown; the report itself
 * fills in the rest once it is read.
 *
 * @param applicant      the applicant's name as given (first, middle, last), or null
 * @param items          the Items in the report, as the user knows them (label or item_id)
 * @param itemIds        their item_ids, where known
 * @param daysRequested  the days of history asked for, or null when not known
 * @param clientReportId the lender's own id for the report, or null
 * @param webhook        where Plaid was told to send its webhooks, or null
 * @param origin         how the report was made
 * @param parentReportId for a refreshed or filtered report, the asset_report_id it was made from; else null
 * @param excludedAccounts for a filtered report, the account_ids left out
 * @param status         where it stands, or null while not known
 * @param errorCode      for {@link AssetReportStatus#ERROR}, Plaid's error_code; else null
 * @param statusAt       when the status was last seen, or null
 */
public record AssetReportFacts(String applicant, List<String> items, List<String> itemIds, Integer daysRequested,
                               String clientReportId, String webhook, Origin origin, String parentReportId,
                               List<String> excludedAccounts, AssetReportStatus status, String errorCode, Instant statusAt) {

    /** How a report came to be. */
    public enum Origin {
        /** /asset_report/create, from Tartan. */
        CREATED,
        /** /asset_report/refresh of another report. */
        REFRESHED,
        /** /asset_report/filter of another report. */
        FILTERED,
        /** Pasted by its token: made elsewhere. */
        PASTED
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    public AssetReportFacts {
        items = items == null ? List.of() : List.copyOf(items);
        itemIds = itemIds == null ? List.of() : List.copyOf(itemIds);
        excludedAccounts = excludedAccounts == null ? List.of() : List.copyOf(excludedAccounts);
        origin = origin == null ? Origin.PASTED : origin;
    }

    /** The facts of a pasted report: nothing known yet. */
    public static AssetReportFacts pasted() {
        return new AssetReportFacts(null, List.of(), List.of(), null, null, null, Origin.PASTED, null, List.of(), null, null, null);
    }

    /** The facts an entry keeps; those of a pasted report when it keeps none (or notes of its own). */
    public static AssetReportFacts of(TokenEntry entry) {
        return entry == null ? pasted() : fromNotes(entry.notes());
    }

    /** The facts written in {@code notes}, or those of a pasted report when the notes are not such facts. */
    public static AssetReportFacts fromNotes(String notes) {
        if (notes == null || notes.isBlank() || !notes.strip().startsWith("{")) {
            return pasted();
        }
        try {
            JsonNode json = JSON.readTree(notes);
            if (!json.path("asset_report").isObject()) {
                return pasted();
            }
            JsonNode facts = json.path("asset_report");
            return new AssetReportFacts(text(facts, "applicant"), texts(facts.path("items")), texts(facts.path("item_ids")),
                    facts.path("days_requested").isInt() ? facts.path("days_requested").asInt() : null,
                    text(facts, "client_report_id"), text(facts, "webhook"), origin(text(facts, "origin")),
                    text(facts, "parent_report_id"), texts(facts.path("excluded_accounts")),
                    AssetReportStatus.of(text(facts, "status")), text(facts, "error_code"), instant(text(facts, "status_at")));
        } catch (JsonProcessingException e) {
            return pasted();
        }
    }

    /** The facts as the entry's notes keep them. */
    public String toNotes() {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode facts = root.putObject("asset_report");
        facts.put("origin", origin.name().toLowerCase(java.util.Locale.ROOT));
        putIfSet(facts, "applicant", applicant);
        putAll(facts.putArray("items"), items);
        putAll(facts.putArray("item_ids"), itemIds);
        if (daysRequested != null) {
            facts.put("days_requested", daysRequested);
        }
        putIfSet(facts, "client_report_id", clientReportId);
        putIfSet(facts, "webhook", webhook);
        putIfSet(facts, "parent_report_id", parentReportId);
        if (!excludedAccounts.isEmpty()) {
            putAll(facts.putArray("excluded_accounts"), excludedAccounts);
        }
        putIfSet(facts, "status", status == null ? null : status.word());
        putIfSet(facts, "error_code", errorCode);
        putIfSet(facts, "status_at", statusAt == null ? null : statusAt.toString());
        return root.toString();
    }

    /** These facts with the status seen at {@code at} ({@code errorCode} for an error, else null). */
    public AssetReportFacts withStatus(AssetReportStatus newStatus, String newErrorCode, Instant at) {
        return new AssetReportFacts(applicant, items, itemIds, daysRequested, clientReportId, webhook, origin, parentReportId,
                excludedAccounts, newStatus, newErrorCode, at);
    }

    /**
     * These facts completed from the report itself (a pasted report learns its applicant, Items and
     * days); what is known already stays.
     */
    public AssetReportFacts learnedFrom(JsonNode report) {
        String name = applicant != null ? applicant : nameOf(report.path("user"));
        List<String> ids = new ArrayList<>();
        List<String> names = new ArrayList<>();
        report.path("items").forEach(item -> {
            ids.add(item.path("item_id").asText());
            names.add(item.path("institution_name").asText(item.path("item_id").asText()));
        });
        Integer days = daysRequested != null ? daysRequested
                : report.path("days_requested").isNumber() ? Integer.valueOf(report.path("days_requested").asInt()) : null;
        String clientId = clientReportId != null ? clientReportId : report.path("client_report_id").asText(null);
        return new AssetReportFacts(name, items.isEmpty() ? names : items, itemIds.isEmpty() ? ids : itemIds, days, clientId, webhook,
                origin, parentReportId, excludedAccounts, status, errorCode, statusAt);
    }

    /** "Alberta Bobbeth Charleson" from a report's or a request's user (first, middle, last), or null. */
    public static String nameOf(JsonNode user) {
        List<String> parts = new ArrayList<>();
        for (String field : List.of("first_name", "middle_name", "last_name")) {
            String part = text(user, field);
            if (part != null && !part.isBlank()) {
                parts.add(part.strip());
            }
        }
        return parts.isEmpty() ? null : String.join(" ", parts);
    }

    private static Origin origin(String text) {
        if (text == null) {
            return Origin.PASTED;
        }
        try {
            return Origin.valueOf(text.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Origin.PASTED;
        }
    }

    private static Instant instant(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(value -> out.add(value.asText()));
        return out;
    }

    private static void putIfSet(ObjectNode json, String field, String value) {
        if (value != null) {
            json.put(field, value);
        }
    }

    private static void putAll(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
