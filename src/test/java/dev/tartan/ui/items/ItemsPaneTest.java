package dev.tartan.ui.items;

import dev.tartan.api.PlaidApiException;
import dev.tartan.api.PlaidClient;
import dev.tartan.api.PlaidRequest;
import dev.tartan.emulator.EmulatorConfig;
import dev.tartan.emulator.PlaidEmulator;
import dev.tartan.model.AuditEntry;
import dev.tartan.model.CallRecord;
import dev.tartan.model.Credentials;
import dev.tartan.model.TokenKind;
import dev.tartan.store.Vault;
import dev.tartan.ui.TartanAppFixture;
import dev.tartan.ui.TestVaults;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What support staff do in the Items pane, against the built-in emulator. */
class ItemsPaneTest {

    @TempDir
    Path home;
    TartanAppFixture app;

    @BeforeEach
    void start() throws Exception {
        TestVaults.create(home);
        app = new TartanAppFixture(home).startUnlocked();
        app.waitFor("#navigation", 60);
        app.waitFor("#operationPath", 30); // the demo Item is ready
        app.openPane("Items");
    }

    @AfterEach
    void close() throws Exception {
        app.close();
    }

    private void openItem(String label) {
        ListView<?> list = app.waitFor("#itemList");
        app.waitUntil("the Item " + label + " in the list", 20, () -> app.lookup("#itemList").queryAs(ListView.class).getItems().size() > 0);
        app.clickOn(node -> node instanceof Label l && label.equals(l.getText()) && list.lookupAll(".label").contains(l));
        Label status = app.waitFor("#itemStatus");
        app.waitUntil("the Item's status", 20, () -> !status.getText().startsWith("checking"));
    }

    @Test
    void opensAnItemWithEveryTabFilledInParallel() {
        openItem("Demo Item");
        assertThat(app.lookup("#itemStatus").queryAs(Label.class).getText()).isEqualTo("healthy");
        app.waitFor("#itemDetails");
        app.screenshot("items-0-overview");
        app.clickOn("Accounts");
        TableView<?> accounts = app.waitFor("#accountsTable");
        app.waitUntil("accounts", 20, () -> !accounts.getItems().isEmpty());
        app.screenshot("items-1-accounts");
        for (String tab : List.of("Identity", "Auth", "Investments", "Liabilities", "Recurring", "Raw JSON")) {
            app.clickOn(tab);
            app.screenshot("items-2-" + tab.toLowerCase().replace(' ', '-'));
        }
        app.clickOn("Auth");
        app.clickOn("#revealNumbers");
        app.screenshot("items-3-auth-revealed");
    }

    @Test
    void createsASandboxItemThenResetsItsLoginAndShowsTheFix() {
        app.clickOn("#addItemMenu").clickOn("#createSandboxItem");
        app.waitFor("#createSandboxItemDialog");
        app.waitUntil("institutions", 20, () -> app.lookup("#sandboxInstitution").queryComboBox().getValue() != null);
        app.clickOn("#sandboxLabel").write("Support case 4711");
        app.screenshot("items-4-create-dialog");
        app.clickOn("#createItemButton");
        Label title = app.waitFor("#itemTitle", 30);
        app.waitUntil("the new Item open", 20, () -> "Support case 4711".equals(title.getText()));

        app.clickOn("#itemActions").clickOn("#actionResetLogin");
        Label status = app.lookup("#itemStatus").queryAs(Label.class);
        app.waitUntil("ITEM_LOGIN_REQUIRED", 20, () -> "ITEM_LOGIN_REQUIRED".equals(status.getText()));
        app.clickOn("Overview");
        app.waitFor("#itemError");
        Button fix = app.lookup("#itemError #failureFix").queryButton();
        assertThat(fix.getText()).contains("update-mode Link token");
        app.screenshot("items-5-login-required");
        app.clickOn(fix);
        DialogPane link = app.waitFor("#linkTokenDialog");
        assertThat(app.lookup("#linkTokenValue").queryTextInputControl().getText()).startsWith("link-sandbox-");
        app.screenshot("items-6-update-mode-link-token");
        app.clickOn((Button) link.lookupButton(javafx.scene.control.ButtonType.CLOSE));
    }

