package dev.tartan.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tartan.api.PlaidApiException;
import dev.tartan.api.PlaidJson;
import dev.tartan.model.AuditEntry;
import dev.tartan.model.CallRecord;
import dev.tartan.model.PlaidEnvironment;
import dev.tartan.model.Profile;
import dev.tartan.model.TransferProposal;
import dev.tartan.model.TransferRow;
import dev.tartan.model.TransferSyncResult;
import dev.tartan.store.Vault;
import dev.tartan.testing.EmulatorServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

import static dev.tartan.service.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Transfer services against the built-in emulator over loopback, with a real vault: the copy
 * kept current by /transfer/event/sync from its cursor, authorizations and idempotent creation,
 * refunds checked against what is left, the Sandbox simulations and the audit trail.
 */
class TransferServicesTest {

    @TempDir
    static Path home;
    static EmulatorServices services;
    static Vault vault;
    static Profile profile;
    static CachedCalls calls;
    static TransferSyncService mirror;
    static TransferService transfers;
    static TransferCreationService creation;
    static TransferSandboxService sandbox;
    static TransferLedgerService ledger;
    static String accessToken;
    static String checkingId;

    private final List<CallRecord> log = Collections.synchronizedList(new ArrayList<>());
    private final Consumer<CallRecord> logged = log::add;

    @BeforeAll
    static void start() {
        services = new EmulatorServices(home);
        vault = services.vault;
        profile = services.profile;
        calls = new CachedCalls(services.gateway, vault, services.io, Clock.systemUTC());
        // Pages of 4 events: a catch-up of a few transfers already takes several pages.
        mirror = new TransferSyncService(services.gateway, vault, services.io, Clock.systemUTC(), 4);
        transfers = new TransferService(calls, mirror, vault, services.io);
        creation = new TransferCreationService(calls, mirror, vault, services.io);
        sandbox = new TransferSandboxService(calls);
        ledger = new TransferLedgerService(calls, vault, services.io);
        JsonNode item = services.newItem("user_good");
        accessToken = item.path("access_token").asText();
        checkingId = creation.accountsOf(profile, accessToken, call -> { }).join().stream()
                .filter(account -> "checking".equals(account.path("subtype").asText())).findFirst().orElseThrow()
                .path("account_id").asText();
    }

    @AfterAll
    static void stop() {
        services.close();
    }

    private static TransferProposal debit(String amount, String description) {
        return new TransferProposal(accessToken, checkingId, "debit", "ach", "web",
                dev.tartan.model.TransferAmount.parse(amount, "The amount"), "Ada Weaver", description, null);
    }

    /** Authorizes and creates a transfer through the services, as the pane's dialog does. */
    private JsonNode transfer(String amount, String description) {
        JsonNode authorization = creation.authorize(profile, debit(amount, description), UUID.randomUUID().toString(), logged).join();
        assertThat(authorization.path("decision").asText()).isEqualTo("approved");
        return creation.create(profile, debit(amount, description), authorization, UUID.randomUUID().toString(), logged).join();
    }

    private static TransferRow row(String id) {
        return vault.transfers().find(profile.name(), List.of(id)).get(id);
    }

