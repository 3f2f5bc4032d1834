package dev.tartan.ui.items;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tartan.model.FixAction;
import dev.tartan.model.PaneTarget;
import dev.tartan.model.TokenEntry;
import dev.tartan.ui.common.StatusChip;
import dev.tartan.ui.common.Choices;
import dev.tartan.ui.common.Clipboards;
import dev.tartan.ui.common.FailureView;
import dev.tartan.ui.common.Fixes;
import dev.tartan.ui.common.Forms;
import dev.tartan.ui.common.NarrowLayout;
import dev.tartan.ui.common.Navigator;
import dev.tartan.ui.common.ProcessorTokenDialog;
import dev.tartan.ui.common.ProductionGuard;
import dev.tartan.ui.common.UseInboxButton;
import dev.tartan.ui.common.data.AccountsTable;
import dev.tartan.ui.common.data.ActionStatus;
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
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SeparatorMenuItem;
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

/**
 * One Item: its health first (an error explained, with the fix), then its details and a tab per
 * product, and the actions support staff take on it.
 */
final class ItemView extends BorderPane {

    private final ItemViewModel model;
    private final Navigator navigator;
    private final Fixes fixes;
    private final FailureView itemError;
    private final GridPane details = new GridPane();
    private final TextField webhook = new TextField();

    ItemView(ItemViewModel model, Navigator navigator) {
        this.model = model;
        this.navigator = navigator;
        this.fixes = Fixes.retry(model::reload)
                .with(FixAction.CREATE_UPDATE_MODE_LINK_TOKEN, model::createUpdateModeLinkToken)
                .with(FixAction.RESTART_SYNC, () -> model.transactions().sync());
        this.itemError = new FailureView(fixes, navigator::openLink);
        setId("itemView");
        getStyleClass().add("item-view");

        VBox top = new VBox(8, header(), new ActionStatus<>("itemNotice", model.lastActionProperty(), achieved -> achieved,
                fixes, navigator::openLink));
        top.setPadding(new Insets(12, 14, 6, 14));
        setTop(top);
        setCenter(tabs(new TransactionsPanel(model.transactions(), fixes, navigator::openLink)));

        model.itemProperty().addListener((obs, old, entry) -> {
            if (old == null || entry == null || !old.value().equals(entry.value())) {
                details.getChildren().clear();
                webhook.clear();
            }
        });
        model.overviewProperty().addListener((obs, old, state) -> {
            if (state.hasData()) {
                showDetails(state.data());
            }
        });
        // Built when the first Item opens: show what the model already holds.
        if (model.overviewProperty().get().hasData()) {
            showDetails(model.overviewProperty().get().data());
        }
        itemError.show(model.itemErrorProperty().get());
        model.updateModeLinkToken().stateProperty().addListener((obs, old, state) -> {
            if (state.hasData()) {
                showLinkToken(state.data());
            }
        });
    }

    // --- header and actions -------------------------------------------------------------------

