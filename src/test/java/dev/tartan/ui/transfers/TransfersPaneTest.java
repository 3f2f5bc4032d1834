package dev.tartan.ui.transfers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.api.PlaidClient;
import dev.tartan.api.PlaidJson;
import dev.tartan.api.PlaidRequest;
import dev.tartan.emulator.EmulatorConfig;
import dev.tartan.emulator.PlaidEmulator;
import dev.tartan.model.Credentials;
import dev.tartan.model.PlaidEnvironment;
import dev.tartan.model.Profile;
import dev.tartan.model.ReceivedWebhook;
import dev.tartan.model.TokenEntry;
import dev.tartan.model.TokenKind;
import dev.tartan.model.TransferRow;
import dev.tartan.store.Vault;
import dev.tartan.ui.TartanAppFixture;
import dev.tartan.ui.TestVaults;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Transfers pane against a standalone emulator the test can also talk to (a custom profile
 * reaches it), driven as finance and developers drive it: make a transfer through its
 * authorization, follow it through its life, refund it, see its sweep; a test amount that comes
 * back by itself; cancel; a double click; an impossible simulation; a recurring transfer on a test
 * clock; CSV export; the ledger and its chart.
 */
class TransfersPaneTest {

    @TempDir
    Path home;
    PlaidEmulator emulator;
    PlaidClient plaid;
    TartanAppFixture app;
    String accessToken;

    @BeforeEach
    void start() throws Exception {
        emulator = PlaidEmulator.start(EmulatorConfig.inMemory());
        plaid = PlaidClient.builder().baseUrl(emulator.baseUrl()).credentials(new Credentials(emulator.clientId(), emulator.secret())).build();
        Profile profile = new Profile("Transfers sandbox", PlaidEnvironment.custom(emulator.baseUrl()),
                new Credentials(emulator.clientId(), emulator.secret()));
        TestVaults.create(home, profile);
        ObjectNode create = PlaidJson.mapper().createObjectNode().put("institution_id", "ins_109508");
        create.putArray("initial_products").add("auth").add("transfer");
        String publicToken = call("/sandbox/public_token/create", create).path("public_token").asText();
        JsonNode exchanged = call("/item/public_token/exchange", PlaidJson.mapper().createObjectNode().put("public_token", publicToken));
        accessToken = exchanged.path("access_token").asText();
        try (Vault vault = TestVaults.open(home)) {
            vault.tokens().save(TokenEntry.of(TokenKind.ACCESS, accessToken, profile.name(), exchanged.path("item_id").asText())
                    .withLabel("Platypus checking"));
        }
        app = new TartanAppFixture(home).startUnlocked();
        app.waitFor("#mainWindow", 60);
        app.openPane("Transfers");
        app.waitFor("#transfersPane", 30);
    }

    @AfterEach
    void close() throws Exception {
        app.onFx(() -> dev.tartan.ui.shell.Theme.apply(false));
        app.close();
        emulator.close();
    }

    private JsonNode call(String path, ObjectNode body) {
        return plaid.send(PlaidRequest.post(path, body)).join().json();
    }

    private List<JsonNode> emulatorTransfers() {
        List<JsonNode> transfers = new ArrayList<>();
        call("/transfer/list", PlaidJson.mapper().createObjectNode().put("count", 25)).path("transfers").forEach(transfers::add);
        return transfers;
    }

    /** Opens New transfer, fills it in, and authorizes: Plaid's decision shows, nothing is created yet. */
    private void authorize(String amount, String description, String screenshot) {
        app.clickOn("#newTransfer");
        app.waitFor("#newTransferDialog");
        ComboBox<?> account = app.waitFor("#newTransferAccount");
        app.waitUntil("the checking account picked", 20, () -> account.getValue() != null);
        app.typeInto("#newTransferAmount", amount);
        app.typeInto("#newTransferName", "Ada Weaver");
        app.typeInto("#newTransferDescription", description);
        if (screenshot != null) {
            app.screenshot(screenshot);
        }
        Button go = app.lookup("#newTransferDialogGo").queryButton();
        app.waitUntil("Authorize", 10, () -> "Authorize".equals(go.getText()) && !go.isDisabled());
        app.clickOn(go);
        Label decision = app.waitFor("#newTransferDecisionTitle", 20);
        assertThat(decision.getText()).isEqualTo("Plaid's decision: approved");
        app.waitUntil("Create transfer", 10, () -> "Create transfer".equals(go.getText()));
    }

