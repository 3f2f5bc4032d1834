package dev.tartan.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.api.PlaidJson;
import dev.tartan.model.ReceivedWebhook;
import dev.tartan.model.Scenario;
import dev.tartan.model.StepResult;
import dev.tartan.testing.EmulatorServices;
import dev.tartan.testing.TestWebhookFeed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Scenarios run on the built-in emulator over loopback, their webhooks heard by a test inbox. */
class ScenarioServiceTest {

    @TempDir
    static Path home;
    static EmulatorServices services;
    static ScenarioService scenarios;
    static TestWebhookFeed feed;

    @BeforeAll
    static void start() {
        services = new EmulatorServices(home);
        CachedCalls calls = new CachedCalls(services.gateway, services.vault, services.io, Clock.systemUTC());
        SandboxService sandbox = new SandboxService(calls, new CatalogService(services.io), services.vault, services.io, Clock.systemUTC());
        scenarios = new ScenarioService(sandbox, services.vault, services.io, Duration.ofSeconds(15));
        feed = new TestWebhookFeed();
    }

    @AfterAll
    static void stop() {
        feed.close();
        services.close();
    }

    /** What a run told its listener, step by step. */
    static final class Heard implements ScenarioService.RunListener {
        final List<Integer> started = new CopyOnWriteArrayList<>();
        final Map<Integer, StepResult> finished = new ConcurrentHashMap<>();
        final Map<Integer, List<ReceivedWebhook>> webhooks = new ConcurrentHashMap<>();

        @Override
        public void started(int step) {
            started.add(step);
        }

        @Override
        public void finished(int step, StepResult result) {
            finished.put(step, result);
        }

        @Override
        public void webhook(int step, ReceivedWebhook webhook) {
            webhooks.computeIfAbsent(step, s -> new CopyOnWriteArrayList<>()).add(webhook);
        }

        List<String> codes(int step) {
            return webhooks.getOrDefault(step, List.of()).stream().map(w -> w.type() + ":" + w.code()).toList();
        }
    }

