package dev.tartan.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.api.PlaidJson;
import dev.tartan.concurrent.Futures;
import dev.tartan.model.CallRecord;
import dev.tartan.model.Profile;
import dev.tartan.model.TransferAmount;
import dev.tartan.model.TransferProposal;
import dev.tartan.store.Vault;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Making transfers as Plaid prescribes: an authorization first (its decision and rationale are
 * shown before anything is created, and kept, as Plaid has no call that reads one back), then the
 * transfer from the approved authorization; and recurring transfers. Each request carries an
 * idempotency key, so a repeated click answers with the first result instead of moving money
 * twice. What is made is kept in the vault's copy and noted in the audit log.
 */
public final class TransferCreationService {

    public static final String AUTHORIZE = "/transfer/authorization/create";
    public static final String CREATE = "/transfer/create";
    public static final String RECURRING_CREATE = "/transfer/recurring/create";
    public static final String RECURRING_CANCEL = "/transfer/recurring/cancel";
    public static final String RECURRING_GET = "/transfer/recurring/get";
    public static final String RECURRING_LIST = "/transfer/recurring/list";

    /** A recurring transfer's schedule: weekly on a weekday (1 Monday to 5 Friday) or monthly on a day (1 to 28, -1 to -5). */
    public record Schedule(String intervalUnit, int intervalCount, int executionDay, LocalDate startDate, LocalDate endDate) {
        public Schedule checked() {
            boolean weekly = "week".equals(intervalUnit);
            if (!weekly && !"month".equals(intervalUnit)) {
                throw new IllegalArgumentException("Repeat every week or every month.");
            }
            if (intervalCount < 1) {
                throw new IllegalArgumentException("Repeat at least every 1 " + intervalUnit + ".");
            }
            if (weekly ? executionDay < 1 || executionDay > 5 : executionDay == 0 || executionDay < -5 || executionDay > 28) {
                throw new IllegalArgumentException(weekly ? "A weekly transfer goes on a weekday: 1 (Monday) to 5 (Friday)."
                        : "A monthly transfer goes on day 1 to 28, or -1 (the last day) to -5.");
            }
            if (startDate == null) {
                throw new IllegalArgumentException("Give the day the schedule starts.");
            }
            if (endDate != null && endDate.isBefore(startDate)) {
                throw new IllegalArgumentException("The schedule ends (" + endDate + ") before it starts (" + startDate + ").");
            }
            return this;
        }
    }

    /** The most recurring transfers a clock advance looks through. */
    private static final int MAX_RECURRING_READ = 1_000;

    private final CachedCalls calls;
    private final TransferSyncService mirror;
    private final TransferAudit audit;

    public TransferCreationService(CachedCalls calls, TransferSyncService mirror, Vault vault, Executor io) {
        this.calls = calls;
        this.mirror = mirror;
        this.audit = new TransferAudit(vault, io);
    }

    /** The accounts of an Item (cache-through /accounts/get), to pick the one money moves from or to. */
    public CompletableFuture<List<JsonNode>> accountsOf(Profile profile, String accessToken, Consumer<CallRecord> log) {
        return Futures.map(calls.fetch(profile, "/accounts/get", RequestBodies.of("access_token", accessToken), log), fetched -> {
            List<JsonNode> accounts = new ArrayList<>();
            fetched.json().path("accounts").forEach(accounts::add);
            return accounts;
        });
    }

    /**
     * Asks Plaid to authorize the proposal; completes with the authorization (its decision and
     * rationale), which Tartan keeps. The same idempotency key answers with the first authorization.
     */
    public CompletableFuture<JsonNode> authorize(Profile profile, TransferProposal proposal, String idempotencyKey,
                                                 Consumer<CallRecord> log) {
        TransferProposal checked = proposal.checked();
        requireKey(idempotencyKey);
        ObjectNode body = terms(checked);
        body.put("idempotency_key", idempotencyKey);
        return Futures.flatMap(calls.send(profile, AUTHORIZE, body, log), response -> {
            JsonNode authorization = response.json().path("authorization");
            return Futures.map(calls.remember(profile, TransferService.AUTHORIZATION,
                    RequestBodies.of("authorization_id", authorization.path("id").asText()), authorization, response.requestId()),
                    kept -> authorization);
        });
    }

    /**
     * Creates the transfer of an approved authorization; completes with the transfer, kept in the
     * vault's copy. Plaid answers a second create of the same authorization with the same transfer.
     */
    public CompletableFuture<JsonNode> create(Profile profile, TransferProposal proposal, JsonNode authorization, String idempotencyKey,
                                              Consumer<CallRecord> log) {
        TransferProposal checked = proposal.checked();
        requireKey(idempotencyKey);
        if (authorization == null || !authorization.hasNonNull("id")) {
            throw new IllegalArgumentException("Authorize the transfer first.");
        }
        if (!"approved".equals(authorization.path("decision").asText())) {
            throw new IllegalArgumentException("Plaid did not approve the transfer (" + authorization.path("decision").asText()
                    + "): nothing can be created from this authorization.");
        }
        ObjectNode body = PlaidJson.mapper().createObjectNode();
        body.put("access_token", checked.accessToken());
        body.put("account_id", checked.accountId());
        body.put("authorization_id", authorization.path("id").asText());
        body.put("description", checked.description());
        body.put("idempotency_key", idempotencyKey);
        if (checked.testClockId() != null) {
            body.put("test_clock_id", checked.testClockId());
        }
        CompletableFuture<JsonNode> created = Futures.map(audit.after(calls.send(profile, CREATE, body, log), "create transfer",
                response -> targets(response.json().path("transfer"), checked)), response -> response.json().path("transfer"));
        return Futures.flatMap(created, transfer -> Futures.map(mirror.remember(profile, transfer), row -> transfer));
    }

