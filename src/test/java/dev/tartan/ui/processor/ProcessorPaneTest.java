package dev.tartan.ui.processor;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tartan.model.AuditEntry;
import dev.tartan.model.CallRecord;
import dev.tartan.model.TokenEntry;
import dev.tartan.model.TokenKind;
import dev.tartan.model.TransactionRow;
import dev.tartan.store.Vault;
import dev.tartan.testing.WebhookReceiver;
import dev.tartan.ui.TartanAppFixture;
import dev.tartan.ui.TestVaults;
import dev.tartan.ui.common.TokenRow;
import dev.tartan.ui.common.data.AuthNumbersView;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The Processor pane against the built-in emulator, driven the way a processor partner drives it. */
class ProcessorPaneTest {

    @TempDir
    Path home;
    TartanAppFixture app;

    @BeforeEach
    void start() throws Exception {
        TestVaults.create(home);
        app = new TartanAppFixture(home).startUnlocked();
        app.waitFor("#mainWindow", 60);
        // The first run opens the demo Item's call in the console: the switch to this pane comes after it.
        Label path = app.waitFor("#operationPath", 30);
        app.waitUntil("the demo call", 20, () -> "/accounts/get".equals(path.getText()));
        app.openPane("Processor tokens");
        app.waitFor("#processorPane");
    }

    @AfterEach
    void close() throws Exception {
        app.close();
    }

