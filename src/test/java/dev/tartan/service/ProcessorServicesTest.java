package dev.tartan.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tartan.api.PlaidApiException;
import dev.tartan.model.AuditEntry;
import dev.tartan.model.CallRecord;
import dev.tartan.model.FieldMatch;
import dev.tartan.model.IdentityMatchResult;
import dev.tartan.model.KnownWebhook;
import dev.tartan.model.MatchLevel;
import dev.tartan.model.PlaidEnvironment;
import dev.tartan.model.ProcessorData;
import dev.tartan.model.Profile;
import dev.tartan.model.SignalAssessment;
import dev.tartan.model.TokenEntry;
import dev.tartan.model.TokenKind;
import dev.tartan.model.TransactionsPage;
import dev.tartan.service.ProcessorAccountService.IdentityMatchUser;
import dev.tartan.service.SignalService.DecisionReport;
import dev.tartan.service.SignalService.ReturnReport;
import dev.tartan.service.SignalService.SignalRequest;
import dev.tartan.store.Vault;
import dev.tartan.testing.EmulatorServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

import static dev.tartan.service.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The processor token, account, Signal and webhook services against the built-in emulator over loopback, with a real vault. */
class ProcessorServicesTest {

    @TempDir
    static Path home;
    static EmulatorServices services;
    static Vault vault;
    static CachedCalls calls;
    static TokenBookService tokenBook;
    static ProcessorTokenService tokens;
    static ProcessorAccountService accounts;
    static SignalService signal;
    static ProcessorWebhookService webhooks;
    static Profile profile;
    static TokenEntry item;
    static String checkingId;
    static String creditCardId;

    @BeforeAll
    static void start() {
        services = new EmulatorServices(home);
        vault = services.vault;
        profile = services.profile;
        calls = new CachedCalls(services.gateway, vault, services.io, Clock.systemUTC());
        CatalogService catalog = new CatalogService(services.io);
        tokenBook = new TokenBookService(vault, services.io);
        tokens = new ProcessorTokenService(calls, catalog, vault, services.io);
        accounts = new ProcessorAccountService(calls, Clock.systemUTC());
        signal = new SignalService(calls, catalog);
        webhooks = new ProcessorWebhookService(calls);
        item = new ItemService(services.gateway, calls, vault, services.io).createSandboxItem(profile, new ItemService.SandboxItemSpec("ins_109508",
                List.of("auth", "identity", "transactions"), "user_good", "pass_good", null, "Platypus Item")).join();
        JsonNode accounts = tokens.accountsOf(profile, item.value()).join();
        checkingId = accountOf(accounts, "checking");
        creditCardId = accountOf(accounts, "credit card");
    }

    private static String accountOf(JsonNode accounts, String subtype) {
        for (JsonNode account : accounts) {
            if (subtype.equals(account.path("subtype").asText())) {
                return account.path("account_id").asText();
            }
        }
        throw new AssertionError("The sandbox Item has no " + subtype + " account: " + accounts);
    }

    @AfterAll
    static void stop() {
        services.close();
    }

    private static TokenEntry newToken(String accountId) {
        return tokens.createProcessorToken(profile, item.value(), accountId, "dwolla").join();
    }

    private static Throwable failureOf(CompletableFuture<?> future) {
        assertThatThrownBy(future::join).isInstanceOf(CompletionException.class);
        return future.handle((value, error) -> error instanceof CompletionException ? error.getCause() : error).join();
    }

    // --- making and keeping tokens ----------------------------------------------------------------