    private String createTransfer(String amount, String description) {
        authorize(amount, description, null);
        app.clickOn("#newTransferDialogGo");
        app.waitUntil("the dialog to close", 20, () -> app.lookup("#newTransferDialog").tryQuery().isEmpty());
        Label id = app.waitFor("#transferId", 20);
        app.waitUntil("the new transfer open", 20, () -> !id.getText().isEmpty());
        return id.getText();
    }

    private void waitForStatus(String status) {
        Label chip = app.lookup("#transferStatus").queryAs(Label.class);
        app.waitUntil("status " + status, 20, () -> status.replace('_', ' ').equals(chip.getText()));
    }

    private List<String> timeline() {
        TableView<JsonNode> table = app.lookup("#transferTimeline").queryTableView();
        return table.getItems().stream().map(event -> event.path("event_type").asText()).toList();
    }

    @Test
    void makesATransferThroughItsAuthorizationFollowsItsLifeRefundsItAndSeesItsSweep() {
        app.screenshot("transfers-0-empty");
        authorize("25.00", "rent", "transfers-1-create-dialog");
        app.screenshot("transfers-2-authorized");
        assertThat(emulatorTransfers()).as("nothing created before Create transfer").isEmpty();
        app.clickOn("#newTransferDialogGo");
        app.waitUntil("the dialog to close", 20, () -> app.lookup("#newTransferDialog").tryQuery().isEmpty());
        Label id = app.waitFor("#transferId", 20);
        app.waitUntil("the new transfer", 20, () -> !id.getText().isEmpty());
        String transferId = id.getText();
        assertThat(emulatorTransfers()).extracting(t -> t.path("id").asText()).containsExactly(transferId);
        waitForStatus("pending");
        app.waitUntil("the authorization's decision", 20, () -> app.lookup("#transferAuthorizationPane #fact-decision").tryQuery()
                .map(node -> "approved".equals(((Label) node).getText())).orElse(false));

        // Through its life by the Sandbox buttons, which offer only what Plaid allows next.
        Button next = app.lookup("#simulateNext").queryButton();
        app.waitUntil("Next: posted", 10, () -> "Next: posted".equals(next.getText()));
        assertThat(app.lookup("#simulateReturn").queryButton().isDisabled()).isTrue();
        app.clickOn(next);
        waitForStatus("posted");
        // Plaid's older aggregate sweep moves the money of transfers posted but not swept.
        app.selectTab("#transfersTabs", "sweepsTab");
        app.clickOn("#simulateSweep");
        Label swept = app.waitFor("#sweepActionDone", 20);
        assertThat(swept.getText()).startsWith("Swept 25.00");
        app.selectTab("#transfersTabs", "transfersTab");
        app.waitUntil("Next: settled", 10, () -> "Next: settled".equals(next.getText()) && !next.isDisabled());
        app.clickOn(next);
        waitForStatus("settled");
        app.waitUntil("Next: funds available", 10, () -> "Next: funds available".equals(next.getText()) && !next.isDisabled());
        app.clickOn(next);
        waitForStatus("funds_available");
        app.selectTab("#transferTabs", "transferTimelineTab");
        app.waitUntil("the timeline", 20, () -> timeline().containsAll(List.of("pending", "posted", "swept", "settled", "funds_available")));
        assertThat(timeline().get(0)).isEqualTo("pending");
        app.screenshot("transfers-3-timeline");

        // Its webhook, fired to Tartan's own inbox, shows in the Webhooks pane.
        app.clickOn(app.<Node>waitFor("#transferSandbox #useInbox"));
        TextField webhook = app.lookup("#transferWebhook").query();
        app.waitUntil("the inbox's URL", 10, () -> webhook.getText().startsWith("http://127.0.0.1:"));
        app.clickOn(app.<Node>waitFor("#fireTransferWebhook"));
        app.openPane("Webhooks");
        ListView<ReceivedWebhook> inbox = app.waitFor("#webhookList");
        app.waitUntil("TRANSFER_EVENTS_UPDATE in the inbox", 20, () -> inbox.getItems().stream()
                .anyMatch(received -> "TRANSFER_EVENTS_UPDATE".equals(received.code())));
        app.openPane("Transfers");

        // Its sweep.
        app.selectTab("#transferTabs", "transferSweepTab");
        Label sweepId = app.waitFor("#transferSweep #fact-sweep_id", 20);
        assertThat(sweepId.getText()).isNotBlank();

        // A refund of part of it, checked against what is left.
        app.clickOn("#refundTransfer");
        app.waitFor("#refundDialog");
        app.typeInto("#refundAmount", "30.00");
        Label problem = app.lookup("#refundDialogProblem").queryAs(Label.class);
        app.waitUntil("too much refused", 10, () -> problem.getText().contains("more than the $25.00 left"));
        assertThat(app.lookup("#refundDialogGo").queryButton().isDisabled()).isTrue();
        app.typeInto("#refundAmount", "10.00");
        app.clickOn("#refundDialogGo");
        app.waitUntil("the refund dialog to close", 20, () -> app.lookup("#refundDialog").tryQuery().isEmpty());
        Label left = app.lookup("#refundableLeft").queryAs(Label.class);
        app.waitUntil("$15.00 left", 20, () -> "$15.00 left to refund".equals(left.getText()));
        app.selectTab("#transferTabs", "transferRefundsTab");
        TableView<JsonNode> refunds = app.waitFor("#transferRefunds", 20);
        app.waitUntil("the refund listed", 20, () -> refunds.getItems().size() == 1);
        assertThat(refunds.getItems().get(0).path("amount").asText()).isEqualTo("10.00");
        app.screenshot("transfers-4-refund");

        // The list holds it, kept current by the events.
        TableView<TransferRow> list = app.lookup("#transferTable").queryTableView();
        app.waitUntil("the row at funds_available", 20, () -> list.getItems().stream()
                .anyMatch(row -> row.id().equals(transferId) && row.status().equals("funds_available")));
        app.screenshot("transfers-5-list");
    }