    @Test
    void makesATokenFromAnItemAndRunsEveryProcessorCall() throws Exception {
        app.screenshot("processor-0-no-token");
        createFromDemoItem("Plaid Checking", "dwolla");
        Label title = app.waitFor("#processorTitle");
        app.waitUntil("the new token to open", 20, () -> title.getText().startsWith("dwolla"));

        // Account: the fan-out filled it; then the bank is asked for the balance.
        TableView<JsonNode> accounts = app.waitFor("#accountsTable", 30);
        app.waitUntil("the account", 20, () -> accounts.getItems().size() == 1);
        assertThat(accounts.getItems().get(0).path("name").asText()).isEqualTo("Plaid Checking");
        Label facts = app.lookup("#processorFacts").query();
        app.waitUntil("the account_id in the book", 10, () -> facts.getText().contains(accounts.getItems().get(0).path("account_id").asText()));
        // The institution goes by its name, in the header and in the token list.
        app.waitUntil("the institution's name", 20, () -> facts.getText().contains("First Platypus Bank (ins_109508)"));
        app.waitUntil("the name in the list", 10, () -> app.lookup("#processorTokens .label").queryAllAs(Label.class).stream()
                .anyMatch(label -> label.getText().startsWith("First Platypus Bank \u00b7 account ")));
        app.clickOn("#realTimeBalance");
        Label source = app.lookup("#balanceSource").query();
        app.waitUntil("the real-time balance", 20, () -> source.getText().startsWith("Real-time"));
        app.screenshot("processor-1-account");

        // Auth: numbers masked until shown.
        openTab("authTab");
        TableView<AuthNumbersView.Row> numbers = app.waitFor("#authNumbers", 20);
        app.waitUntil("the numbers", 20, () -> !numbers.getItems().isEmpty());
        String number = numbers.getItems().get(0).number();
        assertThat(cellTexts(numbers)).noneMatch(text -> text.equals(number));
        app.clickOn("#revealNumbers");
        app.waitUntil("the numbers shown", 5, () -> cellTexts(numbers).contains(number));
        app.screenshot("processor-2-auth");

        // Identity, then identity match against what the bank holds.
        openTab("identityTab");
        app.waitFor("#identityView", 20);
        String ownerName = ownerName();
        app.screenshot("processor-3-identity");
        openTab("identityMatchTab");
        app.typeInto("#matchLegalName", ownerName);
        app.typeInto("#matchEmail", "somebody.else@example.net");
        app.typeInto("#matchPostalCode", "00000");
        app.clickOn("#matchIdentity");
        Label nameScore = app.waitFor("#matchScore-Legal-name", 20);
        assertThat(nameScore.getText()).isEqualTo("100");
        assertThat(Integer.parseInt(app.lookup("#matchScore-Email-address").queryAs(Label.class).getText())).isLessThan(70);
        assertThat(app.lookup("#matchScore-Phone-number").queryAs(Label.class).getText()).isEqualTo("\u2014");
        app.screenshot("processor-4-identity-match");

        // Liabilities: a checking account has none; Plaid's error shows in this tab only.
        openTab("liabilitiesTab");
        Label failure = app.waitFor("#liabilitiesPane #failureTitle", 20);
        assertThat(failure.getText()).isEqualTo("NO_LIABILITY_ACCOUNTS");
        assertThat(app.lookup("#liabilitiesPane #failure-request_id").queryAs(Label.class).getText()).isNotBlank();
        app.screenshot("processor-5-liabilities-failure");
        openTab("accountTab");
        app.waitFor("#accountsTable");
        assertThat(app.lookup("#accountPane #failureTitle").tryQuery()).isEmpty();

        // Transactions: synced into the vault on opening, then filtered; a refresh from the bank syncs again.
        openTab("transactionsTab");
        TableView<TransactionRow> transactions = app.waitFor("#txnTable", 20);
        app.waitUntil("the synced transactions", 30, () -> !transactions.getItems().isEmpty());
        int all = transactions.getItems().size();
        String merchant = transactions.getItems().stream().map(TransactionRow::name).filter(java.util.Objects::nonNull)
                .findFirst().orElseThrow();
        app.typeInto("#txnSearch", merchant);
        app.waitUntil("the filter", 10, () -> !transactions.getItems().isEmpty() && transactions.getItems().size() < all
                && transactions.getItems().stream().allMatch(row -> mentions(row.name(), merchant)
                        || mentions(row.merchantName(), merchant) || mentions(row.categoryDetailed(), merchant)));
        app.clickOn("#transactionsRefresh");
        app.waitFor("#transactionsRefreshStatusDone", 20);
        app.screenshot("processor-6-transactions");

        // Transactions by date: /processor/transactions/get over a range, a page at a time.
        openTab("transactionsByDateTab");
        DatePicker start = app.waitFor("#byDateStart");
        app.onFx(() -> start.setValue(LocalDate.now().minusYears(2)));
        app.onFx(() -> app.lookup("#byDatePageSize").<Spinner<Integer>>query().getValueFactory().setValue(5));
        app.clickOn("#byDateGet");
        TableView<JsonNode> byDate = app.waitFor("#byDateTable", 20);
        Label summary = app.lookup("#byDateSummary").query();
        app.waitUntil("the first page", 20, () -> byDate.getItems().size() == 5 && summary.getText().startsWith("Transactions 1\u20135 of "));
        long total = Long.parseLong(summary.getText().replaceAll("^Transactions 1\u20135 of ([0-9,]+),.*$", "$1").replace(",", ""));
        assertThat(total).as("more than two pages").isGreaterThan(10);
        List<String> firstPage = byDate.getItems().stream().map(t -> t.path("transaction_id").asText()).toList();
        app.clickOn("#byDateNext");
        app.waitUntil("the second page", 20, () -> summary.getText().startsWith("Transactions 6\u201310 of "));
        assertThat(byDate.getItems()).extracting(t -> t.path("transaction_id").asText()).doesNotContainAnyElementsOf(firstPage);
        app.screenshot("processor-6b-transactions-by-date");
        app.clickOn("#byDatePrevious");
        app.waitUntil("the first page again", 20, () -> summary.getText().startsWith("Transactions 1\u20135 of "));
        assertThat(byDate.getItems()).extracting(t -> t.path("transaction_id").asText()).isEqualTo(firstPage);
        assertThat(app.lookup("#byDatePrevious").queryButton().isDisabled()).isTrue();

        openTab("recurringTab");
        app.waitUntil("the recurring streams", 20, () -> app.lookup("#recurringPane #recurringTable").tryQuery().isPresent()
                || app.lookup("#recurringPane .label").queryAll().stream().anyMatch(n -> ((Label) n).getText().contains("no recurring")));
        app.screenshot("processor-7-recurring");

        // Signal: evaluate, then report the decision and the return of that very debit.
        openTab("signalTab");
        TextField transactionId = app.lookup("#signalTransactionId").query();
        String evaluatedId = transactionId.getText();
        assertThat(evaluatedId).startsWith("tartan-").hasSizeLessThanOrEqualTo(36);
        app.typeInto("#signalAmount", "abc");
        app.clickOn("#signalEvaluate");
        Label invalid = app.waitFor("#signalResult #failureTitle", 10);
        assertThat(invalid.getText()).isEqualTo("Invalid input");
        app.typeInto("#signalAmount", "80");
        app.clickOn("#signalEvaluate");
        Label customerScore = app.waitFor("#customerRiskScore", 20);
        assertThat(Integer.parseInt(customerScore.getText())).isBetween(1, 99);
        assertThat(app.lookup("#bankRiskTier").queryAs(Label.class).getText()).matches("Tier [1-8] of 8");
        assertThat(app.lookup("#customerRiskTier").queryAs(Label.class).getText()).matches("Tier [1-5] of 5");
        assertThat(app.lookup("#bankRiskImplication").queryAs(Label.class).getText()).isNotBlank();
        assertThat(transactionId.getText()).isNotEqualTo(evaluatedId);
        assertThat(app.lookup("#decisionTransactionId").queryAs(TextField.class).getText()).isEqualTo(evaluatedId);
        assertThat(app.lookup("#returnTransactionId").queryAs(TextField.class).getText()).isEqualTo(evaluatedId);
        app.screenshot("processor-8-signal");

        app.clickOn(scrolledTo("#signalPrepare"));
        app.waitFor("#signalPrepareStatusDone", 20);
        ComboBox<String> outcome = app.lookup("#decisionOutcome").query();
        app.waitUntil("the decision outcomes", 10, () -> outcome.getItems().contains("APPROVE"));
        app.onFx(() -> outcome.setValue("APPROVE"));
        app.typeInto(scrolledTo("#decisionDaysOnHold"), "2");
        app.clickOn(scrolledTo("#decisionReport"));
        app.waitFor("#decisionStatusDone", 20);
        app.clickOn(scrolledTo("#returnReport"));
        Label returned = app.waitFor("#returnStatusDone", 20);
        assertThat(returned.getText()).contains("request_id");
        assertThat(app.lookup("#returnCodeMeaning").queryAs(Label.class).getText()).contains("Insufficient funds", "bank-initiated");
        app.screenshot("processor-9-signal-reports");

        // Webhook: set it, and Plaid acknowledges at the new URL.
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            openTab("webhookTab");
            app.waitFor("#webhookKnown");
            app.typeInto("#webhookUrl", receiver.url());
            app.clickOn("#webhookUpdate");
            app.waitFor("#webhookStatusDone", 20);
            Label current = app.waitFor("#webhookCurrent");
            assertThat(current.getText()).isEqualTo(receiver.url());
            WebhookReceiver.Received acknowledged = receiver.await(body -> body.contains("WEBHOOK_UPDATE_ACKNOWLEDGED"), Duration.ofSeconds(20));
            assertThat(acknowledged.bodyText()).contains("PROCESSOR_TOKEN", receiver.url());
            app.screenshot("processor-10-webhook");
        }

