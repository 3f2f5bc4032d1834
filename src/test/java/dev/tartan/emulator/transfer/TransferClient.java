package dev.tartan.emulator.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.emulator.EmulatorClient;
import dev.tartan.emulator.PlaidEmulator;
import dev.tartan.testing.SpecSchemas;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static dev.tartan.emulator.EmulatorClient.body;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Transfer calls for tests, over loopback: every successful answer is checked against the spec's response
 * schema, and every refusal can be read as Plaid's error.
 */
final class TransferClient {
    final EmulatorClient http;

    TransferClient(PlaidEmulator emulator) {
        this.http = new EmulatorClient(emulator);
    }

    /** Posts, requires 200 and a body valid for the operation's response schema. */
    JsonNode ok(String path, ObjectNode request) {
        JsonNode answer = http.ok(path, request);
        assertThat(SpecSchemas.responseProblems(path, answer)).as("schema problems of %s: %s", path, answer).isEmpty();
        return answer;
    }

    /** Posts a request Plaid refuses; returns the error answer after checking its status and code. */
    EmulatorClient.Answer refused(String path, ObjectNode request, int status, String errorCode) {
        EmulatorClient.Answer answer = http.post(path, request);
        assertThat(answer.status()).as("%s answered %s", path, answer.json()).isEqualTo(status);
        assertThat(answer.errorCode()).as("%s answered %s", path, answer.json()).isEqualTo(errorCode);
        return answer;
    }

    /** An account to move money with: a Sandbox Item's access token and one of its account ids. */
    record Account(String accessToken, String accountId) {
        ObjectNode named() {
            return body().put("access_token", accessToken).put("account_id", accountId);
        }
    }

    /** A new user_good Item's checking account (available balance $100). */
    Account checking() {
        return account("user_good", "pass_good", "checking");
    }

    /** The account of {@code subtype} of a new Item for these test credentials. */
    Account account(String username, String password, String subtype) {
        String token = http.newItem(username, password, "auth", "transfer");
        for (JsonNode account : http.ok("/accounts/get", body().put("access_token", token)).path("accounts")) {
            if (account.path("subtype").asText().equals(subtype)) {
                return new Account(token, account.path("account_id").asText());
            }
        }
        throw new AssertionError("no " + subtype + " account for " + username);
    }

    /** A user_custom Item whose one checking account has this available balance. */
    Account checkingWithAvailable(String available) {
        String config = """
                {"override_accounts": [{"type": "depository", "subtype": "checking", "starting_balance": 5000,
                  "force_available_balance": %s}]}""".formatted(available);
        return account("user_custom", config, "checking");
    }

    /** An authorization request: an ACH (web or ppd) transfer of {@code amount} each way. */
    static ObjectNode authorization(Account account, String type, String amount) {
        ObjectNode request = account.named().put("type", type).put("network", "ach").put("amount", amount)
                .put("ach_class", type.equals("debit") ? "web" : "ppd");
        request.putObject("user").put("legal_name", "Ada Weaver");
        return request;
    }

    JsonNode authorize(Account account, String type, String amount) {
        return ok("/transfer/authorization/create", authorization(account, type, amount)).path("authorization");
    }

    /** Creates the transfer of an approved authorization. */
    JsonNode create(Account account, String authorizationId) {
        return ok("/transfer/create", account.named().put("authorization_id", authorizationId).put("description", "payment"))
                .path("transfer");
    }

    /** An ACH transfer of {@code amount}, authorized and created. */
    JsonNode transfer(Account account, String type, String amount) {
        JsonNode authorization = authorize(account, type, amount);
        assertThat(authorization.path("decision").asText()).as("decision on %s", authorization).isEqualTo("approved");
        return create(account, authorization.path("id").asText());
    }

    JsonNode get(String transferId) {
        return ok("/transfer/get", body().put("transfer_id", transferId)).path("transfer");
    }

    String status(String transferId) {
        return get(transferId).path("status").asText();
    }

    void simulate(String transferId, String eventType) {
        ok("/sandbox/transfer/simulate", body().put("transfer_id", transferId).put("event_type", eventType));
    }

    /** The events of one transfer (its own, its refunds' and its sweeps'), oldest first. */
    List<String> eventTypes(String transferId) {
        JsonNode events = ok("/transfer/event/list", body().put("transfer_id", transferId)).path("transfer_events");
        List<String> types = new ArrayList<>();
        events.forEach(event -> types.add(0, event.path("event_type").asText()));
        return types;
    }

    /** Every event from the start, paging through /transfer/event/sync. */
    List<JsonNode> allEvents() {
        List<JsonNode> events = new ArrayList<>();
        long after = 0;
        boolean more = true;
        while (more) {
            JsonNode page = ok("/transfer/event/sync", body().put("after_id", after).put("count", 500));
            page.path("transfer_events").forEach(events::add);
            after = events.isEmpty() ? 0 : events.get(events.size() - 1).path("event_id").asLong();
            more = page.path("has_more").asBoolean();
        }
        return events;
    }

    JsonNode ledger() {
        return ok("/transfer/ledger/get", body());
    }

    String defaultLedgerId() {
        return ledger().path("ledger_id").asText();
    }

    /** The emulator's second ledger, found through its starting balance in the ledgers' history. */
    String reserveLedgerId() {
        String defaultId = defaultLedgerId();
        JsonNode history = ok("/transfer/ledger/event/list", body()).path("ledger_events");
        for (JsonNode entry : history) {
            if (!entry.path("ledger_id").asText().equals(defaultId)) {
                return entry.path("ledger_id").asText();
            }
        }
        throw new AssertionError("no second ledger in " + history);
    }

    static String key() {
        return UUID.randomUUID().toString();
    }
}