    @Test
    void theCopyFollowsEventsFromItsCursorAcrossPagesAndTheDetailsAreFilledInAfterwards() {
        JsonNode settled = transfer("12.00", "rent");
        JsonNode returned = transfer("33.33", "gym");
        sandbox.simulate(profile, settled.path("id").asText(), "posted", null, null, logged).join();
        sandbox.simulate(profile, settled.path("id").asText(), "settled", null, null, logged).join();
        // Forget what creating wrote: the copy must come from the events alone.
        mirror.forget(profile).join();

        TransferSyncResult first = mirror.sync(profile, null, logged).join();
        assertThat(first.pages()).isGreaterThan(1);
        assertThat(first.state().cursor()).isEqualTo(lastEventId());
        TransferRow fromEvents = row(settled.path("id").asText());
        assertThat(fromEvents.status()).isEqualTo("settled");
        assertThat(fromEvents.amountCents()).isEqualTo(1200);
        assertThat(fromEvents.type()).isEqualTo("debit");
        assertThat(fromEvents.accountId()).isEqualTo(checkingId);
        assertThat(fromEvents.detailed()).isFalse();
        assertThat(fromEvents.network()).isNull();
        TransferRow r01 = row(returned.path("id").asText());
        assertThat(r01.status()).isEqualTo("returned");
        assertThat(r01.returnCode()).isEqualTo("R01");
        assertThat(r01.failureText()).startsWith("R01: ");

        int filled = mirror.fillDetails(profile, null, logged).join();
        assertThat(filled).isGreaterThanOrEqualTo(2);
        TransferRow detailed = row(settled.path("id").asText());
        assertThat(detailed.detailed()).isTrue();
        assertThat(detailed.network()).isEqualTo("ach");
        assertThat(detailed.achClass()).isEqualTo("web");
        assertThat(detailed.description()).isEqualTo("rent");
        assertThat(detailed.userName()).isEqualTo("Ada Weaver");
        assertThat(detailed.status()).isEqualTo("settled");
        assertThat(mirror.state(profile).join().orElseThrow().undetailed()).isZero();

        // Nothing new: one page, nothing applied. Then one event: only its transfer changes.
        assertThat(mirror.sync(profile, null, logged).join().events()).isZero();
        sandbox.simulate(profile, settled.path("id").asText(), "funds_available", null, null, logged).join();
        TransferSyncResult next = mirror.sync(profile, null, logged).join();
        assertThat(next.events()).isEqualTo(1);
        assertThat(next.changed()).containsExactly(settled.path("id").asText());
        assertThat(next.added()).isZero();
        assertThat(row(settled.path("id").asText()).status()).isEqualTo("funds_available");
        assertThat(row(settled.path("id").asText()).description()).as("details kept").isEqualTo("rent");
        // The cursor is in the vault: a new service (a restart) carries on from it.
        TransferSyncService restarted = new TransferSyncService(services.gateway, vault, services.io, Clock.systemUTC());
        assertThat(restarted.sync(profile, null, logged).join().events()).isZero();
        assertThat(log).extracting(CallRecord::operation).contains(TransferSyncService.EVENT_SYNC, TransferSyncService.LIST);
    }

    @Test
    void aLongCatchUpStoredAlongTheWayEndsWithEveryRowAtItsLatestStatus() {
        // An Item of the load-test extension: 80 transfers that lived their lives, about 450 events, stored every 40 pages of 4.
        services.newItem("user_transfers_80", "any");
        mirror.forget(profile).join();
        TransferSyncResult result = mirror.sync(profile, null, logged).join();
        assertThat(result.pages()).isGreaterThan(2 * TransferSyncService.STORE_EVERY_PAGES);
        assertThat(result.state().cursor()).isEqualTo(lastEventId());
        java.util.Map<String, String> latest = new java.util.HashMap<>();
        long after = 0;
        while (true) {
            JsonNode page = services.call(TransferSyncService.EVENT_SYNC, PlaidJson.mapper().createObjectNode().put("after_id", after).put("count", 500));
            for (JsonNode event : page.path("transfer_events")) {
                after = event.path("event_id").asLong();
                String type = event.path("event_type").asText();
                if (type.startsWith("refund.") && !type.equals("refund.swept") && !type.equals("refund.return_swept")) {
                    latest.put(event.path("refund_id").asText(), type.substring("refund.".length()));
                } else if (!type.startsWith("sweep.") && !type.startsWith("refund.") && !type.contains("swept")) {
                    latest.put(event.path("transfer_id").asText(), type);
                }
            }
            if (!page.path("has_more").asBoolean()) {
                break;
            }
        }
        List<TransferRow> held = vault.transfers().rows(profile.name());
        assertThat(held).hasSize(latest.size());
        assertThat(held).allSatisfy(row -> assertThat(row.status()).as(row.id()).isEqualTo(latest.get(row.id())));
    }

    @Test
    void anAuthorizationKeyAndTheAuthorizationItselfMakeARepeatedCreateOneTransfer() {
        String key = UUID.randomUUID().toString();
        JsonNode first = creation.authorize(profile, debit("20.00", "twice"), key, logged).join();
        JsonNode again = creation.authorize(profile, debit("20.00", "twice"), key, logged).join();
        assertThat(again.path("id").asText()).isEqualTo(first.path("id").asText());
        // Tartan keeps the decision: Plaid has no call that reads an authorization back.
        assertThat(transfers.knownAuthorization(profile, first.path("id").asText()).join()).hasValueSatisfying(
                kept -> assertThat(kept.path("decision").asText()).isEqualTo("approved"));

        String createKey = UUID.randomUUID().toString();
        JsonNode made = creation.create(profile, debit("20.00", "twice"), first, createKey, logged).join();
        JsonNode repeated = creation.create(profile, debit("20.00", "twice"), first, createKey, logged).join();
        assertThat(repeated.path("id").asText()).isEqualTo(made.path("id").asText());
        assertThat(row(made.path("id").asText())).as("kept in the vault's copy at once").isNotNull();
        assertThat(row(made.path("id").asText()).description()).isEqualTo("twice");
    }