        // Raw JSON: every call made for this token.
        openTab("rawTab");
        ListView<CallRecord> calls = app.waitFor("#callLogList");
        assertThat(calls.getItems()).extracting(CallRecord::operation).contains("/processor/account/get", "/processor/balance/get",
                "/processor/auth/get", "/processor/identity/match", "/processor/transactions/sync", "/processor/transactions/get", "/processor/liabilities/get", "/processor/signal/evaluate",
                "/processor/signal/return/report", "/processor/token/webhook/update");
        app.onFx(() -> calls.getSelectionModel().select(0));
        app.screenshot("processor-11-raw-json");

        app.close();
        try (Vault vault = TestVaults.open(home)) {
            TokenEntry kept = vault.tokens().list(null).stream().filter(e -> e.kind() == TokenKind.PROCESSOR).findFirst().orElseThrow();
            assertThat(kept.ownerId()).isEqualTo(accounts.getItems().get(0).path("account_id").asText());
            assertThat(kept.label()).isEqualTo("dwolla \u00b7 Demo Item");
            List<AuditEntry> audit = vault.audit().recent(100);
            assertThat(audit).extracting(AuditEntry::action).contains("create processor token", "call /processor/token/create",
                    "call /processor/transactions/refresh", "call /processor/signal/evaluate", "call /processor/signal/prepare",
                    "call /processor/signal/decision/report", "call /processor/signal/return/report",
                    "call /processor/token/webhook/update");
            assertThat(audit).filteredOn(e -> e.action().startsWith("call /processor/signal/"))
                    .allSatisfy(e -> assertThat(e.requestId()).isNotBlank());
            assertThat(audit).flatExtracting(AuditEntry::targets).noneMatch(target -> target.contains(kept.value()));
        }
    }

    @Test
    void refusesWhatIsNotAProcessorTokenAndForgetsATokenOnlyWhenAsked() throws Exception {
        app.typeInto("#processorPaste", "access-sandbox-3b8f1c2e-5d4a-4e7b-9c1d-0a2b3c4d5e6f");
        app.clickOn("#processorAdd");
        Label problem = app.waitFor("#processorAddProblem");
        assertThat(problem.getText()).contains("That is an access token, not a processor token");
        assertThat(app.lookup("#processorPaste").queryAs(TextField.class).getText()).startsWith("access-sandbox-");
        app.screenshot("processor-12-paste-refused");
        app.typeInto("#processorPaste", "hello there");
        app.clickOn("#processorAdd");
        app.waitUntil("the second refusal", 10, () -> problem.getText() != null && problem.getText().startsWith("Not a processor token"));

        // A sandbox token, made here, removed after a confirmation, then pasted back.
        app.clickOn("#newProcessorToken").clickOn("#newSandboxToken");
        // The institution is picked by name; the token is made at the one picked.
        ComboBox<JsonNode> institution = app.waitFor("#sandboxInstitution");
        app.waitUntil("the institutions", 20, () -> institution.getValue() != null);
        assertThat(institution.getValue().path("institution_id").asText()).isEqualTo("ins_109508");
        JsonNode other = institution.getItems().stream()
                .filter(i -> !i.path("institution_id").asText().equals("ins_109508")).findFirst().orElseThrow();
        // Typed by its id, as for an institution beyond the list's first page; leaving the field takes it.
        app.clickOn(institution.getEditor());
        app.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        app.write(other.path("institution_id").asText());
        app.press(KeyCode.TAB).release(KeyCode.TAB);
        app.waitUntil("the typed institution", 10, () -> institution.getValue() != null
                && institution.getValue().path("institution_id").asText().equals(other.path("institution_id").asText()));
        app.screenshot("processor-12a-sandbox-token-dialog");
        app.clickOn("#sandboxTokenDialogGo");
        Label title = app.waitFor("#processorTitle", 20);
        app.waitUntil("the sandbox token", 20, () -> title.getText().startsWith("Sandbox"));
        Label facts = app.lookup("#processorFacts").query();
        app.waitUntil("the picked institution", 20, () -> facts.getText().contains(
                other.path("name").asText() + " (" + other.path("institution_id").asText() + ")"));
        app.clickOn("#processorReveal");
        Label value = app.lookup("#processorTokenValue").query();
        app.waitUntil("the whole token", 5, () -> !value.getText().contains("\u2022"));
        String token = value.getText();
        ListView<TokenRow> list = app.lookup("#processorTokens").query();
        assertThat(list.getItems()).hasSize(1);

        app.clickOn("#processorRemove");
        app.waitFor("#removeProcessorToken");
        app.screenshot("processor-13-remove-confirm");
        app.clickOn("Cancel");
        assertThat(list.getItems()).hasSize(1);
        app.clickOn("#processorRemove");
        app.waitFor("#removeProcessorToken");
        app.clickOn("Remove from the token book");
        app.waitUntil("the token to go", 10, () -> list.getItems().isEmpty());

        app.typeInto("#processorPaste", token);
        app.clickOn("#processorAdd");
        app.waitUntil("the pasted token", 10, () -> list.getItems().size() == 1);
        app.waitUntil("it to open", 10, () -> value.getText().startsWith("processor-sandbox-"));
        TableView<JsonNode> accounts = app.waitFor("#accountsTable", 30);
        app.waitUntil("its account", 20, () -> accounts.getItems().size() == 1);
        app.typeInto("#processorFilter", "no such token");
        app.waitUntil("the filter", 5, () -> list.getItems().isEmpty());
        app.typeInto("#processorFilter", other.path("institution_id").asText());
        app.waitUntil("the filter by institution_id", 5, () -> list.getItems().size() == 1);
        String nameWord = other.path("name").asText().split(" ")[0].toLowerCase(java.util.Locale.ROOT);
        app.typeInto("#processorFilter", nameWord);
        app.waitUntil("the filter by the institution's name", 5, () -> list.getItems().size() == 1);
        app.screenshot("processor-14-pasted");

        app.close();
        try (Vault vault = TestVaults.open(home)) {
            assertThat(vault.audit().recent(50)).extracting(AuditEntry::action)
                    .contains("create sandbox processor token", "token book remove", "token book add");
            assertThat(vault.tokens().byToken(token)).hasValueSatisfying(entry -> assertThat(entry.ownerId()).isNotBlank());
        }
    }

    private void createFromDemoItem(String accountName, String processor) {
        app.clickOn("#newProcessorToken").clickOn("#newFromItem");
        ComboBox<TokenEntry> item = app.waitFor("#processorTokenItem");
        app.waitUntil("the Items", 10, () -> !item.getItems().isEmpty());
        app.clickOn("#processorTokenItem").clickOn("Demo Item");
        ComboBox<JsonNode> account = app.lookup("#processorTokenAccount").query();
        app.waitUntil("its accounts", 20, () -> account.getItems().size() > 1);
        app.onFx(() -> account.setValue(account.getItems().stream()
                .filter(a -> a.path("name").asText().equals(accountName)).findFirst().orElseThrow()));
        ComboBox<String> processors = app.lookup("#processorTokenProcessor").query();
        app.waitUntil("the processors", 10, () -> processors.getItems().contains(processor));
        app.onFx(() -> processors.setValue(processor));
        app.screenshot("processor-0-new-from-item");
        app.clickOn("#processorTokenDialogGo");
    }

    /** Scrolls the scroll pane around the node so that it shows, as a user would; returns the query. */
    private String scrolledTo(String query) {
        Node node = app.lookup(query).query();
        app.onFx(() -> {
            for (Node parent = node.getParent(); parent != null; parent = parent.getParent()) {
                if (parent instanceof ScrollPane scroll) {
                    Node content = scroll.getContent();
                    double y = content.sceneToLocal(node.localToScene(node.getBoundsInLocal())).getMinY();
                    double room = content.getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
                    scroll.setVvalue(room <= 0 ? 0 : Math.min(1, Math.max(0, y - 40) / room));
                    return;
                }
            }
        });
        return query;
    }

    private void openTab(String id) {
        app.selectTab("#processorTabs", id);
    }

    private static boolean mentions(String text, String word) {
        return text != null && text.toLowerCase(java.util.Locale.ROOT).contains(word.toLowerCase(java.util.Locale.ROOT));
    }

    /** The texts of a table's visible cells. */
    private List<String> cellTexts(TableView<?> table) {
        return table.lookupAll(".table-cell").stream().map(n -> ((javafx.scene.control.Labeled) n).getText())
                .filter(text -> text != null).toList();
    }

    /** The first owner's name as the Identity tab shows it. */
    private String ownerName() {
        Label owner = app.lookup((Node node) -> node instanceof Label label && "Owner 1".equals(label.getText())).query();
        GridPane grid = (GridPane) owner.getParent();
        return grid.getChildren().stream().filter(n -> GridPane.getRowIndex(n) != null && GridPane.getRowIndex(n) == 0
                && GridPane.getColumnIndex(n) != null && GridPane.getColumnIndex(n) == 1)
                .map(n -> ((Label) n).getText()).findFirst().orElseThrow();
    }
}
