package dev.tartan.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.api.PlaidJson;
import dev.tartan.concurrent.Futures;
import dev.tartan.model.CallRecord;
import dev.tartan.model.IdentityMatchResult;
import dev.tartan.model.PlaidResponse;
import dev.tartan.model.Profile;
import dev.tartan.model.TransactionsPage;

import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * What a processor partner asks of the account behind a processor token beyond its cached reads:
 * the balance from the bank now, an identity match, fresh transactions from the bank, and the
 * transactions of a date range a page at a time (their sync and storage are
 * {@link TransactionSyncService}'s). Every call is reported to the caller's call log.
 */
public final class ProcessorAccountService {

    /** What the customer says about themselves; blank fields are left out of the match. */
    public record IdentityMatchUser(String legalName, String emailAddress, String phoneNumber, String street,
                                    String city, String region, String postalCode, String country) {
    }

    static final String BALANCE = "/processor/balance/get";
    static final String IDENTITY_MATCH = "/processor/identity/match";
    static final String TRANSACTIONS_REFRESH = "/processor/transactions/refresh";
    static final String TRANSACTIONS_GET = "/processor/transactions/get";
    /** The most transactions /processor/transactions/get returns in one page. */
    public static final int MAX_PAGE_SIZE = 500;

    private final CachedCalls calls;
    private final Clock clock;

    public ProcessorAccountService(CachedCalls calls, Clock clock) {
        this.calls = calls;
        this.clock = clock;
    }

    /** The account with its balance fetched from the bank now (slow: the bank is asked). */
    public CompletableFuture<CachedCalls.Fetched> realTimeBalance(Profile profile, String processorToken, Consumer<CallRecord> log) {
        return calls.fetch(profile, BALANCE, RequestBodies.of("processor_token", processorToken), log);
    }

    /** Scores what the customer says against what the bank holds; at least one field must be given. */
    public CompletableFuture<IdentityMatchResult> matchIdentity(Profile profile, String processorToken, IdentityMatchUser user,
                                                                Consumer<CallRecord> log) {
        ObjectNode given = PlaidJson.mapper().createObjectNode();
        RequestBodies.putIfGiven(given, "legal_name", user.legalName());
        RequestBodies.putIfGiven(given, "email_address", user.emailAddress());
        RequestBodies.putIfGiven(given, "phone_number", user.phoneNumber());
        ObjectNode address = PlaidJson.mapper().createObjectNode();
        RequestBodies.putIfGiven(address, "street", user.street());
        RequestBodies.putIfGiven(address, "city", user.city());
        RequestBodies.putIfGiven(address, "region", user.region());
        RequestBodies.putIfGiven(address, "postal_code", user.postalCode());
        RequestBodies.putIfGiven(address, "country", user.country());
        if (!address.isEmpty()) {
            given.set("address", address);
        }
        if (given.isEmpty()) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(
                    "Fill in at least one field: a name, an email address, a phone number or an address"));
        }
        ObjectNode body = RequestBodies.of("processor_token", processorToken);
        body.set("user", given);
        return Futures.map(calls.send(profile, IDENTITY_MATCH, body, log), response -> new IdentityMatchResult(
                IdentityMatchExplanations.explain(response.json().path("account")), clock.instant(), response.requestId()));
    }

    /** Asks Plaid to fetch new transactions from the bank now (slow). */
    public CompletableFuture<PlaidResponse> refreshTransactions(Profile profile, String processorToken, Consumer<CallRecord> log) {
        return calls.send(profile, TRANSACTIONS_REFRESH, RequestBodies.of("processor_token", processorToken), log);
    }

    /**
     * One page of the token's transactions dated {@code start} to {@code end} (both included),
     * {@code count} of them from {@code offset}. Like identity match, a form's call: not cached.
     */
    public CompletableFuture<TransactionsPage> transactionsPage(Profile profile, String processorToken, LocalDate start,
                                                                LocalDate end, int offset, int count, Consumer<CallRecord> log) {
        if (start == null || end == null) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("Give both dates of the range"));
        }
        if (start.isAfter(end)) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("The range starts (" + start
                    + ") after it ends (" + end + ")"));
        }
        if (count < 1 || count > MAX_PAGE_SIZE) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("A page holds 1 to " + MAX_PAGE_SIZE
                    + " transactions; " + count + " was asked for"));
        }
        if (offset < 0) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("The offset cannot be negative"));
        }
        ObjectNode body = RequestBodies.of("processor_token", processorToken);
        body.put("start_date", start.toString());
        body.put("end_date", end.toString());
        body.putObject("options").put("count", count).put("offset", offset);
        return Futures.map(calls.send(profile, TRANSACTIONS_GET, body, log), response -> new TransactionsPage(start, end, offset,
                count, response.json().path("total_transactions").asLong(), response.json().path("transactions"),
                response.requestId()));
    }
}
