package dev.tartan.ui.assets;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tartan.model.AssetReportDigest;
import dev.tartan.model.AuditEntry;
import dev.tartan.model.TokenEntry;
import dev.tartan.model.TokenKind;
import dev.tartan.model.TransactionRow;
import dev.tartan.store.Vault;
import dev.tartan.ui.TartanAppFixture;
import dev.tartan.ui.TestVaults;
import dev.tartan.ui.common.TokenRow;
import dev.tartan.ui.shell.Theme;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.controlsfx.control.CheckComboBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.matcher.control.LabeledMatchers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** The Assets pane against the built-in emulator, driven the way a lender's support engineer drives it. */
class AssetsPaneTest {

    @TempDir
    Path home;
    TartanAppFixture app;

    @BeforeEach
    void start() throws Exception {
        TestVaults.create(home);
        app = new TartanAppFixture(home).startUnlocked();
        app.waitFor("#mainWindow", 60);
        Label path = app.waitFor("#operationPath", 30);
        app.waitUntil("the demo call", 20, () -> "/accounts/get".equals(path.getText()));
    }

    @AfterEach
    void close() throws Exception {
        app.close();
        app.onFx(() -> Theme.apply(false));
    }

    @Test
    void aReportOfTwoItemsWaitsBecomesReadyMatchesTheItemsAndIsFilteredRefreshedCopiedAndRemoved() throws Exception {
        // Two Items with the assets product, made in the Items pane; their accounts as the Items pane shows them.
        app.openPane("Items");
        app.waitFor("#itemList");
        Map<String, Double> itemBalances = new HashMap<>();
        itemBalances.putAll(createAssetsItem("Platypus checking"));
        itemBalances.putAll(createAssetsItem("Platypus savings"));

        app.openPane("Assets");
        app.waitFor("#assetsPane");
        app.screenshot("assets-0-empty");

        // New report: both Items, an applicant.
        app.clickOn("#newAssetReport");
        app.waitFor("#newReportDialog");
        ListView<TokenEntry> items = app.lookup("#newReportItems").query();
        app.waitUntil("the token book's Items", 20, () -> items.getItems().size() >= 3);
        // The report's webhooks go to Tartan's own inbox unless the user says otherwise.
        assertThat(app.lookup("#newReportWebhook").<TextField>query().getText()).matches("http://127\\.0\\.0\\.1:\\d+/.*");
        assertThat(app.lookup(LabeledMatchers.hasText("Tartan's webhook inbox hears when the report is ready (and asks Plaid now and then as well).")).tryQuery()).isPresent();
        tick("Platypus checking");
        tick("Platypus savings");
        app.typeInto("#applicantFirstName", "Alberta");
        app.typeInto("#applicantLastName", "Charleson");
        app.typeInto("#newReportClientId", "loan-4711");
        Label chosen = app.lookup("#newReportChosen").query();
        app.waitUntil("two Items ticked", 5, () -> chosen.getText().startsWith("2 of"));
        app.screenshot("assets-1-new-report-dialog");
        app.clickOn("#newReportDialogGo");

        // It waits, with the time it has waited, then becomes ready (the webhook, or a poll, tells).
        Label status = app.waitFor("#assetStatus", 30);
        Label title = app.lookup("#assetTitle").query();
        app.waitUntil("the new report open", 10, () -> "Alberta Charleson".equals(title.getText()));
        app.waitUntil("waiting", 10, () -> "waiting".equals(status.getText()));
        Label waiting = app.lookup("#assetWaiting").query();
        app.waitUntil("the time waited", 5, () -> waiting.getText().matches("Plaid is generating this report: waiting 0:0\\d.*"));
        ListView<TokenRow> list = app.lookup("#assetReports").query();
        assertThat(cellTexts("#assetCellStatus")).contains("waiting");
        assertThat(cellTexts("#assetCellItems")).anyMatch(text -> text.startsWith("2 Items: Platypus checking, Platypus savings \u00b7 60 days"));
        app.screenshot("assets-2-waiting");
        app.waitUntil("ready", 40, () -> "ready".equals(status.getText()));
        app.waitUntil("the list says ready", 10, () -> cellTexts("#assetCellStatus").contains("ready"));

        // Its accounts and balances are the Items' own.
        TableView<AssetReportDigest.AccountSummary> accounts = app.waitFor("#assetAccounts", 20);
        app.waitUntil("the accounts", 20, () -> !accounts.getItems().isEmpty());
        Map<String, Double> reportBalances = new HashMap<>();
        accounts.getItems().forEach(account -> reportBalances.put(account.accountId(), account.current()));
        assertThat(reportBalances).isEqualTo(itemBalances);
        Label facts = app.lookup("#assetFacts").query();
        assertThat(facts.getText()).contains("client_report_id loan-4711").contains("60 days");
        app.screenshot("assets-3-summary");

        // The chart draws a line per account with daily balances.
        app.selectTab("#assetTabs", "balancesTab");
        LineChart<?, ?> chart = app.waitFor("#balanceChart", 10);
        long withHistory = accounts.getItems().stream().filter(account -> !account.balances().isEmpty()).count();
        assertThat(withHistory).isPositive();
        app.waitUntil("a line per account", 10, () -> chart.getData().size() == withHistory
                && chart.getData().stream().allMatch(series -> !series.getData().isEmpty()));
        app.screenshot("assets-4-balances-chart");

        // Transactions: the shared panel, filtered by account.
        app.selectTab("#assetTabs", "assetTransactionsTab");
        TableView<TransactionRow> transactions = app.waitFor("#txnTable", 10);
        app.waitUntil("the report's transactions", 10, () -> !transactions.getItems().isEmpty());
        int all = transactions.getItems().size();
        assertThat(app.lookup("#txnSync").queryAs(Button.class).isVisible()).as("nothing to sync in a report").isFalse();
        ComboBox<String> account = app.lookup("#txnAccount").query();
        String busy = transactions.getItems().get(0).accountId();
        app.onFx(() -> account.setValue(busy));
        app.waitUntil("one account's transactions", 10, () -> transactions.getItems().size() < all
                && transactions.getItems().stream().allMatch(row -> row.accountId().equals(busy)));
        app.screenshot("assets-5-transactions");

        // Owners, then insights (read when the tab is shown).
        app.selectTab("#assetTabs", "ownersTab");
        app.waitFor("#ownerName", 10);
        app.selectTab("#assetTabs", "insightsTab");
        TableView<?> categories = app.waitFor("#insightsCategories", 20);
        app.waitUntil("categories", 20, () -> !categories.getItems().isEmpty());
        app.screenshot("assets-6-insights");

        // The PDF, rendered in the app; its text has an account's mask and balance.
        app.selectTab("#assetTabs", "pdfTab");
        ImageView page = app.waitFor("#pdfPage", 30);
        app.waitUntil("the first page", 30, () -> page.getImage() != null && page.getImage().getWidth() > 400);
        Label pageNumber = app.lookup("#pdfPageNumber").query();
        assertThat(pageNumber.getText()).startsWith("Page 1 of ");
        app.screenshot("assets-7-pdf");
        double width = page.getImage().getWidth();
        app.clickOn("#pdfZoomIn");
        app.waitUntil("zoomed in", 10, () -> page.getImage().getWidth() > width * 1.2);
        if (!pageNumber.getText().equals("Page 1 of 1")) {
            app.clickOn("#pdfNext");
            app.waitUntil("the second page", 10, () -> pageNumber.getText().startsWith("Page 2 of "));
        }
        AssetReportDigest.AccountSummary checking = accounts.getItems().stream().filter(a -> "checking".equals(a.subtype()))
                .findFirst().orElseThrow();
        try (var files = Files.list(home.resolve("downloads"))) {
            Path pdf = files.filter(file -> file.getFileName().toString().startsWith("asset-report-")).findFirst().orElseThrow();
            try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
                String text = new PDFTextStripper().getText(document);
                assertThat(text).contains(checking.mask()).contains(String.format(Locale.US, "%,.2f", checking.current()));
            }
        }
        String original = list.getSelectionModel().getSelectedItem().entry().value();

