package dev.tartan.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.api.PlaidJson;
import dev.tartan.model.CallRecord;
import dev.tartan.model.FailureReport;
import dev.tartan.model.FieldMatch;
import dev.tartan.model.FixAction;
import dev.tartan.model.Futures;
import dev.tartan.model.PlaidResponse;
import dev.tartan.model.Profile;
import dev.tartan.model.SignalAssessment;
import dev.tartan.model.TokenEntry;
import dev.tartan.model.TokenKind;
import dev.tartan.model.WebhookUrl;
import dev.tartan.store.Vault;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * What a processor partner does with a processor token: read the account behind it (cache-through),
 * match an identity, score a planned debit with Signal and report what became of it, set the
 * token's webhook, read its transactions a page at a time by date, ask for fresh transactions
 * (their sync and storage are TransactionService's). Also makes processor tokens from an Item's access token and keeps them in the
 * token book. Every call is reported to the caller's call log; the gateway audits the state changes.
 */
public final class ProcessorService {

    /** The reads a pane fans out when a processor token is opened; each is cache-through. */
    public enum Read {
        ACCOUNT("/processor/account/get"),
        AUTH("/processor/auth/get"),
        IDENTITY("/processor/identity/get"),
        LIABILITIES("/processor/liabilities/get"),
        RECURRING("/processor/transactions/recurring/get");

        private final String path;

        Read(String path) {
            this.path = path;
        }

        public String path() {
            return path;
        }
    }

    /**
     * A planned ACH debit to score.
     *
     * @param amount              the amount, more than 0
     * @param clientTransactionId a unique id of 1 to 36 characters (see {@link #newClientTransactionId()})
     * @param userPresent         whether the customer is present now, or null when not known
     * @param clientUserId        the customer's id in the caller's system, or null
     * @param recurring           whether the debit is part of a recurring series, or null
     * @param rulesetKey          the Signal ruleset to apply, or null for the default
     */
    public record SignalRequest(double amount, String clientTransactionId, Boolean userPresent, String clientUserId,
                                Boolean recurring, String rulesetKey) {
    }

    /**
     * Whether an evaluated debit was sent, for /processor/signal/decision/report.
     *
     * @param daysFundsOnHold          days the funds were held before being made available, or null
     * @param decisionOutcome          APPROVE, REVIEW, ... (see {@link #decisionOutcomes()}), or null
     * @param paymentMethod            SAME_DAY_ACH, ... (see {@link #paymentMethods()}), or null
     * @param amountInstantlyAvailable the part of the amount made available at once, or null
     */
    public record DecisionReport(String clientTransactionId, boolean initiated, Integer daysFundsOnHold,
                                 String decisionOutcome, String paymentMethod, Double amountInstantlyAvailable) {
    }

    /**
     * A returned debit, for /processor/signal/return/report.
     *
     * @param returnCode the NACHA code, such as R01
     * @param returnedAt when it came back, or null
     */
    public record ReturnReport(String clientTransactionId, String returnCode, Instant returnedAt) {
    }

    /** What the customer says about themselves; blank fields are left out of the match. */
    public record IdentityMatchUser(String legalName, String emailAddress, String phoneNumber, String street,
                                    String city, String region, String postalCode, String country) {
    }

    /** Identity match scores, explained, and when they came. */
    public record IdentityMatchResult(List<FieldMatch> fields, Instant at, String requestId) {
    }

    /**
     * One page of /processor/transactions/get: the transactions of a date range, newest first.
     *
     * @param offset       where the page starts among the range's {@code total} transactions
     * @param count        the page size asked for
     * @param transactions the page's transactions (a JSON array)
     */
    public record TransactionsPage(LocalDate start, LocalDate end, int offset, int count, long total, JsonNode transactions,
                                   String requestId) {
        /** Whether transactions before this page exist (the offset of the page before is never negative). */
        public boolean hasPrevious() {
            return offset > 0;
        }

        /** Whether the range holds transactions after this page. */
        public boolean hasNext() {
            return offset + transactions.size() < total;
        }
    }

    /** A processor token's webhook as Tartan last set it (Plaid offers no call to read it back). */
    public record KnownWebhook(String url, Instant setAt, String requestId) {
    }

    static final String TOKEN_CREATE = "/processor/token/create";
    static final String SANDBOX_TOKEN_CREATE = "/sandbox/processor_token/create";
    static final String BALANCE = "/processor/balance/get";
    static final String IDENTITY_MATCH = "/processor/identity/match";
    static final String SIGNAL_EVALUATE = "/processor/signal/evaluate";
    static final String SIGNAL_PREPARE = "/processor/signal/prepare";
    static final String DECISION_REPORT = "/processor/signal/decision/report";
    static final String RETURN_REPORT = "/processor/signal/return/report";
    static final String WEBHOOK_UPDATE = "/processor/token/webhook/update";
    static final String TRANSACTIONS_REFRESH = "/processor/transactions/refresh";
    static final String TRANSACTIONS_GET = "/processor/transactions/get";
    /** The most transactions /processor/transactions/get returns in one page. */
    public static final int MAX_PAGE_SIZE = 500;

    private static final Consumer<CallRecord> UNLOGGED = call -> { };

    private final CachedCalls calls;
    private final CatalogService catalog;
    private final Vault vault;
    private final Executor io;
    private final Clock clock;

    public ProcessorService(CachedCalls calls, CatalogService catalog, Vault vault, Executor io, Clock clock) {
        this.calls = calls;
        this.catalog = catalog;
        this.vault = vault;
        this.io = io;
        this.clock = clock;
    }

    // --- the token book ---------------------------------------------------------------------------

    /** The processor tokens kept for {@code profile}, newest first. */
    public CompletableFuture<List<TokenEntry>> tokens(Profile profile) {
        return CompletableFuture.supplyAsync(() -> vault.tokens().list(profile.name()).stream()
                .filter(entry -> entry.kind() == TokenKind.PROCESSOR).toList(), io);
    }

    /** The access tokens kept for {@code profile}, to make processor tokens from. */
    public CompletableFuture<List<TokenEntry>> accessTokens(Profile profile) {
        return CompletableFuture.supplyAsync(() -> vault.tokens().list(profile.name()).stream()
                .filter(entry -> entry.kind() == TokenKind.ACCESS).toList(), io);
    }

    /**
     * Keeps a pasted processor token for {@code profile}, or returns the entry already kept. Refuses
     * (with a message, as an {@link IllegalArgumentException}) anything that is not a processor token
     * of the profile's environment, and a token another profile keeps.
     */
    public CompletableFuture<TokenEntry> addToken(Profile profile, String pasted, String label) {
        String token;
        try {
            token = checkProcessorToken(profile, pasted);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
        return CompletableFuture.supplyAsync(() -> {
            Optional<TokenEntry> known = vault.tokens().byToken(token);
            if (known.isPresent()) {
                TokenEntry entry = known.get();
                if (entry.profile() != null && !entry.profile().equals(profile.name())) {
                    throw new IllegalArgumentException("Profile '" + entry.profile() + "' already keeps this processor token: "
                            + "switch to that profile to open it.");
                }
                return entry;
            }
            TokenEntry saved = vault.tokens().save(TokenEntry.of(TokenKind.PROCESSOR, token, profile.name(), null)
                    .withLabel(blankToNull(label)));
            vault.audit().append("token book add", List.of("processor_token=" + token), "ok", null);
            return saved;
        }, io);
    }

    /** Removes the token from the token book (Plaid is not told); true if it was there. */
    public CompletableFuture<Boolean> removeToken(TokenEntry entry) {
        return CompletableFuture.supplyAsync(() -> {
            boolean removed = vault.tokens().remove(entry.value());
            if (removed) {
                List<String> targets = new ArrayList<>(List.of("processor_token=" + entry.value()));
                if (entry.ownerId() != null) {
                    targets.add("account_id=" + entry.ownerId());
                }
                vault.audit().append("token book remove", targets, "ok", null);
            }
            return removed;
        }, io);
    }

    /**
     * Fills in the entry's account_id and institution from an account reply when the book does not
     * have them yet; returns the entry as kept.
     */
    public CompletableFuture<TokenEntry> noteAccount(TokenEntry entry, JsonNode accountReply) {
        String accountId = accountReply.path("account").path("account_id").asText(null);
        String institution = accountReply.path("institution_id").asText(null);
        boolean learnsAccount = entry.ownerId() == null && accountId != null;
        boolean learnsInstitution = entry.institution() == null && institution != null;
        if (!learnsAccount && !learnsInstitution) {
            return CompletableFuture.completedFuture(entry);
        }
        TokenEntry updated = new TokenEntry(entry.id(), entry.kind(), entry.value(), entry.label(), entry.profile(),
                entry.environment(), learnsAccount ? accountId : entry.ownerId(),
                learnsInstitution ? institution : entry.institution(), entry.createdAt(), entry.lastUsedAt(), entry.notes());
        return CompletableFuture.supplyAsync(() -> vault.tokens().save(updated), io);
    }

    /**
     * The token, trimmed, when {@code pasted} is a processor token usable with {@code profile}.
     *
     * @throws IllegalArgumentException saying what is wrong (never repeating the pasted text)
     */
    public static String checkProcessorToken(Profile profile, String pasted) {
        if (pasted == null || pasted.isBlank()) {
            throw new IllegalArgumentException("Paste a processor token: it looks like processor-sandbox-\u2026");
        }
        String token = pasted.strip();
        TokenKind kind = TokenKind.of(token);
        if (kind == null) {
            throw new IllegalArgumentException("Not a processor token. Processor tokens look like "
                    + "processor-<environment>-<identifier>, such as processor-sandbox-5f0c\u2026");
        }
        if (kind != TokenKind.PROCESSOR) {
            throw new IllegalArgumentException("That is " + withArticle(kind.displayName().toLowerCase(Locale.ROOT))
                    + ", not a processor token. Processor tokens start with processor-sandbox- or processor-production-."
                    + (kind == TokenKind.ACCESS ? " To make one from an access token, use New \u2192 From an Item." : ""));
        }
        String environment = TokenKind.environmentOf(token);
        String expected = switch (profile.environment().kind()) {
            case SANDBOX, EMULATOR -> "sandbox";
            case PRODUCTION -> "production";
            case CUSTOM -> null;
        };
        if (expected != null && !expected.equals(environment)) {
            throw new IllegalArgumentException("This is a " + environment + " processor token, but profile '" + profile.name()
                    + "' works with " + profile.environment().displayName() + ": switch to a "
                    + (environment.equals("production") ? "Production" : "Sandbox") + " profile to use it.");
        }
        return token;
    }

    // --- making processor tokens ------------------------------------------------------------------

    /** The processors /processor/token/create accepts, from its request schema, in alphabetical order. */
    public CompletableFuture<List<String>> processors() {
        return Futures.map(catalog.enumOf(TOKEN_CREATE, "processor"), values -> values.stream().sorted().toList());
    }

    /** The accounts of an Item, to pick the one a processor token is for. */
    public CompletableFuture<JsonNode> accountsOf(Profile profile, String accessToken) {
        ObjectNode body = body("access_token", accessToken);
        return Futures.map(calls.fresh(profile, "/accounts/get", body, UNLOGGED), fetched -> fetched.json().path("accounts"));
    }

    /**
     * Creates a processor token for one account of an Item and keeps it in the token book (kind
     * PROCESSOR, owner the account_id, labelled "processor · Item", with the Item's institution when
     * the book knows it), with an audit entry.
     */
    public CompletableFuture<TokenEntry> createProcessorToken(Profile profile, String accessToken, String accountId, String processor) {
        return createProcessorToken(profile, accessToken, accountId, processor, null, UNLOGGED);
    }

    /**
     * As {@link #createProcessorToken(Profile, String, String, String)}, with a label of the caller's
     * (null: the default), reporting the call to {@code log}.
     */
    public CompletableFuture<TokenEntry> createProcessorToken(Profile profile, String accessToken, String accountId,
                                                              String processor, String label, Consumer<CallRecord> log) {
        if (isBlank(accessToken) || isBlank(accountId) || isBlank(processor)) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(
                    "A processor token needs an access token, one of its accounts and a processor"));
        }
        ObjectNode body = body("access_token", accessToken.strip());
        body.put("account_id", accountId.strip());
        body.put("processor", processor.strip());
        return Futures.flatMap(calls.act(profile, TOKEN_CREATE, body, log), response -> CompletableFuture.supplyAsync(() -> {
            Optional<TokenEntry> item = vault.tokens().byToken(accessToken);
            String itemName = item.map(e -> e.label() != null ? e.label() : e.ownerId()).orElse(null);
            String name = !isBlank(label) ? label.strip() : processor + (itemName == null ? "" : " \u00b7 " + itemName);
            TokenEntry entry = TokenEntry.of(TokenKind.PROCESSOR, response.json().path("processor_token").asText(), profile.name(), accountId)
                    .withLabel(name)
                    .withInstitution(item.map(TokenEntry::institution).orElse(null));
            TokenEntry saved = vault.tokens().save(entry);
            List<String> targets = new ArrayList<>(List.of("account_id=" + accountId, "processor=" + processor));
            item.map(TokenEntry::ownerId).ifPresent(itemId -> targets.add("item_id=" + itemId));
            vault.audit().append("create processor token", targets, "ok", response.requestId());
            return saved;
        }, io));
    }

    /**
     * Sandbox only: makes a new Item at {@code institutionId} and a processor token for its first
     * checking or savings account, keeps it, and reads its account (which fills in the account_id
     * and institution, and leaves the account in the cache for the pane).
     */
    public CompletableFuture<TokenEntry> createSandboxProcessorToken(Profile profile, String institutionId, String label) {
        if (isBlank(institutionId)) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("Give the institution, such as ins_109508"));
        }
        ObjectNode body = body("institution_id", institutionId.strip());
        CompletableFuture<TokenEntry> kept = Futures.flatMap(calls.act(profile, SANDBOX_TOKEN_CREATE, body, UNLOGGED),
                response -> CompletableFuture.supplyAsync(() -> {
                    String token = response.json().path("processor_token").asText();
                    TokenEntry saved = vault.tokens().save(TokenEntry.of(TokenKind.PROCESSOR, token, profile.name(), null)
                            .withLabel(isBlank(label) ? "Sandbox \u00b7 " + institutionId.strip() : label.strip())
                            .withInstitution(institutionId.strip()));
                    vault.audit().append("create sandbox processor token", List.of("institution_id=" + institutionId.strip()),
                            "ok", response.requestId());
                    return saved;
                }, io));
        return Futures.flatMap(kept, entry -> Futures.flatMap(fetch(profile, Read.ACCOUNT, entry.value(), UNLOGGED),
                account -> noteAccount(entry, account.json())));
    }

    // --- reads --------------------------------------------------------------------------------------

    /** What the vault remembers of {@code read} for this token, if anything. */
    public CompletableFuture<Optional<CachedCalls.Fetched>> cached(Profile profile, Read read, String processorToken) {
        return calls.cached(profile, read.path(), readBody(processorToken));
    }

    /** Makes {@code read} now and remembers the reply. */
    public CompletableFuture<CachedCalls.Fetched> fetch(Profile profile, Read read, String processorToken, Consumer<CallRecord> log) {
        return calls.fresh(profile, read.path(), readBody(processorToken), log);
    }

    /** The account with its balance fetched from the bank now (slow: the bank is asked). */
    public CompletableFuture<CachedCalls.Fetched> realTimeBalance(Profile profile, String processorToken, Consumer<CallRecord> log) {
        return calls.fresh(profile, BALANCE, body("processor_token", processorToken), log);
    }

    /** The request body of a read: the token alone. */
    private static ObjectNode readBody(String processorToken) {
        return body("processor_token", processorToken);
    }

    // --- identity match -----------------------------------------------------------------------------

    /** Scores what the customer says against what the bank holds; at least one field must be given. */
    public CompletableFuture<IdentityMatchResult> matchIdentity(Profile profile, String processorToken, IdentityMatchUser user,
                                                                Consumer<CallRecord> log) {
        ObjectNode given = PlaidJson.mapper().createObjectNode();
        putIfGiven(given, "legal_name", user.legalName());
        putIfGiven(given, "email_address", user.emailAddress());
        putIfGiven(given, "phone_number", user.phoneNumber());
        ObjectNode address = PlaidJson.mapper().createObjectNode();
        putIfGiven(address, "street", user.street());
        putIfGiven(address, "city", user.city());
        putIfGiven(address, "region", user.region());
        putIfGiven(address, "postal_code", user.postalCode());
        putIfGiven(address, "country", user.country());
        if (!address.isEmpty()) {
            given.set("address", address);
        }
        if (given.isEmpty()) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(
                    "Fill in at least one field: a name, an email address, a phone number or an address"));
        }
        ObjectNode body = body("processor_token", processorToken);
        body.set("user", given);
        return Futures.map(calls.act(profile, IDENTITY_MATCH, body, log), response -> new IdentityMatchResult(
                IdentityMatchExplanations.explain(response.json().path("account")), clock.instant(), response.requestId()));
    }

    // --- Signal -------------------------------------------------------------------------------------

    /** A fresh client_transaction_id: unique (64 random bits), and well within the 36 characters Plaid allows. */
    public static String newClientTransactionId() {
        return "tartan-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    /** Scores a planned debit: its customer- and bank-initiated return risks, explained. */
    public CompletableFuture<SignalAssessment> evaluateSignal(Profile profile, String processorToken, SignalRequest request,
                                                              Consumer<CallRecord> log) {
        String id = request.clientTransactionId() == null ? "" : request.clientTransactionId().strip();
        if (id.isEmpty() || id.length() > 36) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(
                    "The client_transaction_id must have 1 to 36 characters; it was " + id.length()));
        }
        if (!(request.amount() > 0)) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("The amount must be more than 0"));
        }
        ObjectNode body = body("processor_token", processorToken);
        body.put("client_transaction_id", id);
        body.put("amount", request.amount());
        if (request.userPresent() != null) {
            body.put("user_present", request.userPresent());
        }
        putIfGiven(body, "client_user_id", request.clientUserId());
        if (request.recurring() != null) {
            body.put("is_recurring", request.recurring());
        }
        putIfGiven(body, "ruleset_key", request.rulesetKey());
        return Futures.map(calls.act(profile, SIGNAL_EVALUATE, body, log), response -> SignalExplanations.assess(id, response.json()));
    }

    /** Opts the token into Signal's data collection ahead of its first evaluation. */
    public CompletableFuture<PlaidResponse> prepareSignal(Profile profile, String processorToken, Consumer<CallRecord> log) {
        return calls.act(profile, SIGNAL_PREPARE, body("processor_token", processorToken), log);
    }

    /** Tells Signal whether an evaluated debit was sent, and how. */
    public CompletableFuture<PlaidResponse> reportDecision(Profile profile, String processorToken, DecisionReport report,
                                                           Consumer<CallRecord> log) {
        if (isBlank(report.clientTransactionId())) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("Evaluate a debit first, or give its client_transaction_id"));
        }
        ObjectNode body = body("processor_token", processorToken);
        body.put("client_transaction_id", report.clientTransactionId().strip());
        body.put("initiated", report.initiated());
        if (report.daysFundsOnHold() != null) {
            if (report.daysFundsOnHold() < 0) {
                return CompletableFuture.failedFuture(new IllegalArgumentException("Days on hold cannot be negative"));
            }
            body.put("days_funds_on_hold", report.daysFundsOnHold());
        }
        putIfGiven(body, "decision_outcome", report.decisionOutcome());
        putIfGiven(body, "payment_method", report.paymentMethod());
        if (report.amountInstantlyAvailable() != null) {
            body.put("amount_instantly_available", report.amountInstantlyAvailable());
        }
        return calls.act(profile, DECISION_REPORT, body, log);
    }

    /** Tells Signal that an evaluated debit came back, with the bank's return code. */
    public CompletableFuture<PlaidResponse> reportReturn(Profile profile, String processorToken, ReturnReport report,
                                                         Consumer<CallRecord> log) {
        if (isBlank(report.clientTransactionId())) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("Evaluate a debit first, or give its client_transaction_id"));
        }
        if (isBlank(report.returnCode())) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("Give the return code the bank sent, such as R01"));
        }
        ObjectNode body = body("processor_token", processorToken);
        body.put("client_transaction_id", report.clientTransactionId().strip());
        body.put("return_code", report.returnCode().strip().toUpperCase(Locale.ROOT));
        if (report.returnedAt() != null) {
            body.put("returned_at", DateTimeFormatter.ISO_INSTANT.format(report.returnedAt()));
        }
        return calls.act(profile, RETURN_REPORT, body, log);
    }

    /** The values /processor/signal/decision/report accepts for decision_outcome, from its schema. */
    public CompletableFuture<List<String>> decisionOutcomes() {
        return catalog.enumOf(DECISION_REPORT, "decision_outcome");
    }

    /** The values /processor/signal/decision/report accepts for payment_method, from its schema. */
    public CompletableFuture<List<String>> paymentMethods() {
        return catalog.enumOf(DECISION_REPORT, "payment_method");
    }

    // --- webhook and transactions -------------------------------------------------------------------

    /** The webhook Tartan last set for this token, if it set one. */
    public CompletableFuture<Optional<KnownWebhook>> knownWebhook(Profile profile, String processorToken) {
        return Futures.map(calls.cached(profile, WEBHOOK_UPDATE, body("processor_token", processorToken)),
                cached -> cached.map(f -> new KnownWebhook(f.json().path("webhook").asText(null), f.fetchedAt(), f.requestId())));
    }

    /**
     * Points the token's webhooks at {@code url} (blank: no webhook); Plaid confirms with a
     * WEBHOOK_UPDATE_ACKNOWLEDGED webhook to the new URL. Tartan remembers the URL it set.
     */
    public CompletableFuture<KnownWebhook> updateWebhook(Profile profile, String processorToken, String url, Consumer<CallRecord> log) {
        String checked;
        try {
            checked = WebhookUrl.check(url);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
        ObjectNode body = body("processor_token", processorToken);
        if (checked == null) {
            body.putNull("webhook");
        } else {
            body.put("webhook", checked);
        }
        return Futures.flatMap(calls.act(profile, WEBHOOK_UPDATE, body, log), response -> {
            ObjectNode remembered = PlaidJson.mapper().createObjectNode();
            remembered.put("webhook", checked);
            return Futures.map(calls.remember(profile, WEBHOOK_UPDATE, body("processor_token", processorToken), remembered,
                    response.requestId()), f -> new KnownWebhook(checked, f.fetchedAt(), response.requestId()));
        });
    }

    /** Asks Plaid to fetch new transactions from the bank now (slow). */
    public CompletableFuture<PlaidResponse> refreshTransactions(Profile profile, String processorToken, Consumer<CallRecord> log) {
        return calls.act(profile, TRANSACTIONS_REFRESH, body("processor_token", processorToken), log);
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
        ObjectNode body = body("processor_token", processorToken);
        body.put("start_date", start.toString());
        body.put("end_date", end.toString());
        body.putObject("options").put("count", count).put("offset", offset);
        return Futures.map(calls.act(profile, TRANSACTIONS_GET, body, log), response -> new TransactionsPage(start, end, offset,
                count, response.json().path("total_transactions").asLong(), response.json().path("transactions"),
                response.requestId()));
    }

    // --- failures -----------------------------------------------------------------------------------

    /**
     * A failure as a processor partner should read it. A processor partner cannot send the user
     * through Link, so a fix that needs the Item's access token becomes advice instead of a button.
     */
    public static FailureReport describeFailure(Throwable failure) {
        FailureReport report = FailureDescriber.describe(failure);
        return switch (report.fix()) {
            case CREATE_UPDATE_MODE_LINK_TOKEN -> withAdvice(report, "A processor partner cannot do this: ask the developer whose Item "
                    + "this is to send their user through Link in update mode. The processor token works again afterwards.");
            case EDIT_PROFILE -> withAdvice(report, "Check the profile (profile menu \u2192 Edit).");
            default -> report;
        };
    }

    private static FailureReport withAdvice(FailureReport report, String advice) {
        String nextStep = report.nextStep() == null ? advice : report.nextStep() + " " + advice;
        return new FailureReport(report.title(), report.operation(), report.errorType(), report.errorCode(), report.message(),
                report.displayMessage(), report.requestId(), report.httpStatus(), report.documentationUrl(), report.meaning(),
                nextStep, FixAction.NONE);
    }

    // --- small helpers ------------------------------------------------------------------------------

    private static ObjectNode body(String field, String value) {
        ObjectNode body = PlaidJson.mapper().createObjectNode();
        body.put(field, value);
        return body;
    }

    private static void putIfGiven(ObjectNode node, String field, String value) {
        if (!isBlank(value)) {
            node.put(field, value.strip());
        }
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    private static String blankToNull(String text) {
        return isBlank(text) ? null : text.strip();
    }

    private static String withArticle(String noun) {
        return ("aeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
    }
}