    private Node header() {
        Label title = new Label();
        title.setId("itemTitle");
        title.getStyleClass().add(Styles.TITLE_3);
        title.textProperty().bind(model.titleProperty());
        Label itemId = new Label();
        itemId.setId("itemId");
        itemId.getStyleClass().addAll("mono", Styles.TEXT_MUTED);
        itemId.textProperty().bind(Bindings.createStringBinding(() -> model.itemProperty().get() == null
                || model.itemProperty().get().ownerId() == null ? "\u2014" : model.itemProperty().get().ownerId(), model.itemProperty()));
        Button copyId = FailureView.copyButton("");
        copyId.setOnAction(e -> Clipboards.copy(itemId.getText()));
        Label status = StatusChip.of(model.statusProperty(), "checking\u2026");
        status.setId("itemStatus");

        Button reload = new Button(null, new FontIcon(Material2MZ.REFRESH));
        reload.setId("reloadItem");
        reload.getStyleClass().add(Styles.BUTTON_ICON);
        reload.setTooltip(new Tooltip("Load everything again"));
        reload.setOnAction(e -> model.reload());

        MenuItem fireWebhook = Forms.menuItem("Fire a sandbox webhook\u2026", "actionFireWebhook", Material2OutlinedMZ.SEND, this::fireWebhook);
        MenuItem resetLogin = Forms.menuItem("Reset login (sandbox)", "actionResetLogin", Material2OutlinedAL.LOCK, model::resetLogin);
        for (MenuItem sandboxOnly : List.of(fireWebhook, resetLogin)) {
            sandboxOnly.disableProperty().bind(model.sandboxProperty().not());
        }
        MenuButton actions = new MenuButton("Actions", new FontIcon(Material2OutlinedAL.BUILD));
        actions.setId("itemActions");
        actions.setTooltip(new Tooltip("What support staff do to an Item: webhooks, login reset, rotation, removal"));
        actions.getItems().addAll(
                Forms.menuItem("Refresh transactions", "actionRefreshTransactions", Material2MZ.SYNC, model::refreshTransactions),
                Forms.menuItem("Real-time balance", "actionBalance", Material2OutlinedAL.ACCOUNT_BALANCE, model::refreshBalance),
                Forms.menuItem("Create an update-mode Link token", "actionUpdateMode", Material2OutlinedAL.LINK, model::createUpdateModeLinkToken),
                Forms.menuItem("Create a processor token\u2026", "actionProcessorToken", Material2MZ.VPN_KEY, this::createProcessorToken),
                new SeparatorMenuItem(),
                fireWebhook,
                resetLogin,
                new SeparatorMenuItem(),
                Forms.menuItem("Rotate the access token\u2026", "actionRotate", Material2MZ.VPN_KEY, this::rotate),
                Forms.menuItem("Remove the Item\u2026", "actionRemove", Material2OutlinedAL.DELETE, this::remove));

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
        ScrollPane scroll = new ScrollPane(overviewPane);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private void showDetails(JsonNode reply) {
        JsonNode item = reply.path("item");
        JsonNode status = reply.path("status");
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
        save.setMinWidth(Region.USE_PREF_SIZE);
        HBox webhookRow = new HBox(6, webhook, UseInboxButton.filling(webhook, model.inbox()), save);
        webhookRow.setAlignment(Pos.CENTER_LEFT);
        details.addRow(row, Forms.label("Webhook"), webhookRow);
    }

    private int detail(int row, String name, String value) {
        Label key = Forms.label(name);
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
        accountsPane.bind(model.stateOf(ItemData.ACCOUNTS), reply -> {
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
        identityPane.bind(model.stateOf(ItemData.IDENTITY), reply -> identity.show(reply.path("accounts")));

        AuthNumbersView auth = new AuthNumbersView();
        DataPane authPane = pane(auth);
        authPane.bind(model.stateOf(ItemData.AUTH), reply -> auth.show(reply.path("numbers"), reply.path("accounts")));

        JsonTable holdings = InvestmentTables.holdings();
        DataPane holdingsPane = pane(holdings);
        holdingsPane.bind(model.stateOf(ItemData.HOLDINGS), reply -> {
            InvestmentTables.showHoldings(holdings, reply);
            holdings.fitColumnsToContent();
        });
        JsonTable investmentTransactions = InvestmentTables.transactions();
        DataPane investmentTransactionsPane = pane(investmentTransactions);
        investmentTransactionsPane.bind(model.stateOf(ItemData.INVESTMENT_TRANSACTIONS), reply -> {
            InvestmentTables.showTransactions(investmentTransactions, reply);
            investmentTransactions.fitColumnsToContent();
        });
        VBox investmentsBox = new VBox(8, heading("Holdings"), holdingsPane, heading("Investment transactions"), investmentTransactionsPane);
        VBox.setVgrow(holdingsPane, Priority.ALWAYS);
        VBox.setVgrow(investmentTransactionsPane, Priority.ALWAYS);

        LiabilitiesView liabilities = new LiabilitiesView();
        DataPane liabilitiesPane = pane(liabilities);
        liabilitiesPane.bind(model.stateOf(ItemData.LIABILITIES), reply -> liabilities.show(reply.path("liabilities"), reply.path("accounts")));

        RecurringStreamsTable recurring = new RecurringStreamsTable();
        DataPane recurringPane = pane(recurring);
        recurringPane.bind(model.stateOf(ItemData.RECURRING), reply -> {
            recurring.showStreams(reply);
            recurring.fitColumnsToContent();
        });

        return Forms.tabs("itemTabs",
                Forms.tab("Overview", "tabOverview", overview()),
                Forms.tab("Accounts", "tabAccounts", accountsBox),
                Forms.tab("Transactions", "tabTransactions", transactionsTab),
                Forms.tab("Identity", "tabIdentity", identityPane),
                Forms.tab("Auth", "tabAuth", authPane),
                Forms.tab("Investments", "tabInvestments", investmentsBox),
                Forms.tab("Liabilities", "tabLiabilities", liabilitiesPane),
                Forms.tab("Recurring", "tabRecurring", recurringPane),
                Forms.tab("Raw JSON", "tabRaw", new CallLogView(model.calls())));
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

    // --- actions that ask first ----------------------------------------------------------------

    /** Asks which webhook to fire (DEFAULT_UPDATE to start with) and fires it. */
    private void fireWebhook() {
        Choices<String> codes = model.webhookCodes();
        ComboBox<String> code = Forms.picker("webhookCode", codes, name -> name);
        code.setValue(codes.suggested());
        codes.stateProperty().addListener((obs, old, state) -> {
            if (state.hasData() && code.getValue() == null) {
                code.setValue(codes.suggested());
            }
        });
        if (!codes.stateProperty().get().hasData()) {
            codes.load();
        }
        Dialog<String> choose = new Dialog<>();
        choose.initOwner(getScene().getWindow());
        choose.setTitle("Fire a sandbox webhook");
        choose.setHeaderText("Plaid will send this webhook to the Item's webhook URL");
        choose.getDialogPane().setId("webhookCodeDialog");
        choose.getDialogPane().setContent(new VBox(6, Forms.label("webhook_code"), code));
        ButtonType fire = new ButtonType("Fire", ButtonBar.ButtonData.OK_DONE);
        choose.getDialogPane().getButtonTypes().addAll(fire, ButtonType.CANCEL);
        choose.getDialogPane().lookupButton(fire).disableProperty().bind(code.valueProperty().isNull());
        choose.setResultConverter(button -> button == fire ? code.getValue() : null);
        choose.showAndWait().ifPresent(model::fireWebhook);
    }

    private void createProcessorToken() {
        ProcessorTokenDialog.show(getScene().getWindow(), model.newProcessorTokenForm(), navigator::openLink)
                .ifPresent(created -> navigator.openInPane(new PaneTarget(PaneTarget.Kind.PROCESSOR_TOKEN, created.value(),
                        "Open the new processor token")));
    }

    private void rotate() {
        TokenEntry entry = model.itemProperty().get();
        if (entry != null && ProductionGuard.allowDestructive(getScene().getWindow(), model.profileProperty().get(),
                "Rotate the access token of " + model.titleProperty().get(), entry.ownerId())) {
            model.rotateAccessToken();
        }
    }

    private void remove() {
        TokenEntry entry = model.itemProperty().get();
        if (entry != null && ProductionGuard.allowDestructive(getScene().getWindow(), model.profileProperty().get(),
                "Remove the Item " + model.titleProperty().get(), entry.ownerId())) {
            model.remove();
        }
    }

    /** Shows a new update-mode Link token, to copy. */
    private void showLinkToken(TokenEntry link) {
        Dialog<Void> shown = new Dialog<>();
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
        shown.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        shown.show();
    }
}