    @Test
    void createsAProcessorTokenAndKeepsItWithItsAccountAndAnAuditEntry() {
        TokenEntry token = newToken(checkingId);

        assertThat(token.kind()).isEqualTo(TokenKind.PROCESSOR);
        assertThat(token.value()).startsWith("processor-sandbox-");
        assertThat(token.ownerId()).isEqualTo(checkingId);
        assertThat(token.institution()).isEqualTo("ins_109508");
        assertThat(token.label()).isEqualTo("dwolla \u00b7 Platypus Item");
        assertThat(token.profile()).isEqualTo("Emulator");
        assertThat(vault.tokens().byToken(token.value())).contains(token);
        AuditEntry audit = vault.audit().recent(5).stream().filter(e -> e.action().equals("create processor token"))
                .findFirst().orElseThrow();
        assertThat(audit.targets()).contains("account_id=" + checkingId, "processor=dwolla", "item_id=" + item.ownerId());
        assertThat(audit.requestId()).isNotBlank();
        assertThat(tokens.tokens(profile).join()).extracting(TokenEntry::value).contains(token.value());
    }

    @Test
    void aLabelOfTheCallersReplacesTheDefaultAndTheCallIsLogged() {
        List<CallRecord> log = Collections.synchronizedList(new ArrayList<>());
        TokenEntry token = tokens.createProcessorToken(profile, item.value(), checkingId, "moov", "  Moov payouts ", log::add).join();
        assertThat(token.label()).isEqualTo("Moov payouts");
        eventually(() -> assertThat(log).singleElement().satisfies(call -> {
            assertThat(call.operation()).isEqualTo("/processor/token/create");
            assertThat(call.httpStatus()).isEqualTo(200);
        }));
    }

