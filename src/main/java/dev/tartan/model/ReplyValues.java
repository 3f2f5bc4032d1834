package dev.tartan.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The ids and tokens a reply (or a webhook) carries, named as a later request would name them: an
 * {@code item_id} is {@code item_id}, the {@code id} of a {@code transfer} object is {@code transfer_id}.
 * What a scenario's later steps use, and what tells which webhooks concern which Item or transfer.
 */
public final class ReplyValues {

    private static final int MAX_DEPTH = 6;
    /** Ids that name something a webhook can be about; institution ids and the like are shared by many. */
    private static final Set<String> SUBJECT_IDS = Set.of("item_id", "account_id", "transfer_id", "authorization_id", "refund_id",
            "sweep_id", "asset_report_id", "watchlist_screening_id", "entity_watchlist_screening_id", "user_id", "payment_id",
            "bank_transfer_id", "recurring_transfer_id", "test_clock_id", "repayment_id");
    private static final Set<String> NOT_VALUES = Set.of("request_id", "client_id");

    private ReplyValues() {
    }

    /** Every id and token in {@code json} by name, the first of each name (depth first, in order). */
    public static Map<String, String> of(JsonNode json) {
        Map<String, String> values = new LinkedHashMap<>();
        walk(json, null, 0, (name, value) -> values.putIfAbsent(name, value));
        return values;
    }

    /** The values of the ids that name a subject (an Item, an account, a transfer, a screening, ...). */
    public static Set<String> subjectIds(JsonNode json) {
        Set<String> ids = new LinkedHashSet<>();
        walk(json, null, 0, (name, value) -> {
            if (SUBJECT_IDS.contains(name)) {
                ids.add(value);
            }
        });
        return ids;
    }

    /** Whether {@code name} names a subject a webhook can be about. */
    public static boolean isSubjectId(String name) {
        return SUBJECT_IDS.contains(name);
    }

    private static void walk(JsonNode node, String parentKey, int depth, java.util.function.BiConsumer<String, String> out) {
        if (node == null || depth > MAX_DEPTH) {
            return;
        }
        if (node.isArray()) {
            node.forEach(element -> walk(element, parentKey, depth + 1, out));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (value.isTextual() && !value.asText().isBlank()) {
                String named = nameOf(name, parentKey);
                if (named != null) {
                    out.accept(named, value.asText());
                }
            } else if (value.isContainerNode()) {
                walk(value, name, depth + 1, out);
            }
        }
    }

    /** The name a value goes by, or null when it is neither an id nor a token. */
    private static String nameOf(String name, String parentKey) {
        if (NOT_VALUES.contains(name)) {
            return null;
        }
        if (name.equals("id")) {
            return parentKey == null ? null : singular(parentKey) + "_id";
        }
        if (name.endsWith("_id") || name.endsWith("_token") || name.equals("next_cursor")) {
            return name;
        }
        return null;
    }

    private static String singular(String key) {
        return key.endsWith("s") && key.length() > 1 ? key.substring(0, key.length() - 1) : key;
    }
}