    @Test
    void aTestAmountReturnsByItselfACancelADoubleClickAndAnImpossibleSimulation() {
        // $33.33 runs its documented path at once: posted, settled, funds available, returned R01.
        String returned = createTransfer("33.33", "gym");
        waitForStatus("returned");
        app.selectTab("#transferTabs", "transferTimelineTab");
        app.waitUntil("the return in the timeline", 20, () -> timeline().contains("returned"));
        TableView<JsonNode> events = app.lookup("#transferTimeline").queryTableView();
        JsonNode last = events.getItems().get(events.getItems().size() - 1);
        assertThat(last.path("event_type").asText()).isEqualTo("returned");
        assertThat(last.path("failure_reason").path("ach_return_code").asText()).isEqualTo("R01");
        assertThat(app.lookup("#transferFacts").queryAs(Label.class).getText()).contains("R01");
        app.screenshot("transfers-6-returned-r01");

        // Cancel, after saying yes.
        String pending = createTransfer("5.00", "cancelme");
        waitForStatus("pending");
        app.clickOn("#cancelTransfer");
        app.waitFor("#confirmDestructive");
        app.clickOn(app.lookup(".button").match(node -> node instanceof Button b && "Go ahead".equals(b.getText())).<Node>query());
        waitForStatus("cancelled");
        assertThat(call("/transfer/get", PlaidJson.mapper().createObjectNode().put("transfer_id", pending)).path("transfer")
                .path("status").asText()).isEqualTo("cancelled");
        assertThat(app.lookup("#cancelTransfer").queryButton().isDisabled()).isTrue();

        // A double click on Create makes one transfer.
        authorize("7.00", "double", null);
        app.doubleClickOn("#newTransferDialogGo");
        app.waitUntil("the dialog to close", 20, () -> app.lookup("#newTransferDialog").tryQuery().isEmpty());
        Label id = app.lookup("#transferId").queryAs(Label.class);
        app.waitUntil("the new transfer open", 20, () -> !id.getText().equals(pending) && !id.getText().isEmpty());
        assertThat(emulatorTransfers().stream().filter(t -> "7.00".equals(t.path("amount").asText()))).hasSize(1);
        waitForStatus("pending");

        // Someone else moves it on (another client); the buttons here still offer posted. Plaid refuses, nothing changes.
        call("/sandbox/transfer/simulate", PlaidJson.mapper().createObjectNode().put("transfer_id", id.getText()).put("event_type", "posted"));
        Button next = app.lookup("#simulateNext").queryButton();
        app.waitUntil("Next: posted", 10, () -> "Next: posted".equals(next.getText()) && !next.isDisabled());
        int eventsBefore = call("/transfer/event/list", PlaidJson.mapper().createObjectNode().put("transfer_id", id.getText()))
                .path("transfer_events").size();
        app.clickOn(next);
        Label failure = app.waitFor("#transferAction #failureTitle", 20);
        assertThat(failure.getText()).isEqualTo("SANDBOX_TRANSFER_EVENT_TRANSITION_INVALID");
        app.screenshot("transfers-7-impossible-simulation");
        assertThat(call("/transfer/event/list", PlaidJson.mapper().createObjectNode().put("transfer_id", id.getText()))
                .path("transfer_events").size()).isEqualTo(eventsBefore);
        assertThat(call("/transfer/get", PlaidJson.mapper().createObjectNode().put("transfer_id", id.getText())).path("transfer")
                .path("status").asText()).isEqualTo("posted");
        // Reading it again brings the buttons up to date.
        app.clickOn("#reloadTransfer");
        waitForStatus("posted");
        app.waitUntil("Next: settled", 10, () -> "Next: settled".equals(next.getText()));
        assertThat(returned).isNotEqualTo(pending);
    }