    @Test
    void declinedAuthorizationsCreateNothingAndBadInputIsRefusedBeforeAnythingIsSent() {
        JsonNode declined = creation.authorize(profile, debit("1000.01", "big"), UUID.randomUUID().toString(), logged).join();
        assertThat(declined.path("decision").asText()).isEqualTo("declined");
        assertThat(declined.path("decision_rationale").path("code").asText()).isEqualTo("TRANSFER_LIMIT_REACHED");
        assertThatThrownBy(() -> creation.create(profile, debit("1000.01", "big"), declined, UUID.randomUUID().toString(), logged))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("declined");

        int before = log.size();
        assertThatThrownBy(() -> creation.authorize(profile, new TransferProposal(accessToken, checkingId, "debit", "rtp", null, 100,
                "Ada", "x", null), "k", logged)).hasMessageContaining("credits only");
        assertThatThrownBy(() -> creation.authorize(profile, debit("5.00", "much too long text"), "k", logged))
                .hasMessageContaining("at most 10 characters");
        assertThatThrownBy(() -> dev.tartan.model.TransferAmount.parse("1.234", "The amount")).hasMessageContaining("two decimals");
        assertThatThrownBy(() -> dev.tartan.model.TransferAmount.parse("-3", "The amount")).hasMessageContaining("more than $0.00");
        assertThatThrownBy(() -> sandbox.simulate(profile, "some-id", "cancelled", null, null, logged))
                .hasMessageContaining("Not an event to simulate");
        assertThatThrownBy(() -> sandbox.simulate(profile, "some-id", "returned", "X99", null, logged))
                .hasMessageContaining("not an ACH return code");
        Profile production = new Profile("Live", PlaidEnvironment.PRODUCTION, profile.credentials());
        assertThatThrownBy(() -> sandbox.simulateSweep(production, logged)).hasMessageContaining("not in Production");
        assertThat(log).hasSize(before);
    }

    @Test
    void aRefundIsCheckedAgainstWhatIsLeftAndEveryMoneyMoveIsAuditedWithItsRequestId() {
        JsonNode made = transfer("40.00", "refundme");
        String id = made.path("id").asText();
        sandbox.simulate(profile, id, "posted", null, null, logged).join();
        sandbox.simulate(profile, id, "settled", null, null, logged).join();
        JsonNode now = services.call(TransferService.GET, TransferService.getBody(id)).path("transfer");
        assertThat(TransferService.refundableCents(now)).isEqualTo(4000);

        int before = log.size();
        assertThat(transfers.refund(profile, id, 4001, 4000, "key", logged)).isCompletedExceptionally();
        assertThat(log).as("nothing sent").hasSize(before);

        JsonNode refund = transfers.refund(profile, id, 1500, 4000, UUID.randomUUID().toString(), logged).join();
        assertThat(refund.path("amount").asText()).isEqualTo("15.00");
        JsonNode after = services.call(TransferService.GET, TransferService.getBody(id)).path("transfer");
        assertThat(TransferService.refundableCents(after)).isEqualTo(2500);
        TransferRow kept = vault.transfers().find(profile.name(), List.of(refund.path("id").asText())).get(refund.path("id").asText());
        assertThat(kept.isRefund()).isTrue();
        assertThat(kept.transferId()).isEqualTo(id);

        // Plaid refuses what is not allowed; the error is Plaid's own.
        assertThatThrownBy(() -> transfers.cancel(profile, id, logged).join()).isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(PlaidApiException.class).hasMessageContaining("TRANSFER_NOT_CANCELLABLE");

        JsonNode pending = transfer("9.00", "cancelme");
        JsonNode cancelled = transfers.cancel(profile, pending.path("id").asText(), logged).join();
        assertThat(cancelled.path("status").asText()).isEqualTo("cancelled");
        assertThat(row(pending.path("id").asText()).status()).isEqualTo("cancelled");

        eventually(() -> assertThat(vault.audit().recent(50)).extracting(AuditEntry::action)
                .contains("create transfer", "refund transfer", "cancel transfer", "call /transfer/create"));
        List<AuditEntry> entries = vault.audit().recent(50);
        AuditEntry refundEntry = entries.stream().filter(e -> e.action().equals("refund transfer")).findFirst().orElseThrow();
        assertThat(refundEntry.requestId()).isNotBlank();
        assertThat(refundEntry.targets()).contains("transfer_id=" + id, "amount=15.00", "refund_id=" + refund.path("id").asText());
        AuditEntry cancelEntry = entries.stream().filter(e -> e.action().equals("cancel transfer")).findFirst().orElseThrow();
        assertThat(cancelEntry.requestId()).isNotBlank();
    }

