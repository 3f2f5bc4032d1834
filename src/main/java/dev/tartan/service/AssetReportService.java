package dev.tartan.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.api.PlaidApiException;
import dev.tartan.api.PlaidJson;
import dev.tartan.api.PlaidRequest;
import dev.tartan.concurrent.Futures;
import dev.tartan.model.AssetReportDigest;
import dev.tartan.model.AssetReportFacts;
import dev.tartan.model.AssetReportInsights;
import dev.tartan.model.AssetReportStatus;
import dev.tartan.model.AuditCopyFacts;
import dev.tartan.model.CallRecord;
import dev.tartan.model.PlaidResponse;
import dev.tartan.model.ProgressSink;
import dev.tartan.model.Profile;
import dev.tartan.model.ReceivedWebhook;
import dev.tartan.model.TokenEntry;
import dev.tartan.model.TokenFingerprints;
import dev.tartan.model.TokenKind;
import dev.tartan.model.WebhookUrl;
import dev.tartan.store.DownloadFolder;
import dev.tartan.store.Vault;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Asset reports: making them (create, refresh, filter), waiting for Plaid to generate them,
 * reading them, their PDF, removing them, and their audit copies. Every report and audit copy
 * goes into the token book with what Tartan knows of it ({@link AssetReportFacts},
 * {@link AuditCopyFacts}); the book's changes are audited here, the calls by the gateway.
 */
public final class AssetReportService {

    public static final String CREATE = "/asset_report/create";
    public static final String GET = "/asset_report/get";
    public static final String PDF = "/asset_report/pdf/get";
    public static final String REFRESH = "/asset_report/refresh";
    public static final String FILTER = "/asset_report/filter";
    public static final String REMOVE = "/asset_report/remove";
    public static final String AUDIT_COPY_CREATE = "/asset_report/audit_copy/create";
    public static final String AUDIT_COPY_GET = "/asset_report/audit_copy/get";
    public static final String AUDIT_COPY_PDF = "/asset_report/audit_copy/pdf/get";
    public static final String AUDIT_COPY_REMOVE = "/asset_report/audit_copy/remove";

    /** The most days of history a report may ask for (Plaid's schema: 0 to 731). */
    public static final int MAX_DAYS = 731;

    /** How many failed checks in a row (no reply, a 500) end a wait: a report being generated is not a failure. */
    static final int FAILED_CHECKS_TO_GIVE_UP = 5;

    /** The auditors Plaid names for audit copies; others may be typed. */
    public static final List<String> KNOWN_AUDITORS = List.of("fannie_mae", "freddie_mac", "ocrolus");

    /**
     * The applicant, as /asset_report/create's options.user takes them; any may be blank.
     *
     * @param phoneNumber in E.164 (+14155550123)
     */
    public record Applicant(String clientUserId, String firstName, String middleName, String lastName, String email, String phoneNumber) {
        public static final Applicant NONE = new Applicant(null, null, null, null, null, null);

        ObjectNode toJson() {
            ObjectNode user = PlaidJson.mapper().createObjectNode();
            RequestBodies.putIfGiven(user, "client_user_id", clientUserId);
            RequestBodies.putIfGiven(user, "first_name", firstName);
            RequestBodies.putIfGiven(user, "middle_name", middleName);
            RequestBodies.putIfGiven(user, "last_name", lastName);
            RequestBodies.putIfGiven(user, "email", email);
            RequestBodies.putIfGiven(user, "phone_number", phoneNumber);
            return user;
        }
    }

    /**
     * What a new report is made of.
     *
     * @param items          the Items (access tokens from the token book), at least one
     * @param daysRequested  0 to {@value #MAX_DAYS}
     * @param clientReportId the lender's id for the report, or blank
     * @param webhook        where Plaid sends ASSETS webhooks, or blank
     */
    public record NewReport(List<TokenEntry> items, int daysRequested, Applicant applicant, String clientReportId, String webhook) {
        public NewReport {
            items = items == null ? List.of() : List.copyOf(items);
            applicant = applicant == null ? Applicant.NONE : applicant;
        }
    }

    /**
     * How often a report that is being generated is asked for again: after {@code first}, then each
     * wait {@code factor} times the one before, never more than {@code max}.
     */
    public record Backoff(Duration first, double factor, Duration max) {
        public static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(1), 1.6, Duration.ofSeconds(30));