    @Test
    void aRecurringTransferOnATestClockOriginatesTransfersAndTheListExportsAsCsv() throws Exception {
        app.selectTab("#transfersTabs", "clocksTab");
        app.clickOn("#newClock");
        app.waitFor("#clockActionDone", 20);
        TableView<JsonNode> clocks = app.waitFor("#clockTable", 20);
        app.waitUntil("the clock listed", 20, () -> clocks.getItems().size() == 1);
        String clockId = clocks.getItems().get(0).path("test_clock_id").asText();

        app.selectTab("#transfersTabs", "recurringTab");
        app.clickOn("#newRecurring");
        app.waitFor("#recurringDialog");
        ComboBox<?> account = app.waitFor("#recurringAccount");
        app.waitUntil("the account", 20, () -> account.getValue() != null);
        app.typeInto("#recurringAmount", "6.00");
        app.typeInto("#recurringName", "Ada Weaver");
        app.typeInto("#recurringDescription", "weekly");
        @SuppressWarnings("unchecked")
        ComboBox<String> clock = app.lookup("#recurringClock").queryComboBox();
        app.waitUntil("the clock offered", 20, () -> clock.getItems().contains(clockId));
        app.onFx(() -> clock.setValue(clockId));
        app.screenshot("transfers-8-recurring-dialog");
        app.clickOn("#recurringDialogGo");
        app.waitUntil("the recurring dialog to close", 20, () -> app.lookup("#recurringDialog").tryQuery().isEmpty());
        TableView<JsonNode> recurring = app.waitFor("#recurringTable", 20);
        app.waitUntil("the recurring transfer listed", 20, () -> recurring.getItems().size() == 1);

        app.selectTab("#transfersTabs", "clocksTab");
        app.onFx(() -> clocks.getSelectionModel().select(0));
        app.onFx(() -> app.lookup("#clockDays").<javafx.scene.control.Spinner<Integer>>query().getValueFactory().setValue(15));
        app.clickOn("#advanceClock");
        Label advanced = app.waitFor("#clockActionDone", 20);
        app.waitUntil("the advance", 20, () -> advanced.getText().startsWith("Advanced to"));
        ListView<String> originated = app.lookup("#clockOriginated").queryListView();
        app.waitUntil("transfers originated", 20, () -> originated.getItems().size() >= 2);
        app.screenshot("transfers-9-clock-advanced");
        String first = originated.getItems().get(0);
        app.doubleClickOn(app.lookup("#clockOriginated .list-cell").nth(0).<Node>query());
        Label id = app.waitFor("#transferId", 20);
        app.waitUntil("the originated transfer open", 20, () -> first.equals(id.getText()));

        // The list has them all (after its catch-up); CSV export of what the filters show reads back.
        TableView<TransferRow> list = app.lookup("#transferTable").queryTableView();
        app.waitUntil("the originated transfers listed", 20, () -> list.getItems().stream().map(TransferRow::id).toList()
                .containsAll(originated.getItems()));
        Path csv = home.resolve("transfers.csv");
        TransferListView view = app.lookup("#transferListView").queryAs(TransferListView.class);
        app.onFx(() -> view.exportTo(csv));
        app.waitUntil("the export", 20, () -> Files.exists(csv) && Files.readAllLines(csv).size() == list.getItems().size() + 1);
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).startsWith("id,kind,transfer_id,created,updated,status,type,network");
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith(first + ",transfer," + first).contains(",6.00,USD,"));
    }

    @Test
    void theLedgerWithItsChartAndThePaneInLightAndDark() {
        // A few transfers made beside the pane: the list catches up with their events.
        for (String amount : List.of("12.00", "33.33", "40.00", "8.50")) {
            JsonNode authorization = call("/transfer/authorization/create", authorization(amount)).path("authorization");
            call("/transfer/create", accountBody().put("authorization_id", authorization.path("id").asText()).put("description", "batch"));
        }
        app.clickOn("#transferSync");
        TableView<TransferRow> list = app.lookup("#transferTable").queryTableView();
        app.waitUntil("the transfers listed with their details", 30, () -> list.getItems().size() == 4
                && list.getItems().stream().allMatch(row -> row.network() != null));
        app.onFx(() -> list.getSelectionModel().select(0));
        app.waitFor("#transferStatus", 20);

        app.selectTab("#transfersTabs", "ledgerTab");
        Label available = app.waitFor("#ledgerAvailable", 20);
        app.waitUntil("the balance", 20, () -> available.getText().startsWith("$"));
        app.clickOn("#ledgerDeposit");
        app.waitFor("#ledgerMoveDialog");
        app.typeInto("#ledgerMoveAmount", "50.00");
        app.clickOn("#ledgerMoveDialogGo");
        app.waitUntil("the deposit dialog to close", 20, () -> app.lookup("#ledgerMoveDialog").tryQuery().isEmpty());
        TableView<JsonNode> events = app.waitFor("#ledgerEvents", 20);
        app.waitUntil("the deposit in the ledger's events", 20, () -> events.getItems().stream()
                .anyMatch(event -> "deposit".equals(event.path("type").asText())));
        javafx.scene.chart.LineChart<?, ?> chart = app.lookup("#volumeChart").query();
        app.waitUntil("the chart drawn", 20, () -> !chart.getData().get(0).getData().isEmpty());
        assertThat(app.lookup("#volumeSummary").queryAs(Label.class).getText()).contains("4 transfers").contains("$33.33 returned");
        app.screenshot("transfers-10-ledger-light");

        app.clickOn("#themeToggle");
        app.waitUntil("the dark theme", 10, () -> javafx.application.Application.getUserAgentStylesheet().contains("dark"));
        app.screenshot("transfers-11-ledger-dark");
        app.selectTab("#transfersTabs", "transfersTab");
        app.screenshot("transfers-12-list-dark");
        app.selectTab("#transferTabs", "transferTimelineTab");
        app.screenshot("transfers-13-timeline-dark");
        app.clickOn("#newTransfer");
        app.waitFor("#newTransferDialog");
        app.screenshot("transfers-14-create-dialog-dark");
        app.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        app.onFx(() -> dev.tartan.ui.shell.Theme.apply(false));

        // Ctrl+K: a transfer id opens it here.
        String id = list.getItems().get(2).id();
        app.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        app.waitFor("#omniboxField");
        app.write(id);
        app.waitUntil("the destinations", 10, () -> !app.lookup("#omniboxResults").queryListView().getItems().isEmpty());
        app.press(KeyCode.ENTER).release(KeyCode.ENTER);
        Label open = app.lookup("#transferId").queryAs(Label.class);
        app.waitUntil("the transfer from Ctrl+K", 20, () -> id.equals(open.getText()));
    }

    private ObjectNode accountBody() {
        String accountId = null;
        for (JsonNode account : call("/accounts/get", PlaidJson.mapper().createObjectNode().put("access_token", accessToken)).path("accounts")) {
            if ("checking".equals(account.path("subtype").asText())) {
                accountId = account.path("account_id").asText();
            }
        }
        return PlaidJson.mapper().createObjectNode().put("access_token", accessToken).put("account_id", accountId);
    }

    private ObjectNode authorization(String amount) {
        ObjectNode body = accountBody().put("type", "debit").put("network", "ach").put("ach_class", "web").put("amount", amount);
        body.putObject("user").put("legal_name", "Ada Weaver");
        return body;
    }
}
