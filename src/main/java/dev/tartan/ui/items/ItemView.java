package dev.tartan.ui.items;

import dev.tartan.ui.common.Fixes;
import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tartan.model.FixAction;
import dev.tartan.model.PaneTarget;
import dev.tartan.model.TokenEntry;
import dev.tartan.ui.common.Clipboards;
import dev.tartan.ui.common.FailureView;
import dev.tartan.ui.common.FxAsync;
import dev.tartan.ui.common.Navigator;
import dev.tartan.ui.common.NarrowLayout;
import dev.tartan.ui.common.ProductionGuard;
import dev.tartan.ui.common.data.AccountsTable;
import dev.tartan.ui.common.data.AuthNumbersView;
import dev.tartan.ui.common.data.CallLogView;
import dev.tartan.ui.common.data.DataPane;
import dev.tartan.ui.common.data.Formats;
import dev.tartan.ui.common.data.IdentityView;
import dev.tartan.ui.common.data.InvestmentTables;
import dev.tartan.ui.common.data.JsonTable;
import dev.tartan.ui.common.data.LiabilitiesView;
import dev.tartan.ui.common.data.RecurringStreamsTable;
import dev.tartan.ui.common.data.TransactionsPanel;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * One Item: its health first (an error explained, with the fix), then its details and a tab per
 * product, and the actions support staff take on it.
 */
final class ItemView extends BorderPane {

    private final ItemViewModel model;
    private final Navigator navigator;
    private final Supplier<CompletableFuture<List<String>>> webhookCodes;
    private final Label title = new Label();
    private final Label itemId = new Label();
    private final Label status = new Label();
    private final Fixes fixes;
    private final FailureView itemError;
    private final FailureView actionFailure;
    private final GridPane details = new GridPane();
    private final TextField webhook = new TextField();
    private final TabPane tabs = new TabPane();

    ItemView(ItemViewModel model, Navigator navigator, Supplier<CompletableFuture<List<String>>> webhookCodes) {
        this.model = model;
        this.navigator = navigator;
        this.webhookCodes = webhookCodes;
        this.fixes = Fixes.retry(() -> model.open(model.profileProperty().get(), model.itemProperty().get()))
                .with(FixAction.CREATE_UPDATE_MODE_LINK_TOKEN, this::createUpdateModeLinkToken)
                .with(FixAction.RESTART_SYNC, () -> model.transactions().sync());
        this.itemError = new FailureView(fixes, navigator::openLink);
        this.actionFailure = new FailureView(fixes, navigator::openLink);
        setId("itemView");
        getStyleClass().add("item-view");

        VBox top = new VBox(8, header(), notices());
        top.setPadding(new Insets(12, 14, 6, 14));
        setTop(top);
        setCenter(tabs(new TransactionsPanel(model.transactions(), fixes, navigator::openLink)));

        model.itemProperty().addListener((obs, old, entry) -> showHeader(entry));
        model.overviewProperty().addListener((obs, old, state) -> {
            if (state != null && state.hasData()) {
                showDetails(state.data());
            }
        });
        // Built when the first Item opens: show what the model already holds.
        showHeader(model.itemProperty().get());
        if (model.overviewProperty().get() != null && model.overviewProperty().get().hasData()) {
            showDetails(model.overviewProperty().get().data());
        }
        itemError.show(model.itemErrorProperty().get());
        actionFailure.show(model.actionFailureProperty().get());
    }

    // --- header and actions -------------------------------------------------------------------

