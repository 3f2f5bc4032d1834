package dev.tartan.ui.transfers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tartan.api.PlaidJson;
import dev.tartan.emulator.EmulatorConfig;
import dev.tartan.model.PaneTarget;
import dev.tartan.model.PlaidEnvironment;
import dev.tartan.model.Profile;
import dev.tartan.model.TokenEntry;
import dev.tartan.model.TokenKind;
import dev.tartan.model.TransferRow;
import dev.tartan.service.CachedCalls;
import dev.tartan.service.CatalogService;
import dev.tartan.service.InstitutionService;
import dev.tartan.service.TokenBookService;
import dev.tartan.service.TransferCreationService;
import dev.tartan.service.TransferLedgerService;
import dev.tartan.service.TransferSandboxService;
import dev.tartan.service.TransferService;
import dev.tartan.service.TransferSyncService;
import dev.tartan.testing.EmulatorServices;
import dev.tartan.testing.FakePlaid;
import dev.tartan.ui.common.PaneServices;
import dev.tartan.ui.common.TaskCenter;
import dev.tartan.ui.common.data.Outcome;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The Transfers pane's view models over the real services and the built-in emulator on loopback, without a window. */
class TransfersViewModelTest {

    @TempDir
    static Path home;
    static EmulatorServices services;
    static CachedCalls calls;
    static TransferSyncService sync;
    static TransferService transfers;
    static TransferCreationService creation;
    static TransferLedgerService ledger;
    static TransferSandboxService sandbox;
    static TokenBookService tokenBook;
    static InstitutionService institutions;
    static TokenEntry item;