    @Test
    void anImpossibleSimulationIsPlaidsErrorAndChangesNothing() {
        JsonNode made = transfer("7.00", "stuck");
        String id = made.path("id").asText();
        assertThatThrownBy(() -> sandbox.simulate(profile, id, "settled", null, null, logged).join())
                .cause().isInstanceOf(PlaidApiException.class).hasMessageContaining("SANDBOX_TRANSFER_EVENT_TRANSITION_INVALID");
        assertThat(services.call(TransferService.GET, TransferService.getBody(id)).path("transfer").path("status").asText())
                .isEqualTo("pending");
    }

    @Test
    void ledgerDepositsAndRecurringTransfersOnATestClock() {
        JsonNode sweep = ledger.deposit(profile, 5000, "ach", "top up", UUID.randomUUID().toString(), logged).join();
        assertThat(sweep.path("amount").asText()).isEqualTo("-50.00");
        sandbox.simulateLedgerSweep(profile, true, sweep.path("id").asText(), "sweep.posted", null, logged).join();
        assertThatThrownBy(() -> ledger.withdraw(profile, 100, "wire", null, "k", logged)).hasMessageContaining("ach or same-day-ach");

        JsonNode clock = sandbox.createClock(profile, null, logged).join();
        java.time.Instant start = java.time.Instant.parse(clock.path("virtual_time").asText());
        LocalDate today = LocalDate.ofInstant(start, java.time.ZoneId.of("America/New_York"));
        TransferProposal weekly = new TransferProposal(accessToken, checkingId, "debit", "ach", "ppd", 500, "Ada Weaver", "weekly",
                clock.path("test_clock_id").asText());
        JsonNode created = creation.createRecurring(profile, weekly, new TransferCreationService.Schedule("week", 1, 1, today, null),
                UUID.randomUUID().toString(), logged).join();
        assertThat(created.path("decision").asText()).isEqualTo("approved");
        String recurringId = created.path("recurring_transfer").path("recurring_transfer_id").asText();
        sandbox.advanceClock(profile, clock.path("test_clock_id").asText(), start, start.plus(java.time.Duration.ofDays(15)), logged).join();
        JsonNode after = services.call(TransferCreationService.RECURRING_GET,
                PlaidJson.mapper().createObjectNode().put("recurring_transfer_id", recurringId)).path("recurring_transfer");
        assertThat(after.path("transfer_ids").size()).isGreaterThanOrEqualTo(2);
        assertThatThrownBy(() -> sandbox.advanceClock(profile, clock.path("test_clock_id").asText(), start, start, logged))
                .hasMessageContaining("only moves forward");
        assertThatThrownBy(() -> new TransferCreationService.Schedule("week", 1, 6, today, null).checked()).hasMessageContaining("weekday");
    }

    @Test
    void theCopyExportsAsCsvThatReadsBack() throws Exception {
        JsonNode made = transfer("3.50", "=SUM(A1)");
        TransferRow row = row(made.path("id").asText());
        Path file = home.resolve("transfers.csv");
        assertThat(mirror.exportCsv(List.of(row), file).join()).isEqualTo(1);
        List<String> lines = Files.readAllLines(file);
        assertThat(lines.get(0)).startsWith("id,kind,transfer_id,created");
        assertThat(lines.get(1)).startsWith(row.id() + ",transfer," + row.id()).contains(",3.50,USD,").contains("'=SUM(A1)");
    }

    private static long lastEventId() {
        long after = 0;
        while (true) {
            JsonNode page = services.call(TransferSyncService.EVENT_SYNC, PlaidJson.mapper().createObjectNode().put("after_id", after).put("count", 500));
            for (JsonNode event : page.path("transfer_events")) {
                after = event.path("event_id").asLong();
            }
            if (!page.path("has_more").asBoolean()) {
                return after;
            }
        }
    }

    @SuppressWarnings("unused")
    private static Map<String, TransferRow> all() {
        return vault.transfers().find(profile.name(), Set.of());
    }
}
