package dev.tartan.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.api.PlaidJson;
import dev.tartan.model.CallRecord;
import dev.tartan.model.Operation;
import dev.tartan.model.PlaidEnvironment;
import dev.tartan.model.Profile;
import dev.tartan.model.RequestField;
import dev.tartan.model.SandboxFacts;
import dev.tartan.model.Simulation;
import dev.tartan.model.SimulationForm;
import dev.tartan.model.SimulationResult;
import dev.tartan.model.TokenEntry;
import dev.tartan.model.TokenKind;
import dev.tartan.testing.EmulatorServices;
import dev.tartan.testing.TestWebhookFeed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import static dev.tartan.service.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Sandbox pane's simulations against the built-in emulator over loopback, with a real vault. */
class SandboxServiceTest {

    @TempDir
    static Path home;
    static EmulatorServices services;
    static CatalogService catalog;
    static SandboxService sandbox;
    static TestWebhookFeed feed;

    @BeforeAll
    static void start() {
        services = new EmulatorServices(home);
        catalog = new CatalogService(services.io);
        CachedCalls calls = new CachedCalls(services.gateway, services.vault, services.io, Clock.systemUTC());
        sandbox = new SandboxService(calls, catalog, services.vault, services.io, Clock.systemUTC());
        feed = new TestWebhookFeed();
    }

    @AfterAll
    static void stop() {
        feed.close();
        services.close();
    }