    private Node header() {
        title.setId("itemTitle");
        title.getStyleClass().add(Styles.TITLE_3);
        itemId.setId("itemId");
        itemId.getStyleClass().addAll("mono", Styles.TEXT_MUTED);
        Button copyId = FailureView.copyButton("");
        copyId.setOnAction(e -> Clipboards.copy(itemId.getText()));
        status.setId("itemStatus");
        model.itemErrorProperty().addListener((obs, old, error) -> showStatus());
        model.overviewProperty().addListener((obs, old, state) -> showStatus());

        Button reload = new Button(null, new FontIcon(Material2MZ.REFRESH));
        reload.setId("reloadItem");
        reload.getStyleClass().add(Styles.BUTTON_ICON);
        reload.setTooltip(new Tooltip("Load everything again"));
        reload.setOnAction(e -> model.open(model.profileProperty().get(), model.itemProperty().get()));

        MenuButton actions = new MenuButton("Actions", new FontIcon(Material2OutlinedAL.BUILD));
        actions.setId("itemActions");
        actions.setTooltip(new Tooltip("What support staff do to an Item: webhooks, login reset, rotation, removal"));
        actions.getItems().addAll(
                action("Refresh transactions", "actionRefreshTransactions", Material2MZ.SYNC, model::refreshTransactions),
                action("Real-time balance", "actionBalance", Material2OutlinedAL.ACCOUNT_BALANCE, model::refreshBalance),
                action("Create an update-mode Link token", "actionUpdateMode", Material2OutlinedAL.LINK, this::createUpdateModeLinkToken),
                action("Create a processor token\u2026", "actionProcessorToken", Material2MZ.VPN_KEY, this::createProcessorToken),
                new SeparatorMenuItem(),
                action("Fire a sandbox webhook\u2026", "actionFireWebhook", Material2OutlinedMZ.SEND, this::fireWebhook),
                action("Reset login (sandbox)", "actionResetLogin", Material2OutlinedAL.LOCK, model::resetLogin),
                new SeparatorMenuItem(),
                action("Rotate the access token\u2026", "actionRotate", Material2MZ.VPN_KEY, this::rotate),
                action("Remove the Item\u2026", "actionRemove", Material2OutlinedAL.DELETE, this::remove));
        model.profileProperty().addListener((obs, old, profile) -> {
            boolean production = profile != null && profile.environment().isProduction();
            actions.getItems().stream().filter(item -> "actionFireWebhook".equals(item.getId()) || "actionResetLogin".equals(item.getId()))
                    .forEach(item -> item.setDisable(production));
        });

        HBox row = new HBox(8, title, status, new Spacer(), reload, actions);
        row.setAlignment(Pos.CENTER_LEFT);
        // In a narrow window the Item's name gives way last but one: the status and the buttons stay whole.
        for (Region whole : List.of(status, reload, actions)) {
            whole.setMinWidth(Region.USE_PREF_SIZE);
        }
        NarrowLayout.iconsOnlyWhenCrowded(row, List.of(actions), title.textProperty(), status.textProperty());
        Label idLabel = new Label("item_id");
        idLabel.setMinWidth(Region.USE_PREF_SIZE);
        HBox idRow = new HBox(4, idLabel, itemId, copyId);
        idRow.setAlignment(Pos.CENTER_LEFT);
        idLabel.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        return new VBox(2, row, idRow);
    }

    private static MenuItem action(String text, String id, org.kordamp.ikonli.Ikon icon, Runnable run) {
        MenuItem item = new MenuItem(text, new FontIcon(icon));
        item.setId(id);
        item.setOnAction(e -> run.run());
        return item;
    }

    private void showHeader(TokenEntry entry) {
        if (entry == null) {
            return;
        }
        title.setText(entry.label() != null ? entry.label() : entry.institution() != null ? entry.institution() : "Item");
        itemId.setText(entry.ownerId() == null ? "\u2014" : entry.ownerId());
        details.getChildren().clear();
        webhook.clear();
        showStatus();
    }

    private void showStatus() {
        status.getStyleClass().removeAll("status-ok", "status-error", "status-unknown");
        if (model.itemErrorProperty().get() != null) {
            status.setText(model.itemErrorProperty().get().errorCode());
            status.getStyleClass().addAll("status-chip", "status-error");
        } else if (model.itemReply() != null) {
            status.setText("healthy");
            status.getStyleClass().addAll("status-chip", "status-ok");
        } else {
            status.setText("checking\u2026");
            status.getStyleClass().addAll("status-chip", "status-unknown");
        }
    }

