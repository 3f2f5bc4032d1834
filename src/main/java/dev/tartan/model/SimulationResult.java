package dev.tartan.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What running a simulation gave: the replies of its calls (creating a sandbox Item is the create
 * call and the exchange of its public token), the ids and tokens they carry, what they are about,
 * and the tokens kept in the token book.
 *
 * @param startedAt when the first call went out (webhooks it caused arrive after)
 * @param calls     the calls made, in order
 * @param subjects  the ids of what the simulation is about (its Item, account, transfer, ...), from
 *                  the body sent, the replies and the token book's owner of a token sent
 * @param kept      tokens added to the token book
 */
public record SimulationResult(Instant startedAt, List<Call> calls, Set<String> subjects, List<TokenEntry> kept) {

    /** One call: the operation and its reply. */
    public record Call(String path, JsonNode reply, String requestId) {
    }

    public SimulationResult {
        calls = List.copyOf(calls);
        subjects = Set.copyOf(new LinkedHashSet<>(subjects));
        kept = List.copyOf(kept);
    }

    /** The last call's reply: what the simulation answered. */
    public JsonNode reply() {
        return calls.isEmpty() ? JsonNodeFactory.instance.objectNode() : calls.get(calls.size() - 1).reply();
    }

    /** The request_id of the last call. */
    public String requestId() {
        return calls.isEmpty() ? null : calls.get(calls.size() - 1).requestId();
    }

    /** What to show: the one reply, or each call's reply under its path. */
    public JsonNode shown() {
        if (calls.size() == 1) {
            return calls.get(0).reply();
        }
        ObjectNode all = JsonNodeFactory.instance.objectNode();
        calls.forEach(call -> all.set(call.path(), call.reply()));
        return all;
    }

    /** The ids and tokens of every reply by name, the last call's winning (see {@link ReplyValues}). */
    public Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        calls.forEach(call -> values.putAll(ReplyValues.of(call.reply())));
        return values;
    }

    /** The value at a JSON pointer in the latest reply that has one, or a missing node. */
    public JsonNode at(String pointer) {
        for (int i = calls.size() - 1; i >= 0; i--) {
            JsonNode found = calls.get(i).reply().at(pointer);
            if (!found.isMissingNode()) {
                return found;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
}