    TransfersViewModel model;
    final List<String> asked = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        FxToolkit.registerPrimaryStage();
        services = new EmulatorServices(EmulatorConfig.inMemory(), home, 4);
        calls = new CachedCalls(services.gateway, services.vault, services.io, Clock.systemUTC());
        sync = new TransferSyncService(services.gateway, services.vault, services.io, Clock.systemUTC());
        transfers = new TransferService(calls, sync, services.vault, services.io);
        creation = new TransferCreationService(calls, sync, services.vault, services.io);
        ledger = new TransferLedgerService(calls, services.vault, services.io);
        sandbox = new TransferSandboxService(calls);
        tokenBook = new TokenBookService(services.vault, services.io);
        institutions = new InstitutionService(services.gateway, calls);
        JsonNode created = services.newItem("user_good");
        item = services.vault.tokens().save(TokenEntry.of(TokenKind.ACCESS, created.path("access_token").asText(), services.profile.name(),
                created.path("item_id").asText()));
    }

    @AfterAll
    static void stop() {
        services.close();
    }

    @BeforeEach
    void newModel() throws Exception {
        model = model(services.profile);
    }

    private TransfersViewModel model(Profile profile) throws Exception {
        return model(profile, calls, sync, transfers, creation, ledger, sandbox);
    }

    private TransfersViewModel model(Profile profile, CachedCalls through, TransferSyncService sync, TransferService transfers,
                                     TransferCreationService creation, TransferLedgerService ledger, TransferSandboxService sandbox)
            throws Exception {
        PaneServices pane = new PaneServices(through, tokenBook, institutions, new CatalogService(services.io), new TaskCenter(),
                new SimpleObjectProperty<>(profile));
        TransfersViewModel made = WaitForAsyncUtils.asyncFx(() -> new TransfersViewModel(pane, sync, transfers, creation, ledger, sandbox,
                ZoneId.of("UTC"))).get(10, TimeUnit.SECONDS);
        onFx(() -> made.setChecks(new TransferChecks() {
            @Override
            public boolean allowMoney(Profile p, String path) {
                asked.add("money " + path);
                return !p.environment().isProduction();
            }

            @Override
            public boolean allowCancel(Profile p, String action, String target) {
                asked.add(action + " " + target);
                return true;
            }
        }));
        return made;
    }

    private static void onFx(Runnable action) {
        WaitForAsyncUtils.asyncFx(action);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get(10, TimeUnit.SECONDS));
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }

    /** Fills in the form as a user would (the Item and its checking account are picked for them). */
    private NewTransferFormViewModel form(String amount, String description) throws Exception {
        NewTransferFormViewModel form = onFx(() -> model.newTransferForm());
        waitUntil(() -> form.terms().itemAccount().accountProperty().get() != null);
        onFx(() -> {
            form.terms().amountProperty().set(amount);
            form.terms().legalNameProperty().set("Ada Weaver");
            form.terms().descriptionProperty().set(description);
        });
        return form;
    }

    private static int transfersOnEmulator(String amount) {
        int count = 0;
        for (JsonNode transfer : services.call("/transfer/list", PlaidJson.mapper().createObjectNode().put("count", 25)).path("transfers")) {
            if (amount.equals(transfer.path("amount").asText())) {
                count++;
            }
        }
        return count;
    }

    private String status() throws Exception {
        return onFx(() -> model.transfer().transfer().get() == null ? null : model.transfer().transfer().get().path("status").asText());
    }

    @Test
    void aNewTransferIsAuthorizedFirstAndCreatedOnceHoweverOftenItIsSent() throws Exception {
        onFx(() -> model.onShown());
        NewTransferFormViewModel form = form("21.00", "twice");
        assertThat(onFx(() -> form.goLabel().get())).isEqualTo("Authorize");
        onFx(form::submit);
        waitUntil(() -> form.authorizationProperty().get().hasData());
        assertThat(form.authorizationProperty().get().data().path("decision").asText()).isEqualTo("approved");
        assertThat(onFx(() -> form.goLabel().get())).isEqualTo("Create transfer");
        assertThat(transfersOnEmulator("21.00")).as("nothing created by the authorization").isZero();

        // A double click: the second press comes while the first create is under way.
        onFx(() -> {
            form.submit();
            form.submit();
        });
        waitUntil(() -> form.submission().stateProperty().get().hasData());
        onFx(form::submit); // and once more after it is done: the authorization makes it the same transfer
        waitUntil(() -> form.submission().stateProperty().get().hasData());
        assertThat(transfersOnEmulator("21.00")).isEqualTo(1);
        String id = form.submission().stateProperty().get().data().path("id").asText();
        waitUntil(() -> id.equals(model.transfer().transferIdProperty().get()) && "pending".equals(status()));
        waitUntil(() -> model.list().rows().stream().anyMatch(row -> row.id().equals(id)));
        waitUntil(() -> model.transfer().authorizationProperty().get().hasData());
        assertThat(model.transfer().authorizationProperty().get().data().path("decision").asText()).isEqualTo("approved");

        // Changing the transfer after its authorization asks for a new one.
        NewTransferFormViewModel changed = form("22.00", "changed");
        onFx(changed::submit);
        waitUntil(() -> changed.authorizationProperty().get().hasData());
        onFx(() -> changed.terms().amountProperty().set("23.00"));
        assertThat(onFx(() -> changed.goLabel().get())).isEqualTo("Authorize");
        assertThat(changed.authorizationProperty().get().phase()).isEqualTo(Outcome.Phase.EMPTY);
    }

    @Test
    void aDeclinedTransferShowsItsRationaleAndCannotBeCreatedAndBadInputIsRefused() throws Exception {
        NewTransferFormViewModel form = form("1500.00", "big");
        onFx(form::submit);
        waitUntil(() -> form.authorizationProperty().get().hasData());
        JsonNode decided = form.authorizationProperty().get().data();
        assertThat(decided.path("decision").asText()).isEqualTo("declined");
        assertThat(decided.path("decision_rationale").path("code").asText()).isEqualTo("TRANSFER_LIMIT_REACHED");
        assertThat(onFx(() -> form.problem().get())).contains("did not approve");
        assertThat(onFx(() -> form.goLabel().get())).isEqualTo("Authorize");

        onFx(() -> form.terms().amountProperty().set("12.345"));
        assertThat(onFx(() -> form.problem().get())).contains("two decimals");
        onFx(() -> {
            form.terms().amountProperty().set("12.00");
            form.terms().networkProperty().set("rtp");
        });
        assertThat(onFx(() -> form.terms().typeProperty().get())).as("rtp carries credits only").isEqualTo("credit");
        onFx(() -> form.terms().descriptionProperty().set("a description far too long"));
        assertThat(onFx(() -> form.problem().get())).contains("at most 15 characters");
    }

    @Test
    void inProductionTheAmountIsTypedTwiceAndMoneyMovesOnlyWhenConfirmed() throws Exception {
        // Production is Plaid's own host: here a stand-in answers, and tells what reached it.
        Profile live = new Profile("Live", PlaidEnvironment.PRODUCTION, services.profile.credentials());
        FakePlaid plaid = new FakePlaid();
        plaid.answerWith(request -> java.util.concurrent.CompletableFuture.completedFuture(FakePlaid.ok(
                "{\"accounts\": [{\"account_id\": \"live-checking\", \"name\": \"Checking\", \"subtype\": \"checking\"}]}")));
        CachedCalls liveCalls = new CachedCalls(plaid, services.vault, services.io, Clock.systemUTC());
        TransferSyncService liveSync = new TransferSyncService(plaid, services.vault, services.io, Clock.systemUTC());
        TransfersViewModel production = model(live, liveCalls, liveSync, new TransferService(liveCalls, liveSync, services.vault, services.io),
                new TransferCreationService(liveCalls, liveSync, services.vault, services.io),
                new TransferLedgerService(liveCalls, services.vault, services.io), new TransferSandboxService(liveCalls));
        NewTransferFormViewModel form = onFx(production::newTransferForm);
        assertThat(form.asksAmountTwice()).isTrue();
        assertThat(form.terms().testClocks()).as("no test clocks in Production").isNull();
        onFx(() -> {
            form.terms().itemAccount().itemProperty().set(item);
            form.terms().amountProperty().set("10.00");
            form.terms().legalNameProperty().set("Ada Weaver");
            form.terms().descriptionProperty().set("live");
        });
        waitUntil(() -> form.terms().itemAccount().accountProperty().get() != null);
        assertThat(onFx(() -> form.problem().get())).startsWith("Type the amount again");
        onFx(() -> form.amountAgainProperty().set("10.00"));
        assertThat(onFx(() -> form.problem().get())).isEmpty();

        // A refund in Production: the checks are asked, and a refusal sends nothing.
        RefundFormViewModel refund = onFx(() -> production.transfer().newRefundForm());
        int requests = plaid.requests().size();
        onFx(() -> {
            refund.amountProperty().set("1.00");
            refund.submit();
        });
        waitUntil(() -> refund.submission().stateProperty().get().phase() == Outcome.Phase.FAILED);
        assertThat(asked).contains("money " + TransferService.REFUND);
        assertThat(refund.submission().stateProperty().get().failure().summary()).contains("not confirmed");
        assertThat(plaid.requests()).hasSize(requests);
        assertThat(plaid.requests()).extracting(request -> request.path()).doesNotContain(TransferService.REFUND);
    }

    @Test
    void theOpenTransferOffersOnlyTheEventsPlaidAllowsNextAndAnImpossibleOneChangesNothing() throws Exception {
        onFx(() -> model.onShown());
        NewTransferFormViewModel form = form("30.00", "life");
        onFx(form::submit);
        waitUntil(() -> form.authorizationProperty().get().hasData());
        onFx(form::submit);
        waitUntil(() -> form.submission().stateProperty().get().hasData());
        String id = form.submission().stateProperty().get().data().path("id").asText();
        waitUntil(() -> "pending".equals(status()));
        assertThat(onFx(() -> model.transfer().next().get().all())).containsExactly("posted", "failed");
        assertThat(onFx(() -> model.transfer().cancellable().get())).isTrue();

        onFx(() -> model.transfer().simulate("posted"));
        waitUntil(() -> "posted".equals(status()));
        assertThat(onFx(() -> model.transfer().next().get().all())).containsExactly("settled", "returned");
        assertThat(onFx(() -> model.transfer().cancellable().get())).isFalse();
        onFx(() -> model.transfer().simulate("settled"));
        waitUntil(() -> "settled".equals(status()));
        assertThat(onFx(() -> model.transfer().next().get().nextEvent())).isEqualTo("funds_available");

        // Stale buttons: "posted" again is impossible now. Plaid's error shows; nothing changes.
        onFx(() -> model.transfer().simulate("posted"));
        waitUntil(() -> model.transfer().actionProperty().get().phase() == Outcome.Phase.FAILED);
        assertThat(model.transfer().actionProperty().get().failure().errorCode()).isEqualTo("SANDBOX_TRANSFER_EVENT_TRANSITION_INVALID");
        assertThat(services.call(TransferService.GET, TransferService.getBody(id)).path("transfer").path("status").asText())
                .isEqualTo("settled");

        // The timeline lists each status; the list follows the events (status of the row).
        onFx(() -> model.transfer().reload());
        waitUntil(() -> model.transfer().stateOf(TransferData.EVENTS).get().hasData()
                && !model.transfer().stateOf(TransferData.EVENTS).get().refreshing());
        List<String> types = new ArrayList<>();
        model.transfer().stateOf(TransferData.EVENTS).get().data().path("transfer_events").forEach(e -> types.add(0, e.path("event_type").asText()));
        assertThat(types).containsExactly("pending", "posted", "settled");
        waitUntil(() -> model.list().rows().stream().anyMatch(row -> row.id().equals(id) && row.status().equals("settled")));

        // A refund within what is left; the Refunds list holds it after the catch-up.
        assertThat(onFx(() -> model.transfer().refundable().get())).isEqualTo(3000L);
        RefundFormViewModel refund = onFx(() -> model.transfer().newRefundForm());
        onFx(() -> refund.amountProperty().set("31.00"));
        assertThat(onFx(() -> refund.problem().get())).contains("more than the $30.00 left");
        onFx(() -> {
            refund.amountProperty().set("12.50");
            refund.submit();
        });
        waitUntil(() -> refund.submission().stateProperty().get().hasData());
        waitUntil(() -> model.transfer().refundable().get() == 1750L);
        waitUntil(() -> model.list().refundsOf(id).size() == 1);
        assertThat(model.list().refundsOf(id).get(0).amountCents()).isEqualTo(1250);
    }

    @Test
    void theListFiltersByStatusAmountWordsAndNetworkOnceDetailsAreRead() throws Exception {
        String returned = createDirectly("33.33", "gym");
        String plain = createDirectly("41.00", "books");
        services.vault.transfers().forget(services.profile.name());
        onFx(() -> model.onShown());
        waitUntil(() -> model.list().rows().stream().anyMatch(row -> row.id().equals(returned) && row.network() != null));
        TransferListViewModel list = model.list();
        onFx(() -> list.statusProperty().set("returned"));
        assertThat(list.visibleRows()).extracting(TransferRow::id).contains(returned).doesNotContain(plain);
        assertThat(list.visibleRows()).allSatisfy(row -> assertThat(row.status()).isEqualTo("returned"));
        onFx(() -> {
            list.clearFilters();
            list.searchProperty().set("BOOKS");
        });
        assertThat(list.visibleRows()).extracting(TransferRow::id).containsExactly(plain);
        onFx(() -> {
            list.clearFilters();
            list.minAmountProperty().set("41");
            list.maxAmountProperty().set("41.00");
        });
        assertThat(list.visibleRows()).extracting(TransferRow::id).contains(plain).allSatisfy(id -> assertThat(id).isNotEqualTo(returned));
        onFx(() -> list.maxAmountProperty().set("forty"));
        assertThat(list.filterProblemProperty().get()).contains("not an amount");
        onFx(() -> {
            list.clearFilters();
            list.networkProperty().set("wire");
        });
        assertThat(list.visibleRows()).isEmpty();
        onFx(() -> list.networkProperty().set("ach"));
        assertThat(list.visibleRows()).extracting(TransferRow::id).contains(returned, plain);
        TransferRow r01 = list.visibleRows().stream().filter(row -> row.id().equals(returned)).findFirst().orElseThrow();
        assertThat(r01.returnCode()).isEqualTo("R01");

        // Ctrl+K: an id opens its transfer.
        onFx(() -> model.open(PaneTarget.Kind.TRANSFER, returned));
        waitUntil(() -> "returned".equals(status()));
        assertThat(list.selectedProperty().get().id()).isEqualTo(returned);
    }

    @Test
    void aRecurringTransferOnATestClockOriginatesTransfersAsTheClockAdvances() throws Exception {
        onFx(() -> model.onShown());
        onFx(() -> model.show(TransfersViewModel.Section.TEST_CLOCKS));
        onFx(() -> model.clocks().create());
        waitUntil(() -> model.clocks().selectedProperty().get() != null);
        String clockId = model.clocks().selectedProperty().get().path("test_clock_id").asText();
        RecurringFormViewModel form = onFx(() -> model.recurring().newForm(ZoneId.of("America/New_York")));
        waitUntil(() -> form.terms().itemAccount().accountProperty().get() != null && form.terms().testClocks().items().contains(clockId));
        onFx(() -> {
            form.terms().amountProperty().set("6.00");
            form.terms().legalNameProperty().set("Ada Weaver");
            form.terms().descriptionProperty().set("weekly");
            form.terms().testClockProperty().set(clockId);
            form.startDateProperty().set(java.time.LocalDate.ofInstant(java.time.Instant.parse(
                    model.clocks().selectedProperty().get().path("virtual_time").asText()), ZoneId.of("America/New_York")));
        });
        assertThat(onFx(() -> form.problem().get())).isEmpty();
        onFx(form::submit);
        waitUntil(() -> form.submission().stateProperty().get().hasData());
        assertThat(form.submission().stateProperty().get().data().path("decision").asText()).isEqualTo("approved");
        assertThat(asked).contains("money " + TransferCreationService.RECURRING_CREATE);

        onFx(() -> {
            model.clocks().daysProperty().set(15);
            model.clocks().advance();
        });
        waitUntil(() -> model.clocks().actionProperty().get().hasData());
        assertThat(model.clocks().originated()).hasSizeGreaterThanOrEqualTo(2);
        String first = model.clocks().originated().get(0);
        waitUntil(() -> model.list().rows().stream().anyMatch(row -> row.id().equals(first)));

        onFx(() -> model.clocks().daysProperty().set(0));
        onFx(() -> model.clocks().advance());
        assertThat(model.clocks().actionProperty().get().failure().summary()).contains("at least one day");
    }

    /** A transfer made beside the pane (another client), authorized and created. */
    private static String createDirectly(String amount, String description) {
        String accountId = creation.accountsOf(services.profile, item.value(), call -> { }).join().stream()
                .filter(a -> "checking".equals(a.path("subtype").asText())).findFirst().orElseThrow().path("account_id").asText();
        var body = PlaidJson.mapper().createObjectNode().put("access_token", item.value()).put("account_id", accountId)
                .put("type", "debit").put("network", "ach").put("ach_class", "web").put("amount", amount);
        body.putObject("user").put("legal_name", "Ada Weaver");
        String authorizationId = services.call("/transfer/authorization/create", body).path("authorization").path("id").asText();
        return services.call("/transfer/create", PlaidJson.mapper().createObjectNode().put("access_token", item.value())
                .put("account_id", accountId).put("authorization_id", authorizationId).put("description", description))
                .path("transfer").path("id").asText();
    }
}