        // Filter an account out: a new report without it, linked to this one.
        app.clickOn("#assetFilterAccounts");
        app.waitFor("#filterDialog");
        app.clickOn("#exclude-" + checking.accountId());
        app.clickOn("#filterDialogGo");
        app.waitUntil("the filtered report open", 20, () -> !list.getSelectionModel().getSelectedItem().entry().value().equals(original));
        app.waitUntil("the filtered report ready", 40, () -> "ready".equals(status.getText()));
        app.selectTab("#assetTabs", "summaryTab");
        TableView<AssetReportDigest.AccountSummary> filtered = app.waitFor("#assetAccounts", 20);
        app.waitUntil("its accounts", 20, () -> !filtered.getItems().isEmpty()
                && filtered.getItems().stream().noneMatch(a -> a.accountId().equals(checking.accountId())));
        assertThat(filtered.getItems()).hasSize(reportBalances.size() - 1);
        Label here = app.lookup("#assetChainHere").query();
        assertThat(here.getText()).startsWith("filtered");
        app.screenshot("assets-8-filtered");

        // Refresh it: a third report over the same Items, further down the chain.
        String filteredToken = list.getSelectionModel().getSelectedItem().entry().value();
        app.clickOn("#assetRefresh");
        app.waitFor("#refreshDialog");
        app.clickOn("#refreshDialogGo");
        app.waitUntil("the refreshed report open", 20, () -> !list.getSelectionModel().getSelectedItem().entry().value().equals(filteredToken));
        app.waitUntil("the refreshed report ready", 40, () -> "ready".equals(status.getText()));
        app.waitUntil("the chain of three", 10, () -> app.lookup("#assetChain .hyperlink").queryAll().size() == 2
                && app.lookup("#assetChainHere").queryAs(Label.class).getText().startsWith("refreshed"));