    @Test
    void aProcessorTokenNeedsAnAccountOfTheItem() {
        Throwable error = failureOf(tokens.createProcessorToken(profile, item.value(), "no-such-account", "dwolla"));
        assertThat(error).isInstanceOf(PlaidApiException.class);
        assertThat(((PlaidApiException) error).error().errorCode()).isEqualTo("INVALID_ACCOUNT_ID");
        assertThat(failureOf(tokens.createProcessorToken(profile, item.value(), " ", "dwolla")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theProcessorsComeFromTheRequestSchemaSorted() {
        List<String> processors = tokens.processors().join();
        assertThat(processors).contains("dwolla", "galileo", "modern_treasury", "moov").hasSizeGreaterThan(20);
        List<String> sorted = new ArrayList<>(processors);
        Collections.sort(sorted);
        assertThat(processors).isEqualTo(sorted);
    }

    @Test
    void aSandboxProcessorTokenIsKeptWithTheAccountItReads() {
        TokenEntry token = tokens.createSandboxProcessorToken(profile, "ins_109508", null).join();
        assertThat(token.kind()).isEqualTo(TokenKind.PROCESSOR);
        assertThat(token.ownerId()).isNotBlank();
        assertThat(token.institution()).isEqualTo("ins_109508");
        assertThat(token.label()).isEqualTo("Sandbox \u00b7 ins_109508");
        assertThat(calls.cached(profile, ProcessorData.ACCOUNT.path(), ProcessorData.ACCOUNT.body(token.value())).join()).isPresent();
        assertThat(vault.audit().recent(10)).anySatisfy(e -> assertThat(e.action()).isEqualTo("create sandbox processor token"));
    }

    @Test
    void pastingKeepsAProcessorTokenOnceAndRemovingForgetsIt() {
        TokenEntry created = tokens.createSandboxProcessorToken(profile, "ins_109508", null).join();
        vault.tokens().remove(created.value());

        TokenEntry added = tokens.addToken(profile, "  " + created.value() + "\n", "Pasted").join();
        assertThat(added.value()).isEqualTo(created.value());
        assertThat(added.label()).isEqualTo("Pasted");
        assertThat(added.ownerId()).isNull();
        assertThat(tokens.addToken(profile, created.value(), "Again").join().id()).isEqualTo(added.id());

        JsonNode account = calls.fetch(profile, ProcessorData.ACCOUNT.path(), ProcessorData.ACCOUNT.body(added.value()), call -> { }).join().json();
        TokenEntry learnt = tokens.noteAccount(added, account).join();
        assertThat(learnt.ownerId()).isEqualTo(account.path("account").path("account_id").asText());
        assertThat(learnt.institution()).isEqualTo("ins_109508");

        assertThat(tokenBook.remove(learnt).join()).isTrue();
        assertThat(vault.tokens().byToken(added.value())).isEmpty();
        assertThat(tokenBook.remove(learnt).join()).isFalse();
        List<AuditEntry> audit = vault.audit().recent(10);
        assertThat(audit).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("token book remove");
            assertThat(e.targets()).contains("owner=" + learnt.ownerId())
                    .noneSatisfy(target -> assertThat(target).contains(added.value()));
        });
        assertThat(audit).anySatisfy(e -> assertThat(e.action()).isEqualTo("token book add"));
    }

    @Test
    void aTokenAnotherProfileKeepsIsRefused() {
        TokenEntry created = tokens.createSandboxProcessorToken(profile, "ins_109508", null).join();
        Profile other = new Profile("Other emulator", PlaidEnvironment.EMULATOR, profile.credentials());
        assertThat(failureOf(tokens.addToken(other, created.value(), null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Profile 'Emulator' already keeps");
    }

    @Test
    void onlyProcessorTokensOfTheProfilesEnvironmentAreAccepted() {
        assertThat(ProcessorTokenService.checkProcessorToken(profile, " processor-sandbox-0f3c1a2b-1111-2222-3333-444455556666 "))
                .isEqualTo("processor-sandbox-0f3c1a2b-1111-2222-3333-444455556666");
        assertThatThrownBy(() -> ProcessorTokenService.checkProcessorToken(profile, ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Paste a processor token");
        assertThatThrownBy(() -> ProcessorTokenService.checkProcessorToken(profile, "my-client-secret-0123456789"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Not a processor token")
                .hasMessageNotContaining("my-client-secret");
        assertThatThrownBy(() -> ProcessorTokenService.checkProcessorToken(profile, item.value()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("That is an access token")
                .hasMessageContaining("From an Item").hasMessageNotContaining(item.value());
        assertThatThrownBy(() -> ProcessorTokenService.checkProcessorToken(profile, "processor-production-0f3c1a2b-1111"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("production processor token")
                .hasMessageContaining("Production profile");
        Profile production = new Profile("Live", PlaidEnvironment.PRODUCTION, profile.credentials());
        assertThatThrownBy(() -> ProcessorTokenService.checkProcessorToken(production, "processor-sandbox-0f3c1a2b-1111"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Sandbox profile");
        Profile custom = new Profile("Proxy", PlaidEnvironment.custom(URI.create("http://localhost:1")), profile.credentials());
        assertThat(ProcessorTokenService.checkProcessorToken(custom, "processor-production-0f3c1a2b-1111")).isNotBlank();
    }

    // --- reads ------------------------------------------------------------------------------------

    @Test
    void readsAreCachedAndLogged() {
        TokenEntry token = newToken(checkingId);
        assertThat(calls.cached(profile, ProcessorData.ACCOUNT.path(), ProcessorData.ACCOUNT.body(token.value())).join()).isEmpty();
        List<CallRecord> log = Collections.synchronizedList(new ArrayList<>());

        CachedCalls.Fetched account = calls.fetch(profile, ProcessorData.ACCOUNT.path(), ProcessorData.ACCOUNT.body(token.value()), log::add).join();
        assertThat(account.json().path("account").path("account_id").asText()).isEqualTo(checkingId);
        assertThat(account.json().path("institution_id").asText()).isEqualTo("ins_109508");
        assertThat(account.fromCache()).isFalse();
        CachedCalls.Fetched cached = calls.cached(profile, ProcessorData.ACCOUNT.path(), ProcessorData.ACCOUNT.body(token.value())).join().orElseThrow();
        assertThat(cached.fromCache()).isTrue();
        assertThat(cached.requestId()).isEqualTo(account.requestId());
        eventually(() -> assertThat(log).singleElement().satisfies(call -> {
            assertThat(call.operation()).isEqualTo("/processor/account/get");
            assertThat(call.httpStatus()).isEqualTo(200);
        }));

        assertThat(calls.fetch(profile, ProcessorData.AUTH.path(), ProcessorData.AUTH.body(token.value()), log::add).join().json().path("numbers").path("ach")).isNotEmpty();
        assertThat(accounts.refreshTransactions(profile, token.value(), log::add).join().httpStatus()).isEqualTo(200);
        assertThat(calls.fetch(profile, ProcessorData.RECURRING.path(), ProcessorData.RECURRING.body(token.value()), log::add).join().json().has("inflow_streams")).isTrue();
        assertThat(accounts.realTimeBalance(profile, token.value(), log::add).join().json().path("account").path("balances")
                .has("current")).isTrue();
        eventually(() -> assertThat(log).extracting(CallRecord::operation).contains("/processor/transactions/refresh", "/processor/balance/get"));
    }

    @Test
    void aReadThatDoesNotApplyFailsWithPlaidsErrorAndIsLogged() {
        TokenEntry checking = newToken(checkingId);
        List<CallRecord> log = Collections.synchronizedList(new ArrayList<>());
        Throwable error = failureOf(calls.fetch(profile, ProcessorData.LIABILITIES.path(), ProcessorData.LIABILITIES.body(checking.value()), log::add));
        assertThat(((PlaidApiException) error).error().errorCode()).isEqualTo("NO_LIABILITY_ACCOUNTS");
        eventually(() -> assertThat(log).singleElement().satisfies(call -> assertThat(call.httpStatus()).isEqualTo(400)));

        TokenEntry card = newToken(creditCardId);
        JsonNode liabilities = calls.fetch(profile, ProcessorData.LIABILITIES.path(), ProcessorData.LIABILITIES.body(card.value()), log::add).join().json();
        assertThat(liabilities.path("liabilities").path("credit")).isNotEmpty();
    }

    // --- identity match ---------------------------------------------------------------------------

    @Test
    void matchesAnIdentityFieldByField() {
        TokenEntry token = newToken(checkingId);
        JsonNode owner = calls.fetch(profile, ProcessorData.IDENTITY.path(), ProcessorData.IDENTITY.body(token.value()), call -> { }).join()
                .json().path("account").path("owners").path(0);
        String name = owner.path("names").path(0).asText();
        String email = owner.path("emails").path(0).path("data").asText();
        IdentityMatchResult result = accounts.matchIdentity(profile, token.value(),
                new IdentityMatchUser(name, "z" + email, "", "", "", "", "", ""), call -> { }).join();

        assertThat(result.fields()).extracting(FieldMatch::field).containsExactly("Legal name", "Email address", "Phone number", "Address");
        assertThat(result.fields().get(0).score()).isEqualTo(100);
        assertThat(result.fields().get(0).level()).isEqualTo(MatchLevel.PERFECT);
        assertThat(result.fields().get(1).score()).isBetween(70, 99);
        assertThat(result.fields().get(2).level()).isEqualTo(MatchLevel.NOT_COMPARED);
        assertThat(result.requestId()).isNotBlank();
    }

    @Test
    void anEmptyIdentityIsRefusedBeforeAnyCall() {
        List<CallRecord> log = new ArrayList<>();
        Throwable error = failureOf(accounts.matchIdentity(profile, "processor-sandbox-x",
                new IdentityMatchUser(" ", "", null, "", "", "", "", ""), log::add));
        assertThat(error).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one field");
        assertThat(log).isEmpty();
    }

    // --- Signal -----------------------------------------------------------------------------------

    @Test
    void evaluatesADebitThenReportsItsDecisionAndItsReturn() {
        TokenEntry token = newToken(checkingId);
        String id = SignalService.newClientTransactionId();
        assertThat(id).hasSizeLessThanOrEqualTo(36).isNotEqualTo(SignalService.newClientTransactionId());
        Consumer<CallRecord> log = call -> { };

        assertThat(signal.prepareSignal(profile, token.value(), log).join().httpStatus()).isEqualTo(200);
        SignalAssessment assessment = signal.evaluateSignal(profile, token.value(),
                new SignalRequest(250.0, id, true, "user-42", false, null), log).join();
        assertThat(assessment.clientTransactionId()).isEqualTo(id);
        assertThat(assessment.customerInitiated().score()).isBetween(1, 99);
        assertThat(assessment.customerInitiated().tierCount()).isEqualTo(5);
        assertThat(assessment.bankInitiated().tier()).isBetween(1, 8);
        assertThat(assessment.bankInitiated().incidence()).isNotBlank();
        assertThat(assessment.rulesetResult()).isIn("ACCEPT", "REVIEW", "REROUTE");

        assertThat(signal.reportDecision(profile, token.value(), new DecisionReport(id, true, 2, "APPROVE", "STANDARD_ACH", 50.0), log)
                .join().httpStatus()).isEqualTo(200);
        assertThat(signal.reportReturn(profile, token.value(), new ReturnReport(id, "r01", null), log).join().httpStatus()).isEqualTo(200);

        // The gateway audits every state change with its request_id, after the reply.
        eventually(() -> assertThat(vault.audit().recent(30).stream().map(AuditEntry::action).toList()).contains("call /processor/signal/prepare", "call /processor/signal/evaluate",
                "call /processor/signal/decision/report", "call /processor/signal/return/report"));
    }

    @Test
    void aReturnOfADebitThatWasNotSentIsRefusedByPlaid() {
        TokenEntry token = newToken(checkingId);
        String id = SignalService.newClientTransactionId();
        Consumer<CallRecord> log = call -> { };
        signal.evaluateSignal(profile, token.value(), new SignalRequest(20, id, null, null, null, null), log).join();
        signal.reportDecision(profile, token.value(), new DecisionReport(id, false, null, null, null, null), log).join();
        Throwable error = failureOf(signal.reportReturn(profile, token.value(), new ReturnReport(id, "R01", null), log));
        assertThat(((PlaidApiException) error).error().errorCode()).isEqualTo("SIGNAL_TRANSACTION_NOT_INITIATED");
    }

    @Test
    void badSignalInputIsRefusedBeforeAnyCall() {
        List<CallRecord> log = new ArrayList<>();
        assertThat(failureOf(signal.evaluateSignal(profile, "processor-sandbox-x", new SignalRequest(0, "t", null, null, null, null), log::add)))
                .hasMessageContaining("more than 0");
        assertThat(failureOf(signal.evaluateSignal(profile, "processor-sandbox-x",
                new SignalRequest(10, "x".repeat(37), null, null, null, null), log::add))).hasMessageContaining("1 to 36");
        assertThat(failureOf(signal.reportReturn(profile, "processor-sandbox-x", new ReturnReport("t", " ", null), log::add)))
                .hasMessageContaining("return code");
        assertThat(failureOf(signal.reportDecision(profile, "processor-sandbox-x", new DecisionReport("", true, null, null, null, null), log::add)))
                .hasMessageContaining("Evaluate a debit first");
        assertThat(log).isEmpty();
    }

    @Test
    void theDecisionChoicesComeFromTheSchema() {
        assertThat(signal.decisionOutcomes().join()).contains("APPROVE", "REVIEW", "REJECT");
        assertThat(signal.paymentMethods().join()).contains("SAME_DAY_ACH", "STANDARD_ACH");
    }

    // --- transactions by date -------------------------------------------------------------------------

    @Test
    void pagesThroughTheTransactionsOfADateRange() {
        TokenEntry token = newToken(checkingId);
        List<CallRecord> log = Collections.synchronizedList(new ArrayList<>());
        LocalDate end = LocalDate.now();
        LocalDate start = end.minusYears(2);

        List<JsonNode> read = new ArrayList<>();
        TransactionsPage page = accounts.transactionsPage(profile, token.value(), start, end, 0, 3, log::add).join();
        long total = page.total();
        assertThat(total).as("enough transactions for several pages").isGreaterThan(6);
        assertThat(page.hasPrevious()).isFalse();
        while (true) {
            assertThat(page.transactions().size()).isLessThanOrEqualTo(3);
            page.transactions().forEach(read::add);
            if (!page.hasNext()) {
                break;
            }
            page = accounts.transactionsPage(profile, token.value(), start, end, page.offset() + page.count(), 3, log::add).join();
            assertThat(page.hasPrevious()).isTrue();
            assertThat(page.total()).isEqualTo(total);
        }

        assertThat(read).hasSize((int) total);
        assertThat(read).extracting(t -> t.path("transaction_id").asText()).doesNotHaveDuplicates();
        assertThat(read).allSatisfy(t -> {
            assertThat(t.path("account_id").asText()).isEqualTo(checkingId);
            assertThat(LocalDate.parse(t.path("date").asText())).isBetween(start, end);
        });
        assertThat(read).extracting(t -> LocalDate.parse(t.path("date").asText()))
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
        // A shorter range holds fewer of them.
        LocalDate recent = LocalDate.parse(read.get(0).path("date").asText());
        assertThat(accounts.transactionsPage(profile, token.value(), recent, recent, 0, 500, log::add).join().total())
                .isBetween(1L, total - 1);
        eventually(() -> assertThat(log).extracting(CallRecord::operation).containsOnly("/processor/transactions/get"));
    }

    @Test
    void aTransactionsPageOutsideWhatPlaidAllowsIsRefusedBeforeAnyCall() {
        List<CallRecord> log = new ArrayList<>();
        LocalDate today = LocalDate.now();
        assertThat(failureOf(accounts.transactionsPage(profile, "processor-sandbox-x", today, today.minusDays(1), 0, 100, log::add)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("after it ends");
        assertThat(failureOf(accounts.transactionsPage(profile, "processor-sandbox-x", null, today, 0, 100, log::add)))
                .hasMessageContaining("both dates");
        assertThat(failureOf(accounts.transactionsPage(profile, "processor-sandbox-x", today, today, 0, 501, log::add)))
                .hasMessageContaining("1 to 500");
        assertThat(failureOf(accounts.transactionsPage(profile, "processor-sandbox-x", today, today, 0, 0, log::add)))
                .hasMessageContaining("1 to 500");
        assertThat(failureOf(accounts.transactionsPage(profile, "processor-sandbox-x", today, today, -1, 10, log::add)))
                .hasMessageContaining("negative");
        assertThat(log).isEmpty();
    }

    // --- webhook ----------------------------------------------------------------------------------

    @Test
    void remembersTheWebhookItSets() {
        TokenEntry token = newToken(checkingId);
        assertThat(webhooks.knownWebhook(profile, token.value()).join()).isEmpty();

        KnownWebhook set = webhooks.updateWebhook(profile, token.value(), " http://127.0.0.1:9/hooks ", call -> { }).join();
        assertThat(set.url()).isEqualTo("http://127.0.0.1:9/hooks");
        assertThat(set.requestId()).isNotBlank();
        assertThat(webhooks.knownWebhook(profile, token.value()).join()).hasValueSatisfying(known -> {
            assertThat(known.url()).isEqualTo("http://127.0.0.1:9/hooks");
            assertThat(known.requestId()).isEqualTo(set.requestId());
        });

        assertThat(webhooks.updateWebhook(profile, token.value(), "", call -> { }).join().url()).isNull();
        assertThat(webhooks.knownWebhook(profile, token.value()).join()).hasValueSatisfying(known -> assertThat(known.url()).isNull());
        eventually(() -> assertThat(vault.audit().recent(20))
                .anySatisfy(e -> assertThat(e.action()).isEqualTo("call /processor/token/webhook/update")));
    }

    @Test
    void aWebhookThatIsNotAnHttpUrlIsRefusedBeforeAnyCall() {
        List<CallRecord> log = new ArrayList<>();
        assertThat(failureOf(webhooks.updateWebhook(profile, "processor-sandbox-x", "ftp://example.com/hook", log::add)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http or https");
        assertThat(log).isEmpty();
    }
}
