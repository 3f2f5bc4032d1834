package dev.tartan.ui.items;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tartan.api.PlaidApiException;
import dev.tartan.api.PlaidClient;
import dev.tartan.api.PlaidRequest;
import dev.tartan.emulator.EmulatorConfig;
import dev.tartan.emulator.PlaidEmulator;
import dev.tartan.model.AuditEntry;
import dev.tartan.model.CallRecord;
import dev.tartan.model.Credentials;
import dev.tartan.model.Masking;
import dev.tartan.model.PaneTarget;
import dev.tartan.model.TokenEntry;
import dev.tartan.model.TokenKind;
import dev.tartan.store.Vault;
import dev.tartan.testing.WebhookReceiver;
import dev.tartan.ui.TartanAppFixture;
import dev.tartan.ui.TestVaults;
import dev.tartan.ui.common.JsonEditor;
import dev.tartan.ui.common.TokenRow;
import dev.tartan.ui.common.data.AuthNumbersView;
import dev.tartan.ui.common.data.Formats;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

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
        if (app != null) {
            app.close();
        }
    }

    private void openItem(String label) {
        ListView<?> list = app.waitFor("#itemList");
        app.waitUntil("the Item " + label + " in the list", 20, () -> app.lookup("#itemList").queryAs(ListView.class).getItems().size() > 0);
        app.clickOn(node -> node instanceof Label l && label.equals(l.getText()) && list.lookupAll(".label").contains(l));
        Label status = app.waitFor("#itemStatus");
        app.waitUntil("the Item's status", 20, () -> !status.getText().startsWith("checking"));
    }

    /** The calls opening an Item fans out, one per tab. */
    private static final List<String> FAN_OUT = List.of("/item/get", "/accounts/get", "/identity/get", "/auth/get",
            "/investments/holdings/get", "/investments/transactions/get", "/liabilities/get", "/transactions/recurring/get");

    @Test
    void opensAnItemWithEveryTabFilledInParallel() {
        openItem("Demo Item");
        assertThat(app.lookup("#itemStatus").queryAs(Label.class).getText()).isEqualTo("healthy");
        Node details = app.waitFor("#itemDetails");
        app.waitUntil("the Item's details", 20, () -> texts(details).stream().anyMatch(t -> t.contains("First Platypus Bank")));
        app.screenshot("items-0-overview");

        // Every call of the fan-out is in the Raw JSON tab; each tab must show what its reply holds.
        app.selectTab("#itemTabs", "tabRaw");
        ListView<CallRecord> calls = app.waitFor("#callLogList");
        app.waitUntil("every tab's call", 30, () -> calls.getItems().stream().map(CallRecord::operation).toList().containsAll(FAN_OUT));
        assertThat(calls.getItems()).filteredOn(call -> FAN_OUT.contains(call.operation()))
                .allSatisfy(call -> assertThat(call.httpStatus()).isEqualTo(200));
        app.screenshot("items-2-raw-json");

        app.selectTab("#itemTabs", "tabAccounts");
        TableView<JsonNode> accounts = app.waitFor("#accountsTable");
        app.waitUntil("accounts", 20, () -> !accounts.getItems().isEmpty());
        assertThat(names(accounts.getItems())).containsExactlyElementsOf(names(reply(calls, "/accounts/get").path("accounts")))
                .contains("Plaid Checking", "Plaid Saving", "Plaid Credit Card", "Plaid Mortgage");
        app.screenshot("items-1-accounts");

        app.selectTab("#itemTabs", "tabIdentity");
        Node identity = app.waitFor("#identityView");
        Set<String> owners = new TreeSet<>();
        reply(calls, "/identity/get").path("accounts").forEach(account -> account.path("owners")
                .forEach(owner -> owner.path("names").forEach(name -> owners.add(name.asText()))));
        assertThat(owners).isNotEmpty();
        app.waitUntil("the owners' names", 20, () -> texts(identity).stream()
                .flatMap(text -> text.lines()).toList().containsAll(owners));
        app.screenshot("items-2-identity");

        app.selectTab("#itemTabs", "tabAuth");
        TableView<AuthNumbersView.Row> numbers = app.waitFor("#authNumbers");
        app.waitUntil("the numbers", 20, () -> !numbers.getItems().isEmpty());
        JsonNode ach = reply(calls, "/auth/get").path("numbers").path("ach");
        assertThat(numbers.getItems()).extracting(AuthNumbersView.Row::number)
                .containsExactlyElementsOf(StreamSupport.stream(ach.spliterator(), false).map(n -> n.path("account").asText()).toList());
        String number = numbers.getItems().get(0).number();
        assertThat(texts(numbers)).doesNotContain(number).contains(Formats.maskNumber(number));
        app.screenshot("items-2-auth");
        app.clickOn("#revealNumbers");
        app.waitUntil("the numbers shown", 5, () -> texts(numbers).contains(number));
        app.screenshot("items-3-auth-revealed");

        app.selectTab("#itemTabs", "tabInvestments");
        TableView<JsonNode> holdings = app.waitFor("#holdingsTable");
        TableView<JsonNode> trades = app.lookup("#investmentTransactionsTable").query();
        app.waitUntil("holdings and investment transactions", 20, () -> !holdings.getItems().isEmpty() && !trades.getItems().isEmpty());
        assertThat(holdings.getItems()).extracting(h -> h.path("security_id").asText())
                .containsExactlyElementsOf(field(reply(calls, "/investments/holdings/get").path("holdings"), "security_id"));
        assertThat(trades.getItems()).extracting(t -> t.path("investment_transaction_id").asText()).containsExactlyElementsOf(
                field(reply(calls, "/investments/transactions/get").path("investment_transactions"), "investment_transaction_id"));
        app.screenshot("items-2-investments");

        app.selectTab("#itemTabs", "tabLiabilities");
        JsonNode owed = reply(calls, "/liabilities/get").path("liabilities");
        for (String kind : List.of("credit", "mortgage", "student")) {
            TableView<JsonNode> table = app.waitFor("#" + kind + "Liabilities");
            assertThat(owed.path(kind)).as(kind).isNotEmpty();
            app.waitUntil(kind + " liabilities", 20, () -> table.getItems().size() == owed.path(kind).size());
        }
        app.screenshot("items-2-liabilities");

        app.selectTab("#itemTabs", "tabRecurring");
        TableView<JsonNode> recurring = app.waitFor("#recurringTable");
        JsonNode streams = reply(calls, "/transactions/recurring/get");
        List<String> expected = new ArrayList<>(field(streams.path("inflow_streams"), "stream_id"));
        expected.addAll(field(streams.path("outflow_streams"), "stream_id"));
        assertThat(expected).isNotEmpty();
        app.waitUntil("the recurring streams", 20, () -> !recurring.getItems().isEmpty());
        assertThat(recurring.getItems()).extracting(r -> r.path("stream_id").asText()).containsExactlyElementsOf(expected);
        app.screenshot("items-2-recurring");
    }

    @Test
    void createsASandboxItemThenResetsItsLoginAndShowsTheFix() {
        createSandboxItem("Support case 4711", () -> app.screenshot("items-4-create-dialog"));
        // The list names the new Item's institution (not its institution_id) and its profile.
        ListView<TokenRow> list = app.lookup("#itemList").query();
        app.waitUntil("the new Item's institution by name", 20, () -> texts(list).stream()
                .anyMatch(text -> text.startsWith("First Platypus Bank \u00b7 ")));
        assertThat(texts(list)).noneMatch(text -> text.startsWith("ins_"));
        assertThat(texts(list)).filteredOn(text -> text.startsWith("profile ")).hasSize(2)
                .allSatisfy(text -> assertThat(text).startsWith("profile " + list.getItems().get(0).entry().profile()));

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
        app.waitUntil("the rotation", 20, () -> notice().startsWith("New access token"));

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
        createSandboxItem("Sync case", () -> { });
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
        createSandboxItem("Load test", () -> app.clickOn("#sandboxUsername .arrow-button").clickOn("user_transactions_100000"));
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
        app.clickOn("#processorTokenDialogGo");

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

    @Test
    void filtersTheItemsAsYouType() {
        // No label: the list names the Item by its institution, looked up by its id.
        createSandboxItem(null, () -> chooseInstitution("ins_109512"));
        ListView<TokenRow> list = app.lookup("#itemList").query();
        Label count = app.lookup("#itemCount").query();
        app.waitUntil("both Items named", 20, () -> list.getItems().size() == 2 && texts(list).contains("Houndstooth Bank"));
        String demoItemId = list.getItems().stream().filter(row -> "Demo Item".equals(row.entry().label()))
                .findFirst().orElseThrow().entry().ownerId();

        app.clickOn("#itemFilter").write("houndst");
        app.waitUntil("the Houndstooth Item alone", 10, () -> list.getItems().size() == 1
                && "ins_109512".equals(list.getItems().get(0).entry().institution()));
        assertThat(count.getText()).isEqualTo("1 of 2 Items");
        app.screenshot("items-15-filtered-list");
        app.typeInto("#itemFilter", "DEMO");
        app.waitUntil("the Demo Item alone", 10, () -> list.getItems().size() == 1
                && "Demo Item".equals(list.getItems().get(0).entry().label()));
        app.typeInto("#itemFilter", demoItemId.substring(0, 12));
        app.waitUntil("the Demo Item by its item_id", 10, () -> list.getItems().size() == 1
                && demoItemId.equals(list.getItems().get(0).entry().ownerId()));
        app.typeInto("#itemFilter", "no such bank");
        app.waitUntil("nothing", 10, () -> list.getItems().isEmpty());
        assertThat(count.getText()).isEqualTo("0 of 2 Items");
        app.typeInto("#itemFilter", "");
        app.waitUntil("both again", 10, () -> list.getItems().size() == 2);
    }

    @Test
    void addsAnItemByPastingItsAccessToken() throws Exception {
        // An Item the emulator knows but the token book does not: made beside the app, on the same data folder.
        app.close();
        String token;
        try (PlaidEmulator emulator = PlaidEmulator.start(EmulatorConfig.builder().dataDirectory(home).build())) {
            PlaidClient client = PlaidClient.builder().baseUrl(emulator.baseUrl())
                    .credentials(new Credentials(emulator.clientId(), emulator.secret())).build();
            String publicToken = client.send(PlaidRequest.post("/sandbox/public_token/create",
                    "{\"institution_id\":\"ins_109511\",\"initial_products\":[\"transactions\"]}")).get(20, TimeUnit.SECONDS)
                    .json().path("public_token").asText();
            token = client.send(PlaidRequest.post("/item/public_token/exchange", "{\"public_token\":\"" + publicToken + "\"}"))
                    .get(20, TimeUnit.SECONDS).json().path("access_token").asText();
        }
        app = new TartanAppFixture(home).startUnlocked();
        app.waitFor("#navigation", 60);
        app.openPane("Items");

        app.clickOn("#addItemMenu").clickOn("#addItem");
        DialogPane dialog = app.waitFor("#addItemDialog");
        Button add = (Button) dialog.lookup("#addItemDialogGo");
        app.clickOn("#addItemToken").write("public-sandbox-5c2e8d1a-0000-4000-8000-000000000000");
        Label problem = app.lookup("#addItemDialogProblem").query();
        app.waitUntil("the wrong kind refused", 10, () -> problem.getText().contains("not an access token"));
        assertThat(add.isDisabled()).isTrue();
        app.typeInto("#addItemToken", token);
        app.clickOn("#addItemLabel").write("Pasted by support");
        app.waitUntil("the token accepted", 10, () -> !add.isDisabled() && problem.getText().isEmpty());
        app.screenshot("items-16-add-by-paste");
        app.clickOn(add);

        Label title = app.waitFor("#itemTitle", 30);
        app.waitUntil("the pasted Item open", 20, () -> "Pasted by support".equals(title.getText()));
        Label status = app.lookup("#itemStatus").query();
        app.waitUntil("its status", 20, () -> "healthy".equals(status.getText()));
        ListView<TokenRow> list = app.lookup("#itemList").query();
        app.waitUntil("it in the list, with its institution", 20, () -> list.getItems().size() == 2
                && texts(list).stream().anyMatch(text -> text.startsWith("Tartan Bank \u00b7 ")));
        app.screenshot("items-17-pasted-item");
        app.close();
        try (Vault vault = TestVaults.open(home)) {
            TokenEntry kept = vault.tokens().byToken(token).orElseThrow();
            assertThat(kept.institution()).isEqualTo("ins_109511");
            assertThat(kept.ownerId()).isNotBlank();
            assertThat(vault.audit().recent(20)).extracting(AuditEntry::action).contains("add item");
        }
    }

    @Test
    void anAccessTokenPlaidDoesNotKnowShowsWhyInThePane() {
        openItem("Demo Item");
        String unknown = "access-sandbox-7f3e9c1a-2b4d-4e6f-8a0b-1c2d3e4f5a6b";
        app.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        app.waitFor("#omniboxField");
        app.write(unknown);
        Label kind = app.lookup("#omniboxKind").query();
        app.waitUntil("an access token", 10, () -> "Access token".equals(kind.getText()));
        // Enter looks up again, without opening, while the last lookup is of a shorter text: wait for the whole token's.
        app.waitUntil("the Items pane offered for the whole token", 10, () -> app.lookup("#omniboxResults").queryListView()
                .getItems().stream().findFirst().filter(first -> first instanceof PaneTarget target && unknown.equals(target.token()))
                .isPresent());
        app.press(KeyCode.ENTER).release(KeyCode.ENTER);

        app.waitFor("#itemsFailure", 20);
        assertThat(app.lookup("#itemsFailureWhat").queryAs(Label.class).getText())
                .isEqualTo("Could not add the Item " + Masking.maskToken(unknown)).doesNotContain(unknown);
        assertThat(app.lookup("#itemsFailure #failure-error_code").queryAs(Label.class).getText()).isEqualTo("INVALID_ACCESS_TOKEN");
        assertThat(app.lookup("#itemsFailure #failure-request_id").queryAs(Label.class).getText()).isNotBlank();
        assertThat(app.lookup("#itemView").queryAs(Node.class).isVisible()).isFalse();
        assertThat(app.lookup("#itemList").queryAs(ListView.class).getItems()).hasSize(1);
        app.screenshot("items-18-unknown-token");

        app.clickOn("#itemsFailureDismiss");
        app.waitFor("#itemView");
        assertThat(app.lookup("#itemTitle").queryAs(Label.class).getText()).isEqualTo("Demo Item");
    }

    @Test
    void createsASandboxItemFromAUserCustomConfigurationWithAWebhook() {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            createSandboxItem("Custom user", () -> {
                app.clickOn("#sandboxUsername .arrow-button").clickOn("user_custom");
                JsonEditor editor = app.waitFor("#userCustomEditor");
                Label problem = app.lookup("#createSandboxItemDialogProblem").query();
                Button create = app.lookup("#createSandboxItemDialogGo").query();
                app.onFx(() -> editor.textProperty().set("{\"override_accounts\": [ {\"type\": \"depository\", "));
                app.waitUntil("broken JSON refused", 10, () -> problem.getText().startsWith("The user_custom configuration is not valid JSON"));
                assertThat(create.isDisabled()).isTrue();
                app.screenshot("items-19-user-custom-invalid");
                app.onFx(() -> editor.textProperty().set("{\"override_accounts\": [{\"type\": \"depository\"}]}"));
                app.waitUntil("an account without a subtype refused", 10, () -> problem.getText().contains("needs a type and a subtype"));
                assertThat(create.isDisabled()).isTrue();
                app.onFx(() -> editor.textProperty().set(USER_CUSTOM));
                app.waitUntil("the configuration accepted", 10, () -> problem.getText().isEmpty() && !create.isDisabled());
                app.clickOn("#sandboxWebhook").write(receiver.url());
                app.screenshot("items-20-user-custom");
            });

            app.selectTab("#itemTabs", "tabAccounts");
            TableView<JsonNode> accounts = app.waitFor("#accountsTable");
            app.waitUntil("the configured accounts", 20, () -> accounts.getItems().size() == 2);
            assertThat(names(accounts.getItems())).containsExactly("Tartan Everyday", "Tartan Rainy Day");
            assertThat(accounts.getItems()).extracting(a -> a.path("subtype").asText()).containsExactly("checking", "savings");
            assertThat(accounts.getItems()).extracting(a -> a.path("balances").path("current").asDouble()).containsExactly(1250.5, 9000.0);
            app.screenshot("items-21-user-custom-accounts");
            app.selectTab("#itemTabs", "tabOverview");
            TextField webhook = app.waitFor("#itemWebhook");
            app.waitUntil("the webhook URL", 20, () -> receiver.url().equals(webhook.getText()));
        }
    }

    @Test
    void firesASandboxWebhookFromTheItemViewAndEditsTheWebhookUrl() throws Exception {
        String itemId;
        try (WebhookReceiver first = new WebhookReceiver(); WebhookReceiver second = new WebhookReceiver()) {
            openItem("Demo Item");
            itemId = app.lookup("#itemId").queryAs(Label.class).getText();
            setWebhook(first);
            fireWebhook();
            WebhookReceiver.Received fired = first.await(body -> body.contains("\"DEFAULT_UPDATE\""), Duration.ofSeconds(20));
            assertThat(fired.bodyText()).contains(itemId, "TRANSACTIONS");
            app.waitUntil("the notice", 10, () -> "Sent the DEFAULT_UPDATE webhook.".equals(notice()));
            app.screenshot("items-22-webhook-fired");

            setWebhook(second);
            TextField webhook = app.lookup("#itemWebhook").query();
            app.waitUntil("the new URL shown", 20, () -> second.url().equals(webhook.getText()));
            first.drain();
            fireWebhook();
            assertThat(second.await(body -> body.contains("\"DEFAULT_UPDATE\""), Duration.ofSeconds(20)).bodyText()).contains(itemId);
            assertThat(first.drain()).isEmpty();
        }
        app.close();
        try (Vault vault = TestVaults.open(home)) {
            assertThat(vault.audit().recent(50)).filteredOn(e -> e.action().equals("call /sandbox/item/fire_webhook")
                    || e.action().equals("call /item/webhook/update")).hasSize(4).allSatisfy(e -> assertThat(e.requestId()).isNotBlank());
        }
    }

    /** Points the open Item's webhooks at {@code receiver}; Plaid acknowledges there. */
    private void setWebhook(WebhookReceiver receiver) {
        app.selectTab("#itemTabs", "tabOverview");
        app.waitFor("#itemWebhook");
        app.typeInto("#itemWebhook", receiver.url());
        app.clickOn("#saveWebhook");
        receiver.await(body -> body.contains("WEBHOOK_UPDATE_ACKNOWLEDGED"), Duration.ofSeconds(20));
        app.waitUntil("the update confirmed", 10, () -> ("Webhooks now go to " + receiver.url() + ".").equals(notice()));
    }

    /** Fires the default sandbox webhook code (DEFAULT_UPDATE) from the Actions menu. */
    private void fireWebhook() {
        app.clickOn("#itemActions").clickOn("#actionFireWebhook");
        DialogPane codes = app.waitFor("#webhookCodeDialog");
        @SuppressWarnings("unchecked")
        ComboBox<String> code = (ComboBox<String>) codes.lookup("#webhookCode");
        app.waitUntil("the webhook codes", 10, () -> code.getValue() != null);
        assertThat(code.getValue()).isEqualTo("DEFAULT_UPDATE");
        app.clickOn((Button) codes.lookupButton(codes.getButtonTypes().get(0)));
    }

    /** Two accounts of Tartan's own naming, no transactions: an Item with nothing to owe. */
    static final String USER_CUSTOM = """
            {"override_accounts": [
              {"type": "depository", "subtype": "checking", "starting_balance": 1250.5, "meta": {"name": "Tartan Everyday"}},
              {"type": "depository", "subtype": "savings", "starting_balance": 9000, "meta": {"name": "Tartan Rainy Day"}}
            ]}""";

    /**
     * Creates a sandbox Item through the dialog ({@code fillIn} changes the form; a null label leaves
     * it blank) and waits until it is open, named by its label or its institution.
     */
    private void createSandboxItem(String label, Runnable fillIn) {
        app.clickOn("#addItemMenu").clickOn("#createSandboxItem");
        app.waitFor("#createSandboxItemDialog");
        ComboBox<JsonNode> institution = app.lookup("#sandboxInstitution").query();
        app.waitUntil("institutions", 20, () -> institution.getValue() != null);
        if (label != null) {
            app.clickOn("#sandboxLabel").write(label);
        }
        fillIn.run();
        String expectedTitle = label != null ? label : institution.getValue().path("name").asText();
        app.clickOn("#createSandboxItemDialogGo");
        Label title = app.waitFor("#itemTitle", 30);
        app.waitUntil("the new Item open", 20, () -> expectedTitle.equals(title.getText()));
        Label status = app.lookup("#itemStatus").query();
        app.waitUntil("its status", 20, () -> !status.getText().startsWith("checking"));
    }

    private void chooseInstitution(String institutionId) {
        ComboBox<JsonNode> institution = app.lookup("#sandboxInstitution").query();
        app.onFx(() -> institution.setValue(institution.getItems().stream()
                .filter(i -> institutionId.equals(i.path("institution_id").asText())).findFirst().orElseThrow()));
    }

    /** The reply to the first call of {@code operation} in a Raw JSON tab. */
    private static JsonNode reply(ListView<CallRecord> calls, String operation) {
        return calls.getItems().stream().filter(call -> call.operation().equals(operation)).findFirst().orElseThrow().reply();
    }

    private static List<String> names(Iterable<JsonNode> accounts) {
        return field(accounts, "name");
    }

    private static List<String> field(Iterable<JsonNode> rows, String name) {
        return StreamSupport.stream(rows.spliterator(), false).map(row -> row.path(name).asText()).toList();
    }

    /** The texts of the labels and cells under {@code node}, as shown. */
    private static List<String> texts(Node node) {
        return Stream.of(".label", ".table-cell").flatMap(selector -> node.lookupAll(selector).stream())
                .filter(n -> n instanceof Labeled).map(n -> ((Labeled) n).getText()).filter(Objects::nonNull).toList();
    }

    private static int visible(Label count) {
        return Integer.parseInt(count.getText().split(" of ")[0].replace(",", ""));
    }

    /** What the Item's last action achieved, as its notice says it; "" while there is none. */
    private String notice() {
        return app.lookup("#itemNoticeDone").tryQuery().map(node -> ((Label) node).getText()).orElse("");
    }
}