    @Test
    void rotatesTheTokenSoTheOldOneIsRefusedThenRemovesTheItem() throws Exception {
        openItem("Demo Item");
        String oldToken;
        app.close();
        try (Vault vault = TestVaults.open(home)) {
            oldToken = vault.tokens().list(null).stream().filter(t -> t.kind() == TokenKind.ACCESS).findFirst().orElseThrow().value();
        }
        app = new TartanAppFixture(home).startUnlocked();
        app.waitFor("#navigation", 60);
        app.openPane("Items");
        openItem("Demo Item");

        app.clickOn("#itemActions").clickOn("#actionRotate");
        DialogPane confirm = app.waitFor("#confirmDestructive");
        app.screenshot("items-7-rotate-confirm");
        app.clickOn((Button) confirm.lookupButton(confirm.getButtonTypes().get(0)));
        Label notice = app.waitFor("#itemNotice");
        app.waitUntil("the rotation", 20, () -> notice.getText().startsWith("New access token"));

        app.clickOn("#itemActions").clickOn("#actionRemove");
        DialogPane remove = app.waitFor("#confirmDestructive");
        app.clickOn((Button) remove.lookupButton(remove.getButtonTypes().get(0)));
        ListView<?> list = app.lookup("#itemList").queryAs(ListView.class);
        app.waitUntil("the Item gone from the list", 20, () -> list.getItems().isEmpty());
        app.screenshot("items-8-removed");
        app.close();

        try (Vault vault = TestVaults.open(home)) {
            assertThat(vault.tokens().byToken(oldToken)).isEmpty();
            List<AuditEntry> audit = vault.audit().recent(50);
            assertThat(audit).extracting(AuditEntry::action).contains("rotate access token", "remove item from token book",
                    "call /item/access_token/invalidate", "call /item/remove");
            assertThat(audit).filteredOn(e -> e.action().equals("call /item/remove")).allSatisfy(e -> assertThat(e.requestId()).isNotBlank());
        }
        // The emulator, restarted on the same folder, refuses the old token.
        try (PlaidEmulator emulator = PlaidEmulator.start(EmulatorConfig.builder().dataDirectory(home).build())) {
            PlaidClient client = PlaidClient.builder().baseUrl(emulator.baseUrl())
                    .credentials(new Credentials(emulator.clientId(), emulator.secret())).build();
            assertThatThrownBy(() -> client.send(PlaidRequest.post("/item/get", "{\"access_token\":\"" + oldToken + "\"}"))
                    .get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .satisfies(e -> assertThat(((PlaidApiException) e.getCause()).error().errorCode()).isEqualTo("INVALID_ACCESS_TOKEN"));
        }
    }

    @Test
    void syncsTransactionsFiltersThemAndExportsCsv() throws Exception {
        openItem("Demo Item");
        app.clickOn("Transactions");
        Label count = app.waitFor("#txnCount");
        app.waitUntil("the first sync", 60, () -> count.getText().matches("[1-9][0-9,]* of [1-9][0-9,]*")
                && app.lookup("#txnState").queryAs(Label.class).getText().contains("synced"));
        int all = Integer.parseInt(count.getText().split(" of ")[1].replace(",", ""));
        app.screenshot("items-9-transactions");

        app.clickOn("#txnStatus").clickOn("Pending only");
        app.waitUntil("pending only", 10, () -> visible(count) < all);
        int pending = visible(count);
        app.clickOn("#txnStatus").clickOn("Pending and posted");
        app.clickOn("#txnSearch").write("zzzz-matches-nothing");
        app.waitUntil("no match", 10, () -> visible(count) == 0);
        app.clickOn("#txnClearFilters");
        app.clickOn("#txnMin").write("100");
        app.waitUntil("amount filter", 10, () -> visible(count) > 0 && visible(count) < all);
        app.screenshot("items-10-transactions-filtered");

        Path csv = home.resolve("export.csv");
        int shown = visible(count);
        app.onFx(() -> app.lookup("#transactionsPanel").queryAs(dev.tartan.ui.common.data.TransactionsPanel.class).exportTo(csv));
        app.waitUntil("the export", 20, () -> java.nio.file.Files.exists(csv)
                && app.lookup("#txnNotice").queryAs(Label.class).getText().startsWith("Exported"));
        List<String> lines = java.nio.file.Files.readAllLines(csv);
        assertThat(lines).hasSize(shown + 1);
        assertThat(lines.get(0)).contains("transaction_id", "amount");
        assertThat(pending).isPositive();

        app.selectTab("#itemTabs", "tabRaw");
        javafx.scene.control.ListView<dev.tartan.model.CallRecord> calls = app.waitFor("#callLogList");
        assertThat(calls.getItems()).extracting(dev.tartan.model.CallRecord::operation).contains("/transactions/sync");
        dev.tartan.model.CallRecord page = calls.getItems().stream()
                .filter(call -> call.operation().equals("/transactions/sync")).findFirst().orElseThrow();
        assertThat(page.reply().path("next_cursor").asText()).isNotEmpty();
    }

    @Test
    void anItemWith100000TransactionsOpensAndFilters() {
        app.clickOn("#addItemMenu").clickOn("#createSandboxItem");
        app.waitFor("#createSandboxItemDialog");
        app.waitUntil("institutions", 20, () -> app.lookup("#sandboxInstitution").queryComboBox().getValue() != null);
        app.clickOn("#sandboxUsername .arrow-button").clickOn("user_transactions_100000");
        app.clickOn("#sandboxLabel").write("Load test");
        app.clickOn("#createItemButton");
        Label title = app.waitFor("#itemTitle", 30);
        app.waitUntil("the new Item open", 20, () -> "Load test".equals(title.getText()));
        app.clickOn("Transactions");
        Label count = app.waitFor("#txnCount");
        app.waitUntil("100,000 transactions", 180, () -> count.getText().endsWith(" of 100,000")
                && !app.lookup("#txnState").queryAs(Label.class).getText().contains("syncing"));
        app.screenshot("items-11-100k-transactions");
        app.clickOn("#txnSearch").write("coffee");
        app.waitUntil("the filter", 10, () -> visible(count) > 0 && visible(count) < 100_000);
        app.screenshot("items-12-100k-filtered");
    }

    @Test
    void createsAProcessorTokenForOneOfTheAccounts() throws Exception {
        openItem("Demo Item");
        app.clickOn("Accounts");
        TableView<?> accounts = app.waitFor("#accountsTable");
        app.waitUntil("accounts", 20, () -> !accounts.getItems().isEmpty());
        app.clickOn("#itemActions").clickOn("#actionProcessorToken");
        app.waitFor("#processorTokenDialog");
        app.screenshot("items-13-processor-token-dialog");
        app.clickOn("#createProcessorTokenButton");

        ListView<?> tokens = app.waitFor("#processorTokens", 30);
        app.waitUntil("the new processor token, open in its pane", 30, () -> tokens.getItems().size() == 1
                && app.lookup("#processorTitle").tryQuery().isPresent());
        app.screenshot("items-14-processor-token-opened");
        // The Item's Raw JSON tab lists the creation with its other calls.
        app.openPane("Items");
        app.selectTab("#itemTabs", "tabRaw");
        ListView<CallRecord> calls = app.waitFor("#callLogList");
        assertThat(calls.getItems()).extracting(CallRecord::operation).contains("/processor/token/create", "/accounts/get");
        assertThat(calls.getItems()).filteredOn(call -> call.operation().equals("/processor/token/create"))
                .singleElement().satisfies(call -> assertThat(call.httpStatus()).isEqualTo(200));
        app.close();
        try (Vault vault = TestVaults.open(home)) {
            assertThat(vault.tokens().list(null)).anySatisfy(t -> {
                assertThat(t.kind()).isEqualTo(TokenKind.PROCESSOR);
                assertThat(t.ownerId()).isNotBlank();
            });
            assertThat(vault.audit().recent(20)).extracting(AuditEntry::action).contains("call /processor/token/create");
        }
    }

    private static int visible(Label count) {
        return Integer.parseInt(count.getText().split(" of ")[0].replace(",", ""));
    }
}