    /**
     * Creates a recurring transfer (Plaid authorizes it at once); completes with the reply: the
     * decision, its rationale and, when approved, the recurring transfer.
     */
    public CompletableFuture<JsonNode> createRecurring(Profile profile, TransferProposal proposal, Schedule schedule, String idempotencyKey,
                                                       Consumer<CallRecord> log) {
        TransferProposal checked = proposal.checked();
        Schedule plan = schedule == null ? null : schedule.checked();
        if (plan == null) {
            throw new IllegalArgumentException("Give the schedule.");
        }
        requireKey(idempotencyKey);
        ObjectNode body = terms(checked);
        body.put("description", checked.description());
        body.put("idempotency_key", idempotencyKey);
        ObjectNode when = body.putObject("schedule");
        when.put("interval_unit", plan.intervalUnit());
        when.put("interval_count", plan.intervalCount());
        when.put("interval_execution_day", plan.executionDay());
        when.put("start_date", plan.startDate().toString());
        if (plan.endDate() != null) {
            when.put("end_date", plan.endDate().toString());
        }
        return Futures.map(audit.after(calls.send(profile, RECURRING_CREATE, body, log), "create recurring transfer",
                response -> {
                    List<String> targets = new ArrayList<>(targets(response.json().path("recurring_transfer"), checked));
                    targets.add("recurring_transfer_id=" + response.json().path("recurring_transfer").path("recurring_transfer_id").asText());
                    return targets;
                }), response -> response.json());
    }

    /** One recurring transfer, read fresh. */
    public CompletableFuture<JsonNode> recurring(Profile profile, String recurringId, Consumer<CallRecord> log) {
        TransferService.requireId(recurringId, "recurring transfer");
        return Futures.map(calls.fetch(profile, RECURRING_GET, RequestBodies.of("recurring_transfer_id", recurringId), log),
                fetched -> fetched.json().path("recurring_transfer"));
    }

    /**
     * Every recurring transfer, newest first, read page by page (a profile has few: Plaid allows
     * five on a test clock).
     */
    public CompletableFuture<List<JsonNode>> recurringList(Profile profile, Consumer<CallRecord> log) {
        return recurringPages(profile, 0, new ArrayList<>(), log);
    }

    private CompletableFuture<List<JsonNode>> recurringPages(Profile profile, int offset, List<JsonNode> read, Consumer<CallRecord> log) {
        return Futures.flatMap(calls.fetch(profile, RECURRING_LIST, TransferLedgerService.page(offset), log), fetched -> {
            JsonNode page = fetched.json().path("recurring_transfers");
            page.forEach(read::add);
            return page.size() < TransferLedgerService.PAGE || read.size() >= MAX_RECURRING_READ
                    ? CompletableFuture.completedFuture(read) : recurringPages(profile, offset + page.size(), read, log);
        });
    }

    /** Cancels a recurring transfer: it originates nothing more. */
    public CompletableFuture<JsonNode> cancelRecurring(Profile profile, String recurringId, Consumer<CallRecord> log) {
        TransferService.requireId(recurringId, "recurring transfer");
        return Futures.map(audit.after(calls.send(profile, RECURRING_CANCEL, RequestBodies.of("recurring_transfer_id", recurringId), log),
                "cancel recurring transfer", response -> List.of("recurring_transfer_id=" + recurringId)), response -> response.json());
    }

    /** The fields authorization and recurring creation share. */
    private static ObjectNode terms(TransferProposal proposal) {
        ObjectNode body = PlaidJson.mapper().createObjectNode();
        body.put("access_token", proposal.accessToken());
        body.put("account_id", proposal.accountId());
        body.put("type", proposal.type());
        body.put("network", proposal.network());
        if (proposal.achClass() != null) {
            body.put("ach_class", proposal.achClass());
        }
        body.put("amount", TransferAmount.format(proposal.amountCents()));
        body.putObject("user").put("legal_name", proposal.legalName());
        if (proposal.testClockId() != null) {
            body.put("test_clock_id", proposal.testClockId());
        }
        return body;
    }

    private static List<String> targets(JsonNode made, TransferProposal proposal) {
        List<String> targets = new ArrayList<>();
        if (made.hasNonNull("id")) {
            targets.add("transfer_id=" + made.path("id").asText());
        }
        targets.add("account_id=" + proposal.accountId());
        targets.add("amount=" + TransferAmount.format(proposal.amountCents()));
        targets.add("type=" + proposal.type());
        targets.add("network=" + proposal.network());
        return targets;
    }

    private static void requireKey(String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw new IllegalArgumentException("The request needs an idempotency key.");
        }
    }
}