    private Node notices() {
        Label notice = new Label(null, new FontIcon(Material2OutlinedAL.INFO));
        notice.setId("itemNotice");
        notice.setWrapText(true);
        notice.textProperty().bind(model.noticeProperty());
        notice.visibleProperty().bind(model.noticeProperty().isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());
        actionFailure.setId("itemActionFailure");
        actionFailure.visibleProperty().bind(model.actionFailureProperty().isNotNull());
        actionFailure.managedProperty().bind(actionFailure.visibleProperty());
        actionFailure.getStyleClass().add("inline-failure");
        model.actionFailureProperty().addListener((obs, old, report) -> actionFailure.show(report));
        return new VBox(6, notice, actionFailure);
    }

    private Node statusPanel() {
        itemError.setId("itemError");
        itemError.getStyleClass().add("inline-failure");
        itemError.visibleProperty().bind(model.itemErrorProperty().isNotNull());
        itemError.managedProperty().bind(itemError.visibleProperty());
        model.itemErrorProperty().addListener((obs, old, report) -> itemError.show(report));
        return itemError;
    }

    /** The Overview tab: the Item's health first (an error explained, with its fix), then its details. */
    private Node overview() {
        details.setId("itemDetails");
        details.setHgap(14);
        details.setVgap(6);
        // Names as wide as they are; values take the rest and wrap (a long product list in a narrow window).
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        values.setMinWidth(0);
        details.getColumnConstraints().setAll(names, values);
        DataPane overviewPane = pane(new VBox(12, statusPanel(), details));
        overviewPane.bind(model.overviewProperty(), reply -> { });
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(overviewPane);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private void showDetails(JsonNode reply) {
        JsonNode item = reply.path("item");
        JsonNode status = reply.path("status");
        TokenEntry entry = model.itemProperty().get();
        if (entry != null && entry.label() == null && item.path("institution_name").isTextual()) {
            title.setText(item.path("institution_name").asText());
        }
        details.getChildren().clear();
        int row = 0;
        row = detail(row, "Institution", Formats.text(item.path("institution_name")) + "  (" + Formats.text(item.path("institution_id")) + ")");
        row = detail(row, "Products", "billed " + list(item.path("billed_products")) + " \u00b7 available " + list(item.path("available_products")));
        row = detail(row, "Consented", list(item.path("consented_products")));
        row = detail(row, "Consent expires", Formats.text(item.path("consent_expiration_time")));
        row = detail(row, "Update type", Formats.text(item.path("update_type")));
        row = detail(row, "Last transactions update",
                Formats.text(status.path("transactions").path("last_successful_update"))
                        + (status.path("transactions").hasNonNull("last_failed_update")
                        ? "  (last failed " + status.path("transactions").path("last_failed_update").asText() + ")" : ""));
        webhook.setText(item.path("webhook").isTextual() ? item.path("webhook").asText() : "");
        webhook.setId("itemWebhook");
        webhook.setPromptText("https://example.com/plaid-webhooks");
        webhook.setPrefColumnCount(36);
        Button save = new Button("Update", new FontIcon(Material2MZ.SAVE));
        save.setId("saveWebhook");
        save.getStyleClass().add(Styles.SMALL);
        save.setOnAction(e -> model.updateWebhook(webhook.getText().strip()));
        save.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox webhookRow = new HBox(6, webhook, save);
        webhookRow.setAlignment(Pos.CENTER_LEFT);
        Label key = new Label("Webhook");
        key.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        key.getStyleClass().add(Styles.TEXT_MUTED);
        details.addRow(row, key, webhookRow);
    }

    private int detail(int row, String name, String value) {
        Label key = new Label(name);
        key.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        key.getStyleClass().add(Styles.TEXT_MUTED);
        Label text = new Label(value);
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        GridPane.setValignment(key, VPos.TOP);
        details.addRow(row, key, text);
        return row + 1;
    }

    private static String list(JsonNode array) {
        if (array == null || !array.isArray() || array.isEmpty()) {
            return "\u2014";
        }
        StringBuilder text = new StringBuilder();
        array.forEach(value -> text.append(text.length() == 0 ? "" : ", ").append(value.asText()));
        return text.toString();
    }

    // --- tabs ---------------------------------------------------------------------------------

    private Node tabs(Node transactionsTab) {
        AccountsTable accounts = new AccountsTable();
        DataPane accountsPane = pane(accounts);
        accountsPane.bind(model.accountsProperty(), reply -> {
            accounts.show(reply.path("accounts"));
            accounts.fitColumnsToContent();
        });
        Button balance = new Button("Real-time balance", new FontIcon(Material2OutlinedAL.ACCOUNT_BALANCE));
        balance.setId("realTimeBalance");
        balance.getStyleClass().add(Styles.SMALL);
        balance.setTooltip(new Tooltip("/accounts/balance/get: asks the institution now (slower, rate-limited)"));
        balance.setOnAction(e -> model.refreshBalance());
        VBox accountsBox = new VBox(6, balance, accountsPane);
        VBox.setVgrow(accountsPane, Priority.ALWAYS);

        IdentityView identity = new IdentityView();
        DataPane identityPane = pane(identity);
        identityPane.bind(model.identityProperty(), reply -> identity.show(reply.path("accounts")));

        AuthNumbersView auth = new AuthNumbersView();
        DataPane authPane = pane(auth);
        authPane.bind(model.authProperty(), reply -> auth.show(reply.path("numbers"), reply.path("accounts")));

        JsonTable holdings = InvestmentTables.holdings();
        DataPane holdingsPane = pane(holdings);
        holdingsPane.bind(model.holdingsProperty(), reply -> {
            InvestmentTables.showHoldings(holdings, reply);
            holdings.fitColumnsToContent();
        });
        JsonTable investmentTransactions = InvestmentTables.transactions();
        DataPane investmentTransactionsPane = pane(investmentTransactions);
        investmentTransactionsPane.bind(model.investmentTransactionsProperty(), reply -> {
            InvestmentTables.showTransactions(investmentTransactions, reply);
            investmentTransactions.fitColumnsToContent();
        });
        VBox investmentsBox = new VBox(8, heading("Holdings"), holdingsPane, heading("Investment transactions"), investmentTransactionsPane);
        VBox.setVgrow(holdingsPane, Priority.ALWAYS);
        VBox.setVgrow(investmentTransactionsPane, Priority.ALWAYS);

        LiabilitiesView liabilities = new LiabilitiesView();
        DataPane liabilitiesPane = pane(liabilities);
        liabilitiesPane.bind(model.liabilitiesProperty(), reply -> liabilities.show(reply.path("liabilities"), reply.path("accounts")));

        RecurringStreamsTable recurring = new RecurringStreamsTable();
        DataPane recurringPane = pane(recurring);
        recurringPane.bind(model.recurringProperty(), reply -> {
            recurring.showStreams(reply);
            recurring.fitColumnsToContent();
        });

        tabs.getTabs().addAll(
                tab("Overview", "tabOverview", overview()),
                tab("Accounts", "tabAccounts", accountsBox),
                tab("Transactions", "tabTransactions", transactionsTab),
                tab("Identity", "tabIdentity", identityPane),
                tab("Auth", "tabAuth", authPane),
                tab("Investments", "tabInvestments", investmentsBox),
                tab("Liabilities", "tabLiabilities", liabilitiesPane),
                tab("Recurring", "tabRecurring", recurringPane),
                tab("Raw JSON", "tabRaw", new CallLogView(model.calls())));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("itemTabs");
        return tabs;
    }

    private static Label heading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.TEXT_BOLD);
        return label;
    }

    private DataPane pane(Node content) {
        DataPane pane = new DataPane(content, fixes, navigator::openLink);
        pane.setPadding(new Insets(6, 8, 8, 8));
        return pane;
    }

    private static Tab tab(String text, String id, Node content) {
        Tab tab = new Tab(text, content);
        tab.setId(id);
        return tab;
    }

    // --- actions that ask first ----------------------------------------------------------------

    private void fireWebhook() {
        FxAsync.whenDone(webhookCodes.get(), codes -> {
            ChoiceDialog<String> choose = new ChoiceDialog<>(codes.contains("DEFAULT_UPDATE") ? "DEFAULT_UPDATE" : codes.get(0), codes);
            choose.initOwner(getScene().getWindow());
            choose.setTitle("Fire a sandbox webhook");
            choose.setHeaderText("Plaid will send this webhook to the Item's webhook URL");
            choose.getDialogPane().setId("webhookCodeDialog");
            choose.showAndWait().ifPresent(model::fireWebhook);
        }, error -> model.noticeProperty().set("Could not list the webhook codes: " + error.getMessage()));
    }

    private void createProcessorToken() {
        JsonNode accounts = model.accountsProperty().get() != null && model.accountsProperty().get().hasData()
                ? model.accountsProperty().get().data().path("accounts") : null;
        if (accounts == null || accounts.isEmpty()) {
            model.noticeProperty().set("The Item's accounts are not loaded yet: a processor token is made for one account.");
            return;
        }
        FxAsync.whenDone(model.processors(), processors -> new ProcessorTokenDialog(getScene().getWindow(), accounts, processors)
                .showAndWait()
                .ifPresent(choice -> model.createProcessorToken(choice.accountId(), choice.processor(), choice.label(),
                        created -> navigator.openInPane(new PaneTarget(PaneTarget.Kind.PROCESSOR_TOKEN, created.value(),
                                "Open the new processor token")))),
                error -> model.noticeProperty().set("Could not list the processors: " + error.getMessage()));
    }

    private void rotate() {
        TokenEntry entry = model.itemProperty().get();
        if (entry != null && ProductionGuard.allowDestructive(getScene().getWindow(), model.profileProperty().get(),
                "Rotate the access token of " + title.getText(), entry.ownerId())) {
            model.rotateAccessToken();
        }
    }

    private void remove() {
        TokenEntry entry = model.itemProperty().get();
        if (entry != null && ProductionGuard.allowDestructive(getScene().getWindow(), model.profileProperty().get(),
                "Remove the Item " + title.getText(), entry.ownerId())) {
            model.remove();
        }
    }

    private void createUpdateModeLinkToken() {
        model.createUpdateModeLinkToken(link -> {
            Alert shown = new Alert(Alert.AlertType.INFORMATION, null, ButtonType.CLOSE);
            shown.initOwner(getScene().getWindow());
            shown.setTitle("Update-mode Link token");
            shown.setHeaderText("Open Link with this token; the user logs in again and the Item is repaired.");
            TextField value = new TextField(link.value());
            value.setEditable(false);
            value.setId("linkTokenValue");
            value.getStyleClass().add("mono");
            Button copy = new Button("Copy", new FontIcon(Material2OutlinedAL.CONTENT_COPY));
            copy.setOnAction(e -> Clipboards.copy(link.value()));
            Label note = new Label("It is kept in the token book; it expires after four hours.");
            note.getStyleClass().add(Styles.TEXT_MUTED);
            HBox row = new HBox(6, value, copy);
            HBox.setHgrow(value, Priority.ALWAYS);
            shown.getDialogPane().setContent(new VBox(8, row, note));
            shown.getDialogPane().setId("linkTokenDialog");
            shown.getDialogPane().setPrefWidth(560);
            model.noticeProperty().set("Created an update-mode Link token (" + link.maskedValue() + ").");
            shown.showAndWait();
        });
    }
}