        // An audit copy for Fannie Mae, read as the auditor reads it.
        app.selectTab("#assetTabs", "auditCopiesTab");
        app.clickOn("#auditCopyCreate");
        app.waitFor("#auditCopyDialog");
        app.clickOn("#auditCopyDialogGo");
        TableView<TokenEntry> copies = app.waitFor("#auditCopyTable", 20);
        app.waitUntil("the audit copy", 20, () -> copies.getItems().size() == 1);
        app.waitUntil("the copy read", 20, () -> app.lookup("#auditCopyPane #assetAccounts").tryQuery()
                .map(table -> !((TableView<?>) table).getItems().isEmpty()).orElse(false));
        TableView<AssetReportDigest.AccountSummary> copyAccounts = app.lookup("#auditCopyPane #assetAccounts").query();
        assertThat(copyAccounts.getItems()).extracting(AssetReportDigest.AccountSummary::accountId)
                .doesNotContain(checking.accountId()); // a refresh of the filtered report keeps the account out
        app.screenshot("assets-9-audit-copy");

        // Remove it: confirmed, and later calls are refused with Plaid's error shown.
        app.clickOn("#assetRemove");
        app.waitFor("#confirmDestructive");
        app.clickOn(app.lookup("#confirmDestructive .button").match((Predicate<Node>) n -> n instanceof Button b
                && "Go ahead".equals(b.getText())).<Node>query());
        app.waitUntil("removed", 20, () -> "removed".equals(status.getText()));
        app.selectTab("#assetTabs", "summaryTab");
        Label failure = app.waitFor("#summaryPane #failureTitle", 20);
        assertThat(failure.getText()).isEqualTo("INVALID_ASSET_REPORT_TOKEN");
        app.waitUntil("the copy marked removed", 10, () -> copies.getItems().stream()
                .allMatch(copy -> dev.tartan.model.AuditCopyFacts.of(copy).removed()));
        app.screenshot("assets-10-removed");

        // Dark: the list with its three reports, and the original's chart.
        app.clickOn("#themeToggle");
        app.waitUntil("the dark theme", 10, () -> Application.getUserAgentStylesheet().contains("dark"));
        app.onFx(() -> list.getSelectionModel().select(list.getItems().stream()
                .filter(row -> row.entry().value().equals(original)).findFirst().orElseThrow()));
        app.waitUntil("the original open", 20, () -> "ready".equals(status.getText()));
        app.selectTab("#assetTabs", "balancesTab");
        LineChart<?, ?> darkChart = app.waitFor("#balanceChart", 10);
        app.waitUntil("its lines", 20, () -> darkChart.getData().size() == withHistory);
        app.screenshot("assets-11-dark-chart");
        app.selectTab("#assetTabs", "pdfTab");
        ImageView darkPage = app.waitFor("#pdfPage", 30);
        app.waitUntil("the page", 30, () -> darkPage.getImage() != null);
        app.screenshot("assets-12-dark-pdf");