    private static Simulation simulation(String id) {
        return sandbox.simulations().join().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    private static SimulationForm.Field field(SimulationForm form, String path) {
        return form.fields().stream().filter(f -> f.path().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError("no field " + path + " in " + form.fields().stream().map(SimulationForm.Field::path).toList()));
    }

    @Test
    void everySandboxOperationOfTheCatalogIsASimulationGroupedByProduct() {
        List<Simulation> simulations = sandbox.simulations().join();
        List<String> sandboxPaths = catalog.operations().join().stream().map(Operation::path).filter(p -> p.startsWith("/sandbox/")).toList();
        assertThat(sandboxPaths).hasSizeGreaterThan(20);
        assertThat(simulations.stream().map(Simulation::path)).containsAll(sandboxPaths);
        assertThat(simulations.stream().map(Simulation::id).distinct()).hasSize(simulations.size());
        // Grouped: each product's simulations are together, Items first, in the pane's order.
        List<String> products = simulations.stream().map(Simulation::product).distinct().toList();
        assertThat(products).startsWith("Items", "Transactions", "Processor", "Transfers");
        assertThat(products).contains("Watchlist", "Assets", "Income", "Consumer Report", "Payment Initiation");
        for (String product : products) {
            List<Integer> at = new ArrayList<>();
            for (int i = 0; i < simulations.size(); i++) {
                if (simulations.get(i).product().equals(product)) {
                    at.add(i);
                }
            }
            assertThat(at.get(at.size() - 1) - at.get(0)).as(product + " together").isEqualTo(at.size() - 1);
        }
        assertThat(simulation("/sandbox/item/reset_login").title()).isEqualTo("Make the Item need a new login");
        assertThat(simulation("/sandbox/transfer/simulate").product()).isEqualTo("Transfers");
        assertThat(simulation("/watchlist_screening/individual/create").product()).isEqualTo("Watchlist");
    }

    @Test
    void theItemFormOffersTheTestUsersAndStartsWithTheDocumentedDefaults() {
        SimulationForm form = sandbox.form(simulation("/sandbox/public_token/create")).join();
        SimulationForm.Field username = field(form, "options.override_username");
        assertThat(username.choices().stream().map(SandboxFacts.Choice::value)).contains("user_good", "user_custom",
                "user_transactions_dynamic");
        assertThat(field(form, "options.override_password").choices().stream().map(SandboxFacts.Choice::value))
                .contains("pass_good", "error_ITEM_LOCKED", "microdeposits_good");
        assertThat(field(form, "institution_id").choices().get(0).value()).isEqualTo("ins_109508");
        SimulationForm.Field products = field(form, "initial_products");
        assertThat(products.field().type()).isEqualTo(RequestField.Type.CHOICES);
        assertThat(products.field().required()).isTrue();
        assertThat(products.field().allowed()).contains("transactions", "auth", "identity");
        assertThat(field(form, "options.transactions.days_requested").field().type()).isEqualTo(RequestField.Type.INTEGER);
        assertThat(field(form, "options.webhook").field().required()).isFalse();
        assertThat(form.start().path("institution_id").asText()).isEqualTo("ins_109508");
        assertThat(form.start().path("options").path("webhook").asText()).isEqualTo(SandboxService.INBOX);
        assertThat(form.start().path("options").path("override_username").asText()).isEqualTo("user_good");
        assertThat(form.fields()).noneMatch(f -> f.path().equals("client_id") || f.path().equals("secret"));
    }

    @Test
    void formsKnowTokenFieldsEnumsAndTheDocumentedValuesOfEachOperation() {
        SimulationForm reset = sandbox.form(simulation("/sandbox/item/reset_login")).join();
        assertThat(field(reset, "access_token").token()).isEqualTo(TokenKind.ACCESS);
        assertThat(field(reset, "access_token").field().required()).isTrue();
        // The example's placeholder token is not a token anyone has: the form starts without it.
        assertThat(reset.start().has("access_token")).isFalse();

        SimulationForm fire = sandbox.form(simulation("/sandbox/item/fire_webhook")).join();
        SimulationForm.Field code = field(fire, "webhook_code");
        assertThat(code.field().type()).isEqualTo(RequestField.Type.CHOICE);
        assertThat(code.choices().get(0).value()).isEqualTo("SYNC_UPDATES_AVAILABLE");
        assertThat(code.choices().get(0).meaning()).contains("/transactions/sync");
        // Every value the schema allows is offered, documented or not.
        assertThat(code.choices().stream().map(SandboxFacts.Choice::value)).containsAll(code.field().allowed());

        SimulationForm transfer = sandbox.form(simulation("/sandbox/transfer/simulate")).join();
        assertThat(field(transfer, "event_type").choices().stream().map(SandboxFacts.Choice::value))
                .containsExactly("posted", "settled", "funds_available", "failed", "returned");
        assertThat(field(transfer, "failure_reason.ach_return_code").choices()).anyMatch(c -> c.value().equals("R01")
                && c.meaning().equals("Insufficient funds"));
        assertThat(field(transfer, "transfer_id").field().required()).isTrue();
        // The example's made-up transfer_id is nobody's: the form starts without it.
        assertThat(transfer.start().has("transfer_id")).isFalse();
        assertThat(field(transfer, "failure_reason.ach_return_code").field().required()).isFalse();

        SimulationForm assets = sandbox.form(simulation("/asset_report/create")).join();
        assertThat(field(assets, "access_tokens").token()).isEqualTo(TokenKind.ACCESS);
        assertThat(field(assets, "access_tokens").field().type()).isEqualTo(RequestField.Type.LIST);

        SimulationForm sweep = sandbox.form(simulation("/sandbox/transfer/ledger/deposit/simulate")).join();
        assertThat(field(sweep, "event_type").field().allowed()).contains("sweep.posted", "sweep.settled");

        SimulationForm transactions = sandbox.form(simulation("/sandbox/transactions/create")).join();
        assertThat(field(transactions, "transactions").field().type()).isEqualTo(RequestField.Type.JSON);
        assertThat(transactions.start().path("transactions").path(0).path("date_posted").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
    }

    @Test
    void creatingAnItemWithACustomUserKeepsItsTokenAndItsWebhooksNameIt() {
        ObjectNode body = PlaidJson.mapper().createObjectNode().put("institution_id", "ins_109508");
        body.putArray("initial_products").add("transactions");
        body.putObject("options").put("webhook", feed.inboxUrl()).put("override_username", "user_custom")
                .put("override_password", SandboxFacts.compactJson(SandboxFacts.USER_CUSTOM_TEMPLATE));
        List<CallRecord> log = Collections.synchronizedList(new ArrayList<>());
        SimulationResult result = sandbox.run(services.profile, "/sandbox/public_token/create", body, "Sandbox: custom", log::add)
                .orTimeout(30, TimeUnit.SECONDS).join();

        assertThat(result.calls()).extracting(SimulationResult.Call::path)
                .containsExactly("/sandbox/public_token/create", "/item/public_token/exchange");
        String itemId = result.values().get("item_id");
        String accessToken = result.values().get("access_token");
        assertThat(TokenKind.of(accessToken)).isEqualTo(TokenKind.ACCESS);
        assertThat(result.subjects()).contains(itemId);
        assertThat(result.kept()).singleElement().satisfies(kept -> {
            assertThat(kept.value()).isEqualTo(accessToken);
            assertThat(kept.ownerId()).isEqualTo(itemId);
            assertThat(kept.label()).isEqualTo("Sandbox: custom");
            assertThat(kept.institution()).isEqualTo("ins_109508");
        });
        assertThat(services.vault.tokens().byToken(accessToken)).isPresent();
        eventually(() -> assertThat(log).extracting(CallRecord::operation)
                .containsExactly("/sandbox/public_token/create", "/item/public_token/exchange"));
        // The custom user's one account is the Item's.
        JsonAccounts accounts = new JsonAccounts(services.call("/accounts/get", PlaidJson.mapper().createObjectNode().put("access_token", accessToken)));
        assertThat(accounts.names()).containsExactly("Custom Checking");
        eventually(() -> assertThat(feed.all()).anyMatch(w -> w.code().equals("INITIAL_UPDATE") && w.subject() != null
                && w.subject().id().equals(itemId)));

        // A later simulation on the same Item is about the same Item: its access token names it.
        ObjectNode reset = PlaidJson.mapper().createObjectNode().put("access_token", accessToken);
        SimulationResult resetResult = sandbox.run(services.profile, "/sandbox/item/reset_login", reset, null, call -> { })
                .orTimeout(30, TimeUnit.SECONDS).join();
        assertThat(resetResult.subjects()).contains(itemId);
        assertThat(resetResult.kept()).isEmpty();
        eventually(() -> assertThat(feed.all()).anyMatch(w -> w.type().equals("ITEM") && w.code().equals("ERROR")
                && w.subject() != null && w.subject().id().equals(itemId)));
    }

    private record JsonAccounts(com.fasterxml.jackson.databind.JsonNode reply) {
        List<String> names() {
            List<String> names = new ArrayList<>();
            reply.path("accounts").forEach(a -> names.add(a.path("name").asText()));
            return names;
        }
    }

    @Test
    void aSandboxProcessorTokenIsKeptInTheTokenBook() {
        ObjectNode body = PlaidJson.mapper().createObjectNode().put("institution_id", "ins_109508");
        SimulationResult result = sandbox.run(services.profile, "/sandbox/processor_token/create", body, "Partner test", call -> { })
                .orTimeout(30, TimeUnit.SECONDS).join();
        TokenEntry kept = result.kept().get(0);
        assertThat(kept.kind()).isEqualTo(TokenKind.PROCESSOR);
        assertThat(kept.value()).isEqualTo(result.reply().path("processor_token").asText());
        assertThat(services.vault.audit().recent(10)).anyMatch(entry -> entry.action().equals("keep sandbox token"));
    }

    @Test
    void theAccountsOfAnItemAreChoicesForAnAccountId() {
        String token = services.newItem("user_good").path("access_token").asText();
        List<SandboxFacts.Choice> accounts = sandbox.accounts(services.profile, token, call -> { }).join();
        assertThat(accounts).isNotEmpty();
        assertThat(accounts.get(0).meaning()).contains("Plaid Checking").contains("checking");
        assertThat(sandbox.accounts(services.profile, "not a token", call -> { }).join()).isEmpty();
    }

    @Test
    void nothingRunsInProductionNorWithAProductionToken() {
        Profile production = new Profile("Live", PlaidEnvironment.PRODUCTION, services.profile.credentials());
        assertThat(SandboxService.refusal(production)).contains("Production").contains("\"Live\"");
        assertThat(SandboxService.refusal(services.profile)).isEmpty();
        assertThat(SandboxService.refusal(null)).contains("No profile");
        List<CallRecord> log = new ArrayList<>();
        ObjectNode body = PlaidJson.mapper().createObjectNode().put("access_token", "access-sandbox-1234-5678");
        assertThatThrownBy(() -> sandbox.run(production, "/sandbox/item/reset_login", body, null, log::add).join())
                .isInstanceOf(CompletionException.class).hasCauseInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Production");
        ObjectNode productionToken = PlaidJson.mapper().createObjectNode().put("access_token", "access-production-1234-5678");
        assertThatThrownBy(() -> sandbox.run(services.profile, "/sandbox/item/reset_login", productionToken, null, log::add).join())
                .hasCauseInstanceOf(IllegalArgumentException.class).hasMessageContaining("Production token");
        assertThat(log).isEmpty();
    }

    @Test
    void aFailedSimulationFailsWithPlaidsError() {
        ObjectNode body = PlaidJson.mapper().createObjectNode().put("institution_id", "ins_109508");
        body.putArray("initial_products").add("transactions");
        body.putObject("options").put("override_username", "user_good").put("override_password", "error_ITEM_LOCKED");
        assertThatThrownBy(() -> sandbox.run(services.profile, "/sandbox/public_token/create", body, null, call -> { }).join())
                .hasCauseInstanceOf(dev.tartan.api.PlaidApiException.class).hasMessageContaining("ITEM_LOCKED");
    }

}
