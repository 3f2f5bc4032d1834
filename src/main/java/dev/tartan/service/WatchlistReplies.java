package dev.tartan.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tartan.model.DashboardUser;
import dev.tartan.model.HitField;
import dev.tartan.model.HitReviewStatus;
import dev.tartan.model.HitValue;
import dev.tartan.model.MatchSummary;
import dev.tartan.model.Screening;
import dev.tartan.model.ScreeningHit;
import dev.tartan.model.ScreeningKind;
import dev.tartan.model.ScreeningReview;
import dev.tartan.model.ScreeningStatus;
import dev.tartan.model.ScreeningTerms;
import dev.tartan.model.WatchlistProgram;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Plaid's Monitor JSON (screenings, hits, reviews, programs, Dashboard users) to the records the
 * Watchlist pane shows. Unknown fields are ignored; a missing optional one reads as null.
 */
public final class WatchlistReplies {

    private WatchlistReplies() {
    }

    /** A screening object (from create, get, update, list or history/list). */
    public static Screening screening(ScreeningKind kind, JsonNode json) {
        String id = text(json, "id");
        if (id == null) {
            throw new IllegalArgumentException("a " + kind.word() + " screening has no id");
        }
        JsonNode terms = json.path("search_terms");
        ScreeningTerms searchTerms = new ScreeningTerms(text(terms, kind.programField()), text(terms, "legal_name"),
                date(text(terms, "date_of_birth")), text(terms, "document_number"), text(terms, "country"),
                text(terms, "email_address"), text(terms, "phone_number"), text(terms, "url"), terms.path("version").asInt(1));
        JsonNode trail = json.path("audit_trail");
        ScreeningStatus status = ScreeningStatus.fromWire(text(json, "status"));
        return new Screening(kind, id, searchTerms, text(json, "assignee"), status == null ? ScreeningStatus.PENDING_REVIEW : status,
                text(json, "client_user_id"), instant(text(trail, "timestamp")), text(trail, "dashboard_user_id"), text(trail, "source"));
    }

    /** The screenings of a list or history/list reply, in the reply's order. */
    public static List<Screening> screenings(ScreeningKind kind, JsonNode reply) {
        List<Screening> screenings = new ArrayList<>();
        reply.path(kind.screeningsField()).forEach(json -> screenings.add(screening(kind, json)));
        return screenings;
    }

    /** The hits of a hit/list reply. */
    public static List<ScreeningHit> hits(ScreeningKind kind, JsonNode reply) {
        List<ScreeningHit> hits = new ArrayList<>();
        reply.path(kind.hitsField()).forEach(json -> hits.add(hit(kind, json)));
        return hits;
    }

    /** One hit, its analysis and its data. */
    public static ScreeningHit hit(ScreeningKind kind, JsonNode json) {
        Map<HitField, MatchSummary> analysis = new EnumMap<>(HitField.class);
        JsonNode summary = json.path("analysis");
        List<HitValue> values = new ArrayList<>();
        JsonNode data = json.path("data");
        for (HitField field : HitField.values()) {
            MatchSummary level = MatchSummary.fromWire(text(summary, field.wire()));
            if (level != null) {
                analysis.put(field, level);
            }
            for (JsonNode item : data.path(field.wire())) {
                values.add(value(field, item));
            }
        }
        return new ScreeningHit(kind, text(json, "id"), HitReviewStatus.fromWire(text(json, "review_status")), text(json, "list_code"),
                text(json, "plaid_uid"), text(json, "source_uid"), instant(text(json, "first_active")),
                instant(text(json, "inactive_since")), instant(text(json, "historical_since")),
                summary.path("search_terms_version").asInt(1), analysis, values);
    }

    private static HitValue value(HitField field, JsonNode item) {
        MatchSummary level = MatchSummary.fromWire(text(item.path("analysis"), "summary"));
        JsonNode data = item.path("data");
        return switch (field) {
            case NAMES -> {
                String weak = text(data, "weak_alias_determination");
                yield new HitValue(field, text(data, "full"), level, data.path("is_primary").asBoolean(false),
                        weak != null && !"none".equals(weak), weak == null || "none".equals(weak) ? null : "weak alias (" + weak + ")");
            }
            case DATES_OF_BIRTH -> new HitValue(field, dateRange(text(data, "beginning"), text(data, "ending")), level, false, false, null);
            case LOCATIONS -> {
                String country = text(data, "country");
                String full = text(data, "full");
                yield new HitValue(field, full == null ? country : country == null || full.endsWith(country) ? full : full + " (" + country + ")",
                        level, false, false, null);
            }
            case DOCUMENTS -> new HitValue(field, text(data, "number"), level, false, false, text(data, "type"));
            case EMAIL_ADDRESSES -> new HitValue(field, text(data, "email_address"), level, false, false, null);
            case PHONE_NUMBERS -> new HitValue(field, text(data, "phone_number"), level, false, false, text(data, "type"));
            case URLS -> new HitValue(field, text(data, "url"), level, false, false, null);
        };
    }

    /** "1964-09-18", "any day in 1980", "1980-01-01 to 1981-06-30". */
    static String dateRange(String beginning, String ending) {
        if (beginning == null) {
            return ending;
        }
        if (ending == null || beginning.equals(ending)) {
            return beginning;
        }
        if (beginning.length() == 10 && ending.length() == 10 && beginning.endsWith("-01-01") && ending.endsWith("-12-31")
                && beginning.substring(0, 4).equals(ending.substring(0, 4))) {
            return "any day in " + beginning.substring(0, 4);
        }
        return beginning + " to " + ending;
    }

    /** The reviews of a review/list reply. */
    public static List<ScreeningReview> reviews(ScreeningKind kind, JsonNode reply) {
        List<ScreeningReview> reviews = new ArrayList<>();
        reply.path(kind.reviewsField()).forEach(json -> reviews.add(review(json)));
        return reviews;
    }

    /** A review object (from review/create or review/list). */
    public static ScreeningReview review(JsonNode json) {
        JsonNode trail = json.path("audit_trail");
        return new ScreeningReview(text(json, "id"), texts(json.path("confirmed_hits")), texts(json.path("dismissed_hits")),
                text(json, "comment"), text(trail, "dashboard_user_id"), text(trail, "source"), instant(text(trail, "timestamp")));
    }

    /** The programs of a program/list reply. */
    public static List<WatchlistProgram> programs(ScreeningKind kind, JsonNode reply) {
        List<WatchlistProgram> programs = new ArrayList<>();
        reply.path(kind.programsField()).forEach(json -> programs.add(program(kind, json)));
        return programs;
    }

    public static WatchlistProgram program(ScreeningKind kind, JsonNode json) {
        return new WatchlistProgram(kind, text(json, "id"), text(json, "name"), texts(json.path("lists_enabled")),
                text(json, "name_sensitivity"), json.path("is_rescanning_enabled").asBoolean(false), json.path("is_archived").asBoolean(false),
                instant(text(json, "created_at")));
    }

    /** The users of a dashboard_user/list reply. */
    public static List<DashboardUser> users(JsonNode reply) {
        List<DashboardUser> users = new ArrayList<>();
        reply.path("dashboard_users").forEach(json -> users.add(new DashboardUser(text(json, "id"), text(json, "email_address"),
                text(json, "status"))));
        return users;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> {
            if (node.isTextual()) {
                texts.add(node.asText());
            }
        });
        return texts;
    }

    static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() || !value.isValueNode() || value.asText().isEmpty() ? null : value.asText();
    }

    private static LocalDate date(String text) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return java.time.OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }
}