    private static Scenario builtIn(String name) {
        return scenarios.builtIn().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    private static List<StepResult> run(Scenario scenario, TestWebhookFeed inbox, Heard heard) {
        return scenarios.run(services.profile, scenario, inbox, heard, call -> { }).orTimeout(120, TimeUnit.SECONDS).join();
    }

    @Test
    void itemNeedsReloginRunsStepByStepWithEachStepsWebhooksAboutItsItem() {
        Heard heard = new Heard();
        List<StepResult> results = run(builtIn(BuiltInScenarios.RELOGIN), feed, heard);

        assertThat(results).extracting(StepResult::status).containsOnly(StepResult.Status.PASSED);
        assertThat(results).hasSize(4);
        assertThat(heard.started).containsExactly(0, 1, 2, 3);
        assertThat(results.get(2).summary()).contains("The Item needs its user to log in again");
        String itemId = results.get(0).reply().path("/item/public_token/exchange").path("item_id").asText();
        assertThat(itemId).isNotBlank();
        assertThat(heard.codes(0)).contains("TRANSACTIONS:INITIAL_UPDATE", "TRANSACTIONS:SYNC_UPDATES_AVAILABLE");
        assertThat(heard.codes(1)).contains("ITEM:ERROR");
        assertThat(heard.codes(3)).contains("ITEM:LOGIN_REPAIRED");
        assertThat(heard.webhooks.values().stream().flatMap(List::stream))
                .allSatisfy(webhook -> assertThat(webhook.subject().id()).isEqualTo(itemId));
        // The Item's access token is in the token book, labelled with the scenario.
        assertThat(services.vault.tokens().find(itemId)).singleElement()
                .satisfies(entry -> assertThat(entry.label()).isEqualTo("Scenario: " + BuiltInScenarios.RELOGIN));
        assertThat(feed.listeners()).isZero();
    }

    @Test
    void aTransferReturnedR01HearsTheTransferWebhooksThatNameNoItem() {
        Heard heard = new Heard();
        List<StepResult> results = run(builtIn(BuiltInScenarios.TRANSFER_RETURNED), feed, heard);
        assertThat(results).as(results.toString()).extracting(StepResult::status).containsOnly(StepResult.Status.PASSED);
        assertThat(results.get(results.size() - 1).summary()).contains("The transfer is returned").contains("The return code is R01");
        assertThat(heard.codes(4)).containsExactly("TRANSFER:TRANSFER_EVENTS_UPDATE");
        assertThat(heard.codes(5)).containsExactly("TRANSFER:TRANSFER_EVENTS_UPDATE");
    }

    @Test
    void newTransactionsAndMicrodepositsPassToo() {
        for (String name : List.of(BuiltInScenarios.NEW_TRANSACTIONS, BuiltInScenarios.MICRODEPOSITS)) {
            Heard heard = new Heard();
            List<StepResult> results = run(builtIn(name), feed, heard);
            assertThat(results).as(name).extracting(StepResult::status).containsOnly(StepResult.Status.PASSED);
        }
    }

    @Test
    void withoutAnInboxTheRunGoesOnWithoutWebhooksAndSaysSo() {
        Heard heard = new Heard();
        List<StepResult> results = run(builtIn(BuiltInScenarios.RELOGIN), null, heard);
        assertThat(results).extracting(StepResult::status).containsExactly(StepResult.Status.PASSED, StepResult.Status.PASSED,
                StepResult.Status.PASSED, StepResult.Status.SKIPPED);
        assertThat(results.get(1).summary()).contains("no webhook inbox");
        // Firing a webhook at an Item without a webhook URL means nothing: that step is skipped, and says why.
        assertThat(results.get(3).summary()).contains("needs Tartan's webhook inbox");
        assertThat(heard.webhooks).isEmpty();
    }

    @Test
    void aCheckThatDoesNotHoldFailsTheStepAndSkipsTheRest() {
        Scenario broken = new Scenario("Healthy is not locked", "", List.of(
                builtIn(BuiltInScenarios.RELOGIN).steps().get(0),
                new Scenario.Step("Expect an error", "/item/get", body("{\"access_token\": \"${access_token}\"}"), List.of(),
                        List.of(new Scenario.Check("/item/error/error_code", "ITEM_LOCKED", "The Item is locked"))),
                new Scenario.Step("Never runs", "/item/get", body("{\"access_token\": \"${access_token}\"}"), List.of(), List.of())),
                false);
        Heard heard = new Heard();
        List<StepResult> results = run(broken, null, heard);
        assertThat(results).extracting(StepResult::status)
                .containsExactly(StepResult.Status.PASSED, StepResult.Status.FAILED, StepResult.Status.SKIPPED);
        assertThat(results.get(1).summary()).contains("The Item is locked").contains("/item/error/error_code is missing");
        assertThat(heard.started).containsExactly(0, 1);
    }

    @Test
    void aValueNoEarlierStepGaveFailsWithoutACallAndAnInboxStepIsSkippedWithoutOne() {
        Scenario needsTransfer = new Scenario("Orphan", "", List.of(
                new Scenario.Step("Fire to the inbox", "/sandbox/transfer/fire_webhook", body("{\"webhook\": \"${inbox}\"}"),
                        List.of(), List.of()),
                new Scenario.Step("Look at a transfer", "/transfer/get", body("{\"transfer_id\": \"${transfer_id}\"}"),
                        List.of(), List.of())), false);
        List<StepResult> results = run(needsTransfer, null, new Heard());
        assertThat(results).extracting(StepResult::status).containsExactly(StepResult.Status.SKIPPED, StepResult.Status.FAILED);
        assertThat(results.get(0).summary()).contains("webhook inbox");
        assertThat(results.get(1).summary()).contains("${transfer_id}");
    }

    @Test
    void anExpectedWebhookThatNeverComesIsNotedNotFailed() {
        ScenarioService impatient = new ScenarioService(new SandboxService(new CachedCalls(services.gateway, services.vault, services.io,
                Clock.systemUTC()), new CatalogService(services.io), services.vault, services.io, Clock.systemUTC()), services.vault,
                services.io, Duration.ofMillis(500));
        Scenario scenario = new Scenario("Waiting", "", List.of(builtIn(BuiltInScenarios.RELOGIN).steps().get(0),
                new Scenario.Step("Read the Item", "/item/get", body("{\"access_token\": \"${access_token}\"}"),
                        List.of("ITEM:USER_PERMISSION_REVOKED"), List.of())), false);
        List<StepResult> results = impatient.run(services.profile, scenario, feed, new Heard(), call -> { })
                .orTimeout(60, TimeUnit.SECONDS).join();
        assertThat(results.get(1).status()).isEqualTo(StepResult.Status.NOTED);
        assertThat(results.get(1).missing()).containsExactly("ITEM:USER_PERMISSION_REVOKED");
        assertThat(results.get(1).summary()).contains("did not arrive within");
    }

    @Test
    void theUsersScenariosAreKeptInTheVaultAndReadBack() {
        Scenario mine = new Scenario("Mine", "My own", List.of(new Scenario.Step("Reset", "/sandbox/item/reset_login",
                body("{\"access_token\": \"${access_token}\"}"), List.of("ITEM:ERROR"),
                List.of(new Scenario.Check("/request_id", null, "Plaid answered")))), false);
        assertThat(scenarios.save(mine).join()).extracting(Scenario::name).contains("Mine");
        assertThat(services.vault.settings().get(ScenarioService.SETTING)).isPresent();
        Scenario read = scenarios.saved().join().stream().filter(s -> s.name().equals("Mine")).findFirst().orElseThrow();
        assertThat(read.description()).isEqualTo("My own");
        assertThat(read.steps().get(0).body()).isEqualTo(mine.steps().get(0).body());
        assertThat(read.steps().get(0).expect()).containsExactly("ITEM:ERROR");
        assertThat(read.steps().get(0).checks()).isEqualTo(mine.steps().get(0).checks());
        assertThat(read.steps().get(0).needsInbox()).isFalse();
        Scenario.Step firing = builtIn(BuiltInScenarios.RELOGIN).steps().get(3);
        assertThat(firing.needsInbox()).isTrue();
        assertThat(ScenarioService.read(ScenarioService.write(List.of(new Scenario("F", "", List.of(firing), false))))
                .get(0).steps().get(0)).isEqualTo(firing);
        assertThat(read.builtIn()).isFalse();
        // Saved again under the same name: replaced, not doubled.
        scenarios.save(new Scenario("mine", "Again", mine.steps(), false)).join();
        assertThat(scenarios.saved().join()).filteredOn(s -> s.name().equalsIgnoreCase("mine")).singleElement()
                .satisfies(s -> assertThat(s.description()).isEqualTo("Again"));
        assertThat(scenarios.delete("Mine").join()).noneMatch(s -> s.name().equalsIgnoreCase("mine"));

        assertThatThrownBy(() -> scenarios.save(new Scenario(BuiltInScenarios.RELOGIN, "", mine.steps(), false)).join())
                .hasCauseInstanceOf(IllegalArgumentException.class).hasMessageContaining("built-in");
        assertThatThrownBy(() -> scenarios.save(new Scenario("Empty", "", List.of(), false)).join())
                .hasCauseInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRecordedStepNamesTheValuesEarlierStepsGaveAndTheInbox() {
        ObjectNode sent = body("""
                {"access_token": "access-sandbox-abc-123", "account_id": "acc1", "webhook": "http://127.0.0.1:9/in",
                 "options": {"webhook": "http://127.0.0.1:9/in"}, "amount": "25.00"}""");
        Scenario.Step step = ScenarioService.step("Authorize", "/transfer/authorization/create", sent,
                Map.of("access_token", "access-sandbox-abc-123", "account_id", "acc1"), "http://127.0.0.1:9/in",
                Set.of("webhook"), List.of("TRANSFER:TRANSFER_EVENTS_UPDATE", "TRANSFER:TRANSFER_EVENTS_UPDATE"));
        assertThat(step.body().path("access_token").asText()).isEqualTo("${access_token}");
        assertThat(step.body().path("account_id").asText()).isEqualTo("${account_id}");
        assertThat(step.body().path("webhook").asText()).isEqualTo("${inbox}");
        assertThat(step.body().path("options").path("webhook").asText()).isEqualTo("${inbox?}");
        assertThat(step.body().path("amount").asText()).isEqualTo("25.00");
        assertThat(step.expect()).containsExactly("TRANSFER:TRANSFER_EVENTS_UPDATE");
    }

    private static ObjectNode body(String json) {
        try {
            return (ObjectNode) PlaidJson.mapper().readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