        public Backoff {
            if (first.isNegative() || first.isZero() || factor < 1 || max.compareTo(first) < 0) {
                throw new IllegalArgumentException("a backoff starts above zero and never shrinks");
            }
        }

        /** The wait after {@code previous} (null: the first). */
        public Duration after(Duration previous) {
            if (previous == null) {
                return first;
            }
            long next = Math.round(previous.toMillis() * factor);
            return Duration.ofMillis(Math.min(next, max.toMillis()));
        }
    }

    /** One look at a report: the entry as the book now keeps it, and where the report stands. */
    public record Checked(TokenEntry entry, AssetReportStatus status) {
    }

    private final CachedCalls calls;
    private final PlaidCalls plaid;
    private final Vault vault;
    private final DownloadFolder downloads;
    private final Executor io;
    private final Clock clock;
    private final Backoff backoff;
    private volatile WebhookFeed webhooks;

    public AssetReportService(CachedCalls calls, PlaidCalls plaid, Vault vault, DownloadFolder downloads, Executor io, Clock clock,
                              Backoff backoff) {
        this.calls = calls;
        this.plaid = plaid;
        this.vault = vault;
        this.downloads = downloads;
        this.io = io;
        this.clock = clock;
        this.backoff = backoff;
    }

    /**
     * The webhook inbox, when Tartan has one: waits then also listen for ASSETS webhooks (and still
     * poll, more slowly, in case the webhook never comes). Null: poll only.
     */
    public void useWebhooks(WebhookFeed feed) {
        this.webhooks = feed;
    }

    /** The URL a new report's webhooks reach Tartan at, or null when Tartan has no inbox. */
    public String inboxUrl() {
        WebhookFeed feed = webhooks;
        return feed == null ? null : feed.inboxUrl();
    }

    // --- the token book -------------------------------------------------------------------------

    /**
     * The token, trimmed, when {@code pasted} is an asset report or audit copy token usable with {@code profile}.
     *
     * @throws IllegalArgumentException saying what is wrong (never repeating the pasted text)
     */
    public static String checkToken(Profile profile, String pasted) {
        if (pasted == null || pasted.isBlank()) {
            throw new IllegalArgumentException("Paste an asset report token (assets-sandbox-\u2026) or an audit copy token (a-sandbox-\u2026).");
        }
        String token = pasted.strip();
        TokenKind kind = TokenKind.of(token);
        if (kind != TokenKind.ASSET_REPORT && kind != TokenKind.AUDIT_COPY) {
            throw new IllegalArgumentException(kind == null
                    ? "Not an asset report token: they look like assets-sandbox-\u2026 or assets-production-\u2026"
                    : "That is " + article(kind.displayName().toLowerCase(Locale.ROOT)) + ", not an asset report or audit copy token.");
        }
        String environment = TokenKind.environmentOf(token);
        String expected = switch (profile.environment().kind()) {
            case SANDBOX, EMULATOR -> "sandbox";
            case PRODUCTION -> "production";
            case CUSTOM -> null;
        };
        if (expected != null && !expected.equals(environment)) {
            throw new IllegalArgumentException("This is a " + environment + " token, but profile '" + profile.name() + "' works with "
                    + profile.environment().displayName() + ".");
        }
        return token;
    }

    private static String article(String noun) {
        return ("aeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
    }

    /**
     * Keeps a pasted asset report token (after asking Plaid where the report stands), or opens the
     * report of a pasted audit copy token that the book knows or whose report it keeps. Returns the
     * report's entry. A token Plaid does not know is refused and not kept.
     */
    public CompletableFuture<TokenEntry> addByToken(Profile profile, String pasted, String label, Consumer<CallRecord> log) {
        String token;
        try {
            token = checkToken(profile, pasted);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
        if (TokenKind.of(token) == TokenKind.AUDIT_COPY) {
            return reportOfAuditCopy(profile, token, log);
        }
        return Futures.flatMap(CompletableFuture.supplyAsync(() -> vault.tokens().byToken(token), io), known -> {
            if (known.isPresent()) {
                return CompletableFuture.completedFuture(mine(profile, known.get()));
            }
            TokenEntry fresh = TokenEntry.of(TokenKind.ASSET_REPORT, token, profile.name(), null)
                    .withLabel(RequestBodies.blankToNull(label))
                    .withNotes(AssetReportFacts.pasted().toNotes());
            return Futures.flatMap(check(profile, fresh, false, log), checked -> {
                if (checked.status() == AssetReportStatus.REMOVED) {
                    throw new IllegalArgumentException("Plaid does not know this asset report token (INVALID_ASSET_REPORT_TOKEN): "
                            + "it was removed, or it belongs to another client or environment.");
                }
                return CompletableFuture.supplyAsync(() -> {
                    TokenEntry saved = vault.tokens().save(checked.entry());
                    vault.audit().append("token book add", List.of("asset_report_token=" + saved.maskedValue(),
                            "asset_report_id=" + saved.ownerId()), "ok", null);
                    return saved;
                }, io);
            });
        });
    }

    /** The entry, if it is this profile's (or no profile's); a token another profile keeps is refused. */
    private static TokenEntry mine(Profile profile, TokenEntry entry) {
        if (entry.profile() != null && !entry.profile().equals(profile.name())) {
            throw new IllegalArgumentException("Profile '" + entry.profile() + "' already keeps this token: switch to that profile to open it.");
        }
        return entry;
    }

    private CompletableFuture<TokenEntry> reportOfAuditCopy(Profile profile, String token, Consumer<CallRecord> log) {
        return Futures.flatMap(CompletableFuture.supplyAsync(() -> vault.tokens().byToken(token), io), known -> {
            if (known.isPresent() && known.get().ownerId() != null) {
                mine(profile, known.get());
                return reportEntry(profile, known.get().ownerId());
            }
            ObjectNode body = RequestBodies.of("audit_copy_token", token);
            return Futures.flatMap(calls.fetch(profile, AUDIT_COPY_GET, body, log), fetched -> {
                String reportId = fetched.json().path("report").path("asset_report_id").asText(null);
                return Futures.flatMap(reportEntry(profile, reportId), report -> CompletableFuture.supplyAsync(() -> {
                    vault.tokens().save(auditCopyEntry(profile, token, reportId, null));
                    vault.audit().append("token book add", List.of("audit_copy_token=" + TokenFingerprints.fingerprint(token).substring(0, 8),
                            "asset_report_id=" + reportId), "ok", fetched.requestId());
                    return report;
                }, io));
            });
        });
    }

    /** The book's entry of the report with this id, for this profile; a report the book lacks is an input problem. */
    private CompletableFuture<TokenEntry> reportEntry(Profile profile, String reportId) {
        return CompletableFuture.supplyAsync(() -> vault.tokens().find(reportId).stream()
                .filter(entry -> entry.kind() == TokenKind.ASSET_REPORT && reportId.equals(entry.ownerId()))
                .filter(entry -> entry.profile() == null || entry.profile().equals(profile.name()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("The report of this audit copy (asset_report_id " + reportId
                        + ") is not in the token book of profile '" + profile.name() + "': paste its asset report token first.")), io);
    }

    private static TokenEntry auditCopyEntry(Profile profile, String token, String reportId, String auditorId) {
        return TokenEntry.of(TokenKind.AUDIT_COPY, token, profile.name(), reportId)
                .withLabel(auditorId)
                .withNotes(new AuditCopyFacts(auditorId, false, null).toNotes());
    }

    /** The audit copies the book keeps of a report, newest first (removed ones too). */
    public CompletableFuture<List<TokenEntry>> auditCopies(Profile profile, TokenEntry report) {
        String reportId = report.ownerId();
        if (reportId == null) {
            return CompletableFuture.completedFuture(List.of());
        }
        return CompletableFuture.supplyAsync(() -> vault.tokens().list(profile.name()).stream()
                .filter(entry -> entry.kind() == TokenKind.AUDIT_COPY && reportId.equals(entry.ownerId()))
                .toList(), io);
    }

    // --- making reports ---------------------------------------------------------------------------

    /**
     * Asks Plaid for a new report and keeps its token, waiting to be generated. Input that Plaid
     * would refuse (no Item, days out of range, a webhook that is not a URL) fails at once with an
     * {@link IllegalArgumentException}: nothing is sent.
     */
    public CompletableFuture<TokenEntry> create(Profile profile, NewReport spec, Consumer<CallRecord> log) {
        ObjectNode body;
        String webhook;
        try {
            if (spec.items().isEmpty()) {
                throw new IllegalArgumentException("Pick at least one Item for the report.");
            }
            for (TokenEntry item : spec.items()) {
                if (item.kind() != TokenKind.ACCESS) {
                    throw new IllegalArgumentException("A report is made of Items: " + item.maskedValue() + " is not an access token.");
                }
            }
            checkDays(spec.daysRequested());
            webhook = WebhookUrl.check(spec.webhook());
            body = PlaidJson.mapper().createObjectNode();
            ArrayNode tokens = body.putArray("access_tokens");
            spec.items().forEach(item -> tokens.add(item.value()));
            body.put("days_requested", spec.daysRequested());
            ObjectNode options = body.putObject("options");
            RequestBodies.putIfGiven(options, "client_report_id", spec.clientReportId());
            RequestBodies.putIfGiven(options, "webhook", webhook);
            ObjectNode user = spec.applicant().toJson();
            if (!user.isEmpty()) {
                options.set("user", user);
            }
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
        String applicant = AssetReportFacts.nameOf(spec.applicant().toJson());
        List<String> names = spec.items().stream().map(AssetReportService::itemName).toList();
        List<String> itemIds = spec.items().stream().map(TokenEntry::ownerId).filter(java.util.Objects::nonNull).toList();
        AssetReportFacts facts = new AssetReportFacts(applicant, names, itemIds, spec.daysRequested(),
                RequestBodies.blankToNull(spec.clientReportId()), webhook, AssetReportFacts.Origin.CREATED, null, List.of(),
                AssetReportStatus.WAITING, null, clock.instant());
        String label = applicant != null ? applicant : RequestBodies.blankToNull(spec.clientReportId()) != null
                ? spec.clientReportId().strip() : "Report of " + String.join(", ", names);
        return Futures.flatMap(calls.send(profile, CREATE, body, log), response -> keepNew(profile, response, label, facts,
                "create asset report", "items=" + String.join(",", itemIds)));
    }

    private static String itemName(TokenEntry item) {
        return item.label() != null ? item.label() : item.ownerId() != null ? item.ownerId() : item.maskedValue();
    }

    private static void checkDays(int days) {
        if (days < 0 || days > MAX_DAYS) {
            throw new IllegalArgumentException("days_requested must be from 0 to " + MAX_DAYS + " (two years); " + days + " is not.");
        }
    }

    /**
     * Asks Plaid for a new report over the same Items (/asset_report/refresh), with new data and
     * a new token; {@code daysRequested} null keeps the report's own. The new report is linked to
     * this one (its parent).
     */
    public CompletableFuture<TokenEntry> refresh(Profile profile, TokenEntry report, Integer daysRequested, Consumer<CallRecord> log) {
        ObjectNode body = RequestBodies.of("asset_report_token", report.value());
        try {
            if (daysRequested != null) {
                checkDays(daysRequested);
                body.put("days_requested", daysRequested);
            }
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
        AssetReportFacts parent = AssetReportFacts.of(report);
        AssetReportFacts facts = new AssetReportFacts(parent.applicant(), parent.items(), parent.itemIds(),
                daysRequested != null ? daysRequested : parent.daysRequested(), parent.clientReportId(), parent.webhook(),
                AssetReportFacts.Origin.REFRESHED, report.ownerId(), parent.excludedAccounts(), AssetReportStatus.WAITING, null,
                clock.instant());
        return Futures.flatMap(calls.send(profile, REFRESH, body, log), response -> keepNew(profile, response, report.label(), facts,
                "refresh asset report", "parent_report_id=" + report.ownerId()));
    }

    /** Asks Plaid for a copy of the report without some accounts (/asset_report/filter), linked to this one. */
    public CompletableFuture<TokenEntry> filter(Profile profile, TokenEntry report, List<String> excludedAccountIds, Consumer<CallRecord> log) {
        if (excludedAccountIds == null || excludedAccountIds.isEmpty()) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("Pick at least one account to leave out."));
        }
        ObjectNode body = RequestBodies.of("asset_report_token", report.value());
        ArrayNode exclude = body.putArray("account_ids_to_exclude");
        excludedAccountIds.forEach(exclude::add);
        AssetReportFacts parent = AssetReportFacts.of(report);
        List<String> excluded = new ArrayList<>(parent.excludedAccounts());
        excludedAccountIds.stream().filter(id -> !excluded.contains(id)).forEach(excluded::add);
        AssetReportFacts facts = new AssetReportFacts(parent.applicant(), parent.items(), parent.itemIds(), parent.daysRequested(),
                parent.clientReportId(), parent.webhook(), AssetReportFacts.Origin.FILTERED, report.ownerId(), excluded,
                AssetReportStatus.WAITING, null, clock.instant());
        return Futures.flatMap(calls.send(profile, FILTER, body, log), response -> keepNew(profile, response, report.label(), facts,
                "filter asset report", "parent_report_id=" + report.ownerId()));
    }

    /** Keeps the token of a report Plaid has just accepted to make. */
    private CompletableFuture<TokenEntry> keepNew(Profile profile, PlaidResponse response, String label, AssetReportFacts facts,
                                                  String action, String detail) {
        String token = response.json().path("asset_report_token").asText(null);
        String id = response.json().path("asset_report_id").asText(null);
        if (token == null || TokenKind.of(token) != TokenKind.ASSET_REPORT) {
            return CompletableFuture.failedFuture(new IllegalStateException("Plaid's reply has no asset_report_token"));
        }
        return CompletableFuture.supplyAsync(() -> {
            TokenEntry saved = vault.tokens().save(TokenEntry.of(TokenKind.ASSET_REPORT, token, profile.name(), id)
                    .withLabel(label).withNotes(facts.toNotes()));
            vault.audit().append(action, List.of("asset_report_id=" + id, saved.maskedValue(), detail, "profile=" + profile.name()),
                    "ok", response.requestId());
            return saved;
        }, io);
    }

    // --- where a report stands --------------------------------------------------------------------

    /**
     * Asks Plaid for the report once (/asset_report/get, cache-through: the reply is remembered as
     * the report's) and notes where it stands in the book: ready, still being generated, failed,
     * or gone. A failure that says nothing about the report (no reply, a 500) fails the check.
     */
    public CompletableFuture<Checked> check(Profile profile, TokenEntry report, Consumer<CallRecord> log) {
        return check(profile, report, true, log);
    }

    private CompletableFuture<Checked> check(Profile profile, TokenEntry report, boolean keep, Consumer<CallRecord> log) {
        CompletableFuture<CachedCalls.Fetched> get = calls.fetch(profile, GET, reportBody(report.value(), false), log);
        CompletableFuture<Checked> seen = new CompletableFuture<>() {
            @Override
            public boolean cancel(boolean mayInterruptIfRunning) {
                get.cancel(mayInterruptIfRunning);
                return super.cancel(mayInterruptIfRunning);
            }
        };
        get.whenComplete((fetched, failure) -> {
            AssetReportFacts facts = AssetReportFacts.of(report);
            TokenEntry updated;
            AssetReportStatus status;
            if (failure == null) {
                JsonNode data = fetched.json().path("report");
                status = AssetReportStatus.READY;
                updated = withFacts(report, facts.learnedFrom(data).withStatus(status, null, clock.instant()),
                        data.path("asset_report_id").asText(report.ownerId()));
            } else {
                Throwable error = Futures.unwrap(failure);
                status = statusOf(error);
                if (status == null) {
                    seen.completeExceptionally(error);
                    return;
                }
                String code = status == AssetReportStatus.ERROR ? ((PlaidApiException) error).error().errorCode() : null;
                updated = facts.status() == status && java.util.Objects.equals(facts.errorCode(), code) ? report
                        : withFacts(report, facts.withStatus(status, code, clock.instant()), report.ownerId());
            }
            if (!keep || updated == report) {
                seen.complete(new Checked(updated, status));
                return;
            }
            CompletableFuture.supplyAsync(() -> vault.tokens().save(updated), io).whenComplete((saved, error) -> {
                if (error != null) {
                    seen.completeExceptionally(Futures.unwrap(error));
                } else {
                    seen.complete(new Checked(saved, status));
                }
            });
        });
        return seen;
    }

    /** Where a report stands, from the error its read failed with; null when the error says nothing about the report. */
    public static AssetReportStatus statusOf(Throwable failure) {
        if (!(Futures.unwrap(failure) instanceof PlaidApiException api)) {
            return null;
        }
        return statusOf(api.error().errorType(), api.error().errorCode());
    }

    /** Where a report stands, from the error_type and error_code its read failed with; null when they say nothing about it. */
    public static AssetReportStatus statusOf(String errorType, String errorCode) {
        String code = String.valueOf(errorCode);
        if (code.equals("PRODUCT_NOT_READY")) {
            return AssetReportStatus.WAITING;
        }
        if (code.equals("INVALID_ASSET_REPORT_TOKEN") || code.equals("ASSET_REPORT_NOT_FOUND")) {
            return AssetReportStatus.REMOVED;
        }
        return "ASSET_REPORT_ERROR".equals(errorType) ? AssetReportStatus.ERROR : null;
    }

    private static TokenEntry withFacts(TokenEntry entry, AssetReportFacts facts, String reportId) {
        return new TokenEntry(entry.id(), entry.kind(), entry.value(), entry.label() != null ? entry.label() : facts.applicant(),
                entry.profile(), entry.environment(), reportId, entry.institution(), entry.createdAt(), entry.lastUsedAt(), facts.toNotes());
    }

    /**
     * Waits until Plaid has generated the report (or failed to, or it is gone): asks again after
     * each wait of the {@link Backoff}, and at once when an ASSETS webhook about it reaches the
     * inbox. Each wait is a timer, not a thread. Cancelling the result stops waiting (and the call
     * under way). {@code progress} hears what the wait is doing.
     *
     * @return the entry as the book keeps it once the report is no longer being generated
     */
    public CompletableFuture<TokenEntry> awaitReady(Profile profile, TokenEntry report, Consumer<CallRecord> log, ProgressSink progress) {
        Waiter waiter = new Waiter(profile, report, log, progress);
        waiter.start();
        return waiter;
    }

    /** One report's wait: a check, then a timer for the next, until the report is no longer being generated. */
    private final class Waiter extends CompletableFuture<TokenEntry> {
        private final Profile profile;
        private final Consumer<CallRecord> log;
        private final ProgressSink progress;
        private TokenEntry latest;
        private Duration lastWait;
        private int failedInARow;
        private boolean checking;
        private CompletableFuture<?> pending = CompletableFuture.completedFuture(null);
        private AutoCloseable subscription;

        Waiter(Profile profile, TokenEntry report, Consumer<CallRecord> log, ProgressSink progress) {
            this.profile = profile;
            this.latest = report;
            this.log = log;
            this.progress = progress;
        }

        void start() {
            WebhookFeed feed = webhooks;
            if (feed != null) {
                subscription = feed.subscribe(this::heard);
            }
            whenComplete((entry, error) -> stop());
            checkNow();
        }

        private void heard(ReceivedWebhook webhook) {
            String reportId;
            synchronized (this) {
                reportId = latest.ownerId();
            }
            boolean aboutThis = "ASSETS".equals(webhook.type()) && reportId != null && (webhook.subject() != null
                    ? reportId.equals(webhook.subject().id()) : webhook.body() != null && webhook.body().contains(reportId));
            if (aboutThis) {
                checkNow();
            }
        }

        private void checkNow() {
            CompletableFuture<Checked> call;
            synchronized (this) {
                if (isDone() || checking) {
                    return;
                }
                checking = true;
                pending.cancel(false);
                progress.report(0, 0, "Asking Plaid whether the report is ready\u2026");
                call = check(profile, latest, log);
                pending = call;
            }
            call.whenComplete((checked, failure) -> {
                synchronized (this) {
                    checking = false;
                    if (isDone()) {
                        return;
                    }
                    if (failure != null) {
                        if (++failedInARow >= FAILED_CHECKS_TO_GIVE_UP) {
                            completeExceptionally(Futures.unwrap(failure));
                            return;
                        }
                    } else {
                        failedInARow = 0;
                        latest = checked.entry();
                        if (checked.status() != AssetReportStatus.WAITING) {
                            complete(checked.entry());
                            return;
                        }
                    }
                    lastWait = backoff.after(lastWait);
                    // With an inbox, the webhook says when; the timer is only a fallback.
                    Duration wait = webhooks == null ? lastWait : lastWait.multipliedBy(2);
                    progress.report(0, 0, (failure == null ? "Still being generated" : "No answer (" + Futures.unwrap(failure).getClass()
                            .getSimpleName() + ")") + "; asking again in " + Math.max(1, Math.round(wait.toMillis() / 1000.0)) + " s");
                    pending = CompletableFuture.runAsync(this::checkNow,
                            CompletableFuture.delayedExecutor(wait.toMillis(), TimeUnit.MILLISECONDS, io));
                }
            });
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            boolean cancelled = super.cancel(mayInterruptIfRunning);
            stop();
            return cancelled;
        }

        private void stop() {
            CompletableFuture<?> current;
            synchronized (this) {
                current = pending;
            }
            current.cancel(true);
            AutoCloseable listening = subscription;
            if (listening != null) {
                try {
                    listening.close();
                } catch (Exception e) {
                    // the feed keeps no state worth failing over
                }
            }
        }
    }

    // --- reading ----------------------------------------------------------------------------------

    /** The body of /asset_report/get for a report (with the insights fields, or not). */
    public static ObjectNode reportBody(String token, boolean insights) {
        ObjectNode body = RequestBodies.of("asset_report_token", token);
        body.put("include_insights", insights);
        return body;
    }

    /** The body of /asset_report/audit_copy/get. */
    public static ObjectNode auditCopyBody(String token) {
        return RequestBodies.of("audit_copy_token", token);
    }

    /** The digest of a report reply, worked out off the FX thread. */
    public CompletableFuture<AssetReportDigest> digest(JsonNode reply) {
        return CompletableFuture.supplyAsync(() -> AssetReports.digest(reply), io);
    }

    /** The digest of a report reply without its transactions (see {@link AssetReports#summary}), off the FX thread. */
    public CompletableFuture<AssetReportDigest> summary(JsonNode reply) {
        return CompletableFuture.supplyAsync(() -> AssetReports.summary(reply), io);
    }

    /** Every transaction of a report reply, newest first, off the FX thread. */
    public CompletableFuture<List<dev.tartan.model.TransactionRow>> transactions(JsonNode reply) {
        return CompletableFuture.supplyAsync(() -> AssetReports.transactions(reply), io);
    }

    /** The digest of an Asset Report with Insights, and its money in and out by category and merchant. */
    public CompletableFuture<AssetReportInsights> insights(AssetReportDigest digest) {
        return CompletableFuture.supplyAsync(() -> AssetReports.insights(digest), io);
    }

    /**
     * Notes in the book what a report turned out to be (its status, and what it tells of itself
     * once read); returns the entry as kept. Nothing is written when nothing changed.
     */
    public CompletableFuture<TokenEntry> noteSeen(TokenEntry report, AssetReportStatus status, String errorCode, JsonNode reportJson) {
        AssetReportFacts facts = AssetReportFacts.of(report);
        AssetReportFacts seen = (reportJson == null ? facts : facts.learnedFrom(reportJson));
        if (seen.status() != status || !java.util.Objects.equals(seen.errorCode(), errorCode)) {
            seen = seen.withStatus(status, errorCode, clock.instant());
        }
        String reportId = reportJson != null ? reportJson.path("asset_report_id").asText(report.ownerId()) : report.ownerId();
        TokenEntry updated = withFacts(report, seen, reportId);
        if (updated.equals(report)) {
            return CompletableFuture.completedFuture(report);
        }
        return CompletableFuture.supplyAsync(() -> vault.tokens().save(updated), io);
    }

    /**
     * Fetches the PDF of a report or an audit copy into the downloads folder (streamed, not held in
     * memory) and returns where it is.
     */
    public CompletableFuture<Path> downloadPdf(Profile profile, TokenEntry reportOrCopy, Consumer<CallRecord> log) {
        boolean copy = reportOrCopy.kind() == TokenKind.AUDIT_COPY;
        String path = copy ? AUDIT_COPY_PDF : PDF;
        ObjectNode body = RequestBodies.of(copy ? "audit_copy_token" : "asset_report_token", reportOrCopy.value());
        String name = (copy ? "audit-copy-" : "asset-report-") + (reportOrCopy.ownerId() != null && !copy ? reportOrCopy.ownerId()
                : TokenFingerprints.fingerprint(reportOrCopy.value()).substring(0, 12)) + ".pdf";
        CompletableFuture<Path> target = CompletableFuture.supplyAsync(() -> downloads.fileFor(name), io);
        return Futures.flatMap(target, file -> {
            Instant started = clock.instant();
            CompletableFuture<PlaidResponse> call = plaid.download(profile, PlaidRequest.post(path, body), file);
            call.whenComplete((response, failure) -> log.accept(CallRecords.of(path, started, response, failure, clock)));
            return Futures.map(call, response -> {
                if (response.file() != null) {
                    return response.file();
                }
                if (response.isJson()) {
                    throw new IllegalStateException("Plaid answered " + path + " with JSON, not a PDF");
                }
                return downloads.write(name, response.bytes());
            });
        });
    }

    /** Saves a copy of a downloaded PDF where the user chose. */
    public CompletableFuture<Path> savePdf(Path pdf, Path target) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                Files.copy(pdf, target, StandardCopyOption.REPLACE_EXISTING);
                vault.audit().append("save asset report PDF", List.of("file=" + target.toAbsolutePath()), "ok", null);
                return target;
            } catch (IOException e) {
                throw new UncheckedIOException("Could not save " + target + ": " + e.getMessage(), e);
            }
        }, io);
    }

    // --- removing ---------------------------------------------------------------------------------

    /**
     * Removes the report at Plaid (/asset_report/remove): its token and its audit copies stop
     * working. The book keeps the entries, marked removed, so the report's history stays visible.
     */
    public CompletableFuture<TokenEntry> remove(Profile profile, TokenEntry report, Consumer<CallRecord> log) {
        return Futures.flatMap(calls.send(profile, REMOVE, RequestBodies.of("asset_report_token", report.value()), log),
                response -> CompletableFuture.supplyAsync(() -> {
                    Instant now = clock.instant();
                    TokenEntry saved = vault.tokens().save(withFacts(report,
                            AssetReportFacts.of(report).withStatus(AssetReportStatus.REMOVED, null, now), report.ownerId()));
                    if (report.ownerId() != null) {
                        vault.tokens().list(profile.name()).stream()
                                .filter(entry -> entry.kind() == TokenKind.AUDIT_COPY && report.ownerId().equals(entry.ownerId()))
                                .filter(entry -> !AuditCopyFacts.of(entry).removed())
                                .forEach(copy -> vault.tokens().save(copy.withNotes(AuditCopyFacts.of(copy).removedAt(now).toNotes())));
                    }
                    vault.audit().append("remove asset report", List.of("asset_report_id=" + report.ownerId(), report.maskedValue(),
                            "profile=" + profile.name()), "ok", response.requestId());
                    return saved;
                }, io));
    }

    // --- audit copies -----------------------------------------------------------------------------

    /** Makes an audit copy of a report for an auditor and keeps its token. */
    public CompletableFuture<TokenEntry> createAuditCopy(Profile profile, TokenEntry report, String auditorId, Consumer<CallRecord> log) {
        String auditor = RequestBodies.blankToNull(auditorId);
        if (auditor == null) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("Name the auditor (auditor_id), such as fannie_mae."));
        }
        ObjectNode body = RequestBodies.of("asset_report_token", report.value());
        body.put("auditor_id", auditor);
        return Futures.flatMap(calls.send(profile, AUDIT_COPY_CREATE, body, log), response -> CompletableFuture.supplyAsync(() -> {
            String token = response.json().path("audit_copy_token").asText(null);
            if (token == null) {
                throw new IllegalStateException("Plaid's reply has no audit_copy_token");
            }
            TokenEntry saved = vault.tokens().save(auditCopyEntry(profile, token, report.ownerId(), auditor));
            vault.audit().append("create audit copy", List.of("asset_report_id=" + report.ownerId(), "auditor_id=" + auditor,
                    saved.maskedValue()), "ok", response.requestId());
            return saved;
        }, io));
    }

    /** Removes an audit copy at Plaid; the book keeps it, marked removed. */
    public CompletableFuture<TokenEntry> removeAuditCopy(Profile profile, TokenEntry copy, Consumer<CallRecord> log) {
        return Futures.flatMap(calls.send(profile, AUDIT_COPY_REMOVE, auditCopyBody(copy.value()), log),
                response -> CompletableFuture.supplyAsync(() -> {
                    TokenEntry saved = vault.tokens().save(copy.withNotes(AuditCopyFacts.of(copy).removedAt(clock.instant()).toNotes()));
                    vault.audit().append("remove audit copy", List.of("asset_report_id=" + copy.ownerId(), saved.maskedValue()), "ok",
                            response.requestId());
                    return saved;
                }, io));
    }

    /** The entry the book keeps for a token, if any. */
    public CompletableFuture<Optional<TokenEntry>> entryOf(String token) {
        return CompletableFuture.supplyAsync(() -> vault.tokens().byToken(token), io);
    }
}