        app.close();
        try (Vault vault = TestVaults.open(home)) {
            assertThat(vault.audit().recent(100)).extracting(AuditEntry::action).contains("create asset report", "filter asset report",
                    "refresh asset report", "create audit copy", "remove asset report");
            assertThat(vault.tokens().list(null)).filteredOn(entry -> entry.kind() == TokenKind.ASSET_REPORT).hasSize(3);
        }
    }

    @Test
    void ctrlKOpensAReportByItsTokenAndAPastedTokenPlaidDoesNotKnowIsRefused() throws Exception {
        app.openPane("Items");
        app.waitFor("#itemList");
        createAssetsItem("Only bank");
        app.openPane("Assets");
        app.waitFor("#assetsPane");
        app.clickOn("#newAssetReport");
        app.waitFor("#newReportDialog");
        ListView<TokenEntry> items = app.lookup("#newReportItems").query();
        app.waitUntil("the token book's Items", 20, () -> items.getItems().size() >= 2);
        tick("Only bank");
        app.clickOn("#newReportDialogGo");
        Label status = app.waitFor("#assetStatus", 30);
        app.waitUntil("ready", 40, () -> "ready".equals(status.getText()));
        ListView<TokenRow> list = app.lookup("#assetReports").query();
        String token = list.getSelectionModel().getSelectedItem().entry().value();

        // Forget it (the token book only), then Ctrl+K with its token: back in the book, read from Plaid.
        app.clickOn("#assetMore").clickOn("#assetForget");
        app.waitFor("#forgetAssetReport");
        app.clickOn(app.lookup("#forgetAssetReport .button").match((Predicate<Node>) n -> n instanceof Button b
                && "Forget".equals(b.getText())).<Node>query());
        app.waitUntil("forgotten", 10, () -> list.getItems().isEmpty());
        app.openPane("API console");
        app.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        app.waitFor("#omniboxField");
        app.write(token);
        Label kind = app.lookup("#omniboxKind").queryAs(Label.class);
        app.waitUntil("an asset report token", 10, () -> "Asset report token".equals(kind.getText()));
        app.waitUntil("the Assets pane offered", 10, () -> !app.lookup("#omniboxResults").queryListView().getItems().isEmpty());
        app.screenshot("assets-13-omnibox");
        app.press(KeyCode.ENTER).release(KeyCode.ENTER);
        app.waitUntil("the report back in the list, open", 20, () -> list.getItems().size() == 1
                && list.getSelectionModel().getSelectedItem() != null);
        Label title = app.lookup("#assetTitle").query();
        app.waitUntil("its applicant learnt from the report", 20, () -> "ready".equals(status.getText()));
        assertThat(cellTexts("#assetCellMade")).anyMatch(text -> text.startsWith("pasted"));
        assertThat(title.getText()).isNotBlank();

        // A token Plaid never issued is refused, and not kept.
        app.typeInto("#assetPaste", "assets-sandbox-00000000-0000-0000-0000-000000000000");
        app.clickOn("#assetAdd");
        Label problem = app.waitFor("#assetAddProblem", 20);
        assertThat(problem.getText()).contains("INVALID_ASSET_REPORT_TOKEN");
        assertThat(list.getItems()).hasSize(1);
        app.typeInto("#assetPaste", "access-sandbox-12345678-aaaa");
        app.clickOn("#assetAdd");
        app.waitUntil("refused by shape", 10, () -> problem.getText().contains("not an asset report or audit copy token"));
        app.screenshot("assets-14-paste-refused");
    }

    /** Creates a sandbox Item with the assets product in the Items pane; returns its accounts' current balances by account_id. */
    private Map<String, Double> createAssetsItem(String label) {
        app.clickOn("#addItemMenu").clickOn("#createSandboxItem");
        app.waitFor("#createSandboxItemDialog");
        ComboBox<JsonNode> institution = app.lookup("#sandboxInstitution").query();
        app.waitUntil("institutions", 20, () -> institution.getValue() != null);
        CheckComboBox<String> products = app.lookup("#sandboxProducts").query();
        app.waitUntil("the products", 20, () -> products.getItems().contains("assets"));
        app.onFx(() -> products.getCheckModel().check("assets"));
        app.clickOn("#sandboxLabel").write(label);
        app.clickOn("#createSandboxItemDialogGo");
        Label title = app.waitFor("#itemTitle", 30);
        app.waitUntil("the new Item open", 20, () -> label.equals(title.getText()));
        app.selectTab("#itemTabs", "tabAccounts");
        TableView<JsonNode> accounts = app.waitFor("#accountsTable", 20);
        app.waitUntil("its accounts", 20, () -> !accounts.getItems().isEmpty()
                && accounts.getItems().stream().allMatch(a -> a.path("balances").has("current")));
        Map<String, Double> balances = new HashMap<>();
        accounts.getItems().forEach(a -> balances.put(a.path("account_id").asText(),
                a.path("balances").path("current").isNumber() ? a.path("balances").path("current").asDouble() : null));
        return balances;
    }

    /** Ticks the Item labelled {@code label} in the New report dialog. */
    private void tick(String label) {
        CheckBox box = app.lookup("#newReportItems .list-cell").match((Predicate<Node>) node -> node instanceof ListCell<?> cell
                && cell.getText() != null && cell.getText().startsWith(label)).<ListCell<?>>query().getGraphic() instanceof CheckBox c ? c : null;
        assertThat(box).as("the check box of " + label).isNotNull();
        app.clickOn(box);
        app.waitUntil(label + " ticked", 5, box::isSelected);
    }

    /** The texts of the list's labels with this id. */
    private List<String> cellTexts(String id) {
        List<String> texts = new ArrayList<>();
        app.lookup("#assetReports " + id).queryAllAs(Label.class).forEach(label -> texts.add(label.getText()));
        return texts;
    }
}
