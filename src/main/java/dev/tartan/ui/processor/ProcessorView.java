package dev.tartan.ui.processor;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.model.ProcessorData;
import dev.tartan.model.TokenEntry;
import dev.tartan.ui.common.Clipboards;
import dev.tartan.ui.common.Confirmation;
import dev.tartan.ui.common.EmptyState;
import dev.tartan.ui.common.Figures;
import dev.tartan.ui.common.Fixes;
import dev.tartan.ui.common.Forms;
import dev.tartan.ui.common.Navigator;
import dev.tartan.ui.common.PaneFailureView;
import dev.tartan.ui.common.PaneInfo;
import dev.tartan.ui.common.PaneView;
import dev.tartan.ui.common.ProcessorTokenDialog;
import dev.tartan.ui.common.TokenListView;
import dev.tartan.ui.common.TokenRow;
import dev.tartan.ui.common.data.Accounts;
import dev.tartan.ui.common.data.AccountsTable;
import dev.tartan.ui.common.data.ActionStatus;
import dev.tartan.ui.common.data.AuthNumbersView;
import dev.tartan.ui.common.data.CallLogView;
import dev.tartan.ui.common.data.DataPane;
import dev.tartan.ui.common.data.Formats;
import dev.tartan.ui.common.data.IdentityView;
import dev.tartan.ui.common.data.LiabilitiesView;
import dev.tartan.ui.common.data.RecurringStreamsTable;
import dev.tartan.ui.common.data.TransactionsPanel;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * The Processor pane: the processor tokens of the active profile on the left; for the open one,
 * a tab per thing a processor partner can do with it, each loading, failing and ageing on its own.
 */
public final class ProcessorView implements PaneView {

    public static final PaneInfo INFO = new PaneInfo("processor", "Processor tokens", Material2AL.ACCOUNT_BALANCE_WALLET);

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d, yyyy").withZone(ZoneId.systemDefault());
    private static final String STYLESHEET = Objects.requireNonNull(ProcessorView.class.getResource("/css/processor.css"),
            "processor.css is missing from the build").toExternalForm();

    private final ProcessorViewModel model;
    private final Navigator navigator;
    private final BorderPane root = new BorderPane();

    public ProcessorView(ProcessorViewModel model, Navigator navigator) {
        this.model = model;
        this.navigator = navigator;
        root.setId("processorPane");
        root.getStylesheets().add(STYLESHEET);
        SplitPane split = new SplitPane(sidebar(), detail());
        split.setDividerPositions(0.23);
        SplitPane.setResizableWithParent(split.getItems().get(0), false);
        root.setCenter(split);
    }


    @Override
    public Node node() {
        return root;
    }

    /** Another pane may have made processor tokens meanwhile. */
    @Override
    public void onShown() {
        model.list().reload();
    }

    // --- left: the tokens ---------------------------------------------------------------------------

    private Node sidebar() {
        Label heading = new Label("Tokens");
        heading.getStyleClass().add(Styles.TITLE_4);
        MenuItem fromItem = Forms.menuItem("From an Item in the token book\u2026", "newFromItem", null,
                () -> ProcessorTokenDialog.show(root.getScene().getWindow(), model.newProcessorTokenForm(), navigator::openLink));
        MenuItem sandbox = Forms.menuItem("Sandbox processor token\u2026", "newSandboxToken", null,
                () -> SandboxTokenDialog.show(root.getScene().getWindow(), model.newSandboxTokenForm(), navigator::openLink));
        sandbox.disableProperty().bind(model.sandboxProperty().not());
        MenuButton create = new MenuButton("New", new FontIcon(Material2OutlinedAL.ADD_CIRCLE_OUTLINE), fromItem, sandbox);
        create.setId("newProcessorToken");
        create.getStyleClass().add(Styles.SMALL);
        create.setMinWidth(Region.USE_PREF_SIZE);
        HBox top = new HBox(8, heading, new Spacer(), create);
        top.setAlignment(Pos.CENTER_LEFT);

        ListView<TokenRow> list = TokenListView.list(model.list(), "processorTokens", TokenListView.cells("processorCellName", ProcessorView::tokenCell),
                "No processor tokens for this profile yet. Paste one below, or make one with New.",
                "No processor token matches the filter.");
        VBox.setVgrow(list, Priority.ALWAYS);
        VBox box = new VBox(8, top,
                TokenListView.filter(model.list(), "processorFilter", "Filter tokens",
                        "Words of the label, account_id or institution; or a whole token"),
                list, TokenListView.pasteField(model.newPasteForm(), "processor", "Paste a processor token"));
        box.setPadding(new Insets(10, 6, 10, 10));
        box.setMinWidth(250);
        return box;
    }

    /** A token: its name, its masked value, and what it belongs to. */
    private static Node tokenCell(TokenRow row, Label name) {
        Label token = new Label(row.entry().maskedValue());
        token.getStyleClass().addAll("mono", Styles.TEXT_SMALL);
        Label owner = new Label();
        owner.textProperty().bind(Bindings.createStringBinding(() -> (row.institution() == null ? "" : row.institution() + " \u00b7 ")
                + (row.entry().ownerId() == null ? "account not read yet" : "account " + shortId(row.entry().ownerId())),
                row.institutionNameProperty(), row.entryProperty()));
        owner.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        return new VBox(1, name, token, owner);
    }

    /** The header's institution: its name and id once the name is known. */
    private static String institutionFact(TokenRow row) {
        String id = row.entry().institution();
        if (id == null) {
            return "institution unknown";
        }
        String name = row.institution();
        return name.equals(id) ? "institution " + id : name + " (" + id + ")";
    }

    private static String shortId(String id) {
        return id.length() > 12 ? id.substring(0, 8) + "\u2026" : id;
    }

    // --- right: the open token ----------------------------------------------------------------------

    private Node detail() {
        VBox detail = new VBox(header(), tabs());
        VBox.setVgrow(detail.getChildren().get(1), Priority.ALWAYS);
        detail.visibleProperty().bind(model.selectedProperty().isNotNull().and(model.list().failureProperty().isNull()));

        VBox nothing = EmptyState.of(INFO.icon(), "Open a processor token", "Pick a token on the left, paste one, "
                + "or make one from an Item with New. Tartan reads its account, numbers, owners, liabilities and "
                + "transactions at once, and lets you match an identity, score a debit with Signal and set the "
                + "token's webhook.");
        nothing.visibleProperty().bind(model.selectedProperty().isNull().and(model.list().failureProperty().isNull()));
        return new StackPane(detail, nothing, new PaneFailureView(model.list(), "processor", navigator::openLink));
    }

    private Node header() {
        Label title = new Label();
        title.setId("processorTitle");
        title.getStyleClass().add(Styles.TITLE_3);
        Label token = new Label();
        token.setId("processorTokenValue");
        token.getStyleClass().add("mono");
        ToggleButton reveal = new ToggleButton(null, new FontIcon(Material2OutlinedMZ.VISIBILITY));
        reveal.setId("processorReveal");
        reveal.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        reveal.setTooltip(new Tooltip("Show the whole token"));
        Button copy = new Button(null, new FontIcon(Material2OutlinedAL.CONTENT_COPY));
        copy.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        copy.setTooltip(new Tooltip("Copy the token"));
        copy.setOnAction(e -> {
            if (model.selectedProperty().get() != null) {
                Clipboards.copy(model.selectedProperty().get().entry().value());
            }
        });
        Label facts = new Label();
        facts.setId("processorFacts");
        facts.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        facts.setWrapText(true);
        Runnable refresh = () -> {
            TokenRow row = model.selectedProperty().get();
            if (row == null) {
                return;
            }
            TokenEntry entry = row.entry();
            title.setText(row.displayName());
            token.setText(reveal.isSelected() ? entry.value() : entry.maskedValue());
            facts.setText(String.join("  \u00b7  ", List.of(
                    "account_id " + (entry.ownerId() == null ? "not read yet" : entry.ownerId()),
                    institutionFact(row),
                    entry.environment() == null ? "environment unknown" : entry.environment(),
                    entry.createdAt() == null ? "new" : "added " + DAY.format(entry.createdAt()))));
        };
        // What the header shows follows the open row: its entry (an account learnt) and its institution's name.
        InvalidationListener refreshOnChange = obs -> refresh.run();
        model.selectedProperty().addListener((obs, old, now) -> {
            if (old != null) {
                old.entryProperty().removeListener(refreshOnChange);
                old.institutionNameProperty().removeListener(refreshOnChange);
            }
            if (now != null) {
                now.entryProperty().addListener(refreshOnChange);
                now.institutionNameProperty().addListener(refreshOnChange);
            }
            if (old == null || now == null || !old.entry().value().equals(now.entry().value())) {
                reveal.setSelected(false);
            }
            refresh.run();
        });
        reveal.selectedProperty().addListener(refreshOnChange);

        Button remove = new Button("Remove", new FontIcon(Material2OutlinedAL.DELETE_OUTLINE));
        remove.setId("processorRemove");
        remove.getStyleClass().addAll(Styles.DANGER, Styles.FLAT);
        remove.setOnAction(e -> confirmRemove());
        remove.setMinWidth(Region.USE_PREF_SIZE);

        HBox tokenRow = new HBox(4, token, reveal, copy);
        tokenRow.setAlignment(Pos.CENTER_LEFT);
        VBox left = new VBox(2, title, tokenRow);
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox top = new HBox(12, left, remove);
        top.setAlignment(Pos.TOP_LEFT);
        // The facts wrap onto a second line in a narrow window: a VBox gives a wrapping label its height, an HBox does not.
        facts.setMinHeight(Region.USE_PREF_SIZE);
        VBox header = new VBox(2, top, facts);
        header.setPadding(new Insets(10, 12, 6, 12));
        return header;
    }

    private void confirmRemove() {
        TokenRow row = model.selectedProperty().get();
        if (row != null && new Confirmation(root.getScene().getWindow(), "removeProcessorToken", "Remove a processor token",
                "Remove " + row.displayName() + " from the token book?",
                "Tartan forgets the token; Plaid is not told, and the token keeps working for whoever else holds it. "
                        + "Its cached replies stay until they age out.", "Remove from the token book", true).ask()) {
            model.list().forget(row.entry());
        }
    }

    private Node tabs() {
        return Forms.tabs("processorTabs",
                Forms.tab("Account", "accountTab", accountTab()),
                Forms.tab("Auth", "authTab", readPane(ProcessorData.AUTH, new AuthNumbersView(),
                        (view, reply) -> view.show(asArrays(reply.path("numbers")), single(reply)))),
                Forms.tab("Identity", "identityTab", readPane(ProcessorData.IDENTITY, new IdentityView(),
                        (view, reply) -> view.show(single(reply)))),
                Forms.tab("Identity match", "identityMatchTab", new IdentityMatchTab(model.forms().identityMatch(), navigator::openLink).build()),
                Forms.tab("Liabilities", "liabilitiesTab", readPane(ProcessorData.LIABILITIES, new LiabilitiesView(),
                        (view, reply) -> view.show(reply.path("liabilities"), single(reply)))),
                Forms.tab("Transactions", "transactionsTab", transactionsTab()),
                Forms.tab("Transactions by date", "transactionsByDateTab",
                        new TransactionsByDateTab(model.forms().transactionsByDate(), navigator::openLink).build()),
                Forms.tab("Recurring", "recurringTab", readPane(ProcessorData.RECURRING, new RecurringStreamsTable(), (view, reply) -> {
                    view.showStreams(reply);
                    view.fitColumnsToContent();
                })),
                Forms.tab("Signal", "signalTab", new SignalTab(model.forms().signal(), navigator::openLink).build()),
                Forms.tab("Webhook", "webhookTab", new WebhookTab(model.forms().webhook(), navigator::openLink).build()),
                Forms.tab("Raw JSON", "rawTab", new CallLogView(model.calls())));
    }

    /** A tab showing one read in {@code view}: loading, data with its age, empty, or its own failure. */
    private <V extends Node> DataPane readPane(ProcessorData read, V view, BiConsumer<V, JsonNode> render) {
        DataPane pane = new DataPane(view, Fixes.retry(() -> model.reload(read)), navigator::openLink);
        pane.setId(read.name().toLowerCase(Locale.ROOT) + "Pane");
        pane.bind(model.stateOf(read), reply -> render.accept(view, reply));
        return pane;
    }

    /** The reply's one account, as the one-element array the shared views take. */
    private static JsonNode single(JsonNode reply) {
        return JsonNodeFactory.instance.arrayNode().add(reply.path("account"));
    }

    /** Processor replies carry one object per network (ach, eft, ...); the shared view takes Item-style arrays. */
    private static JsonNode asArrays(JsonNode numbers) {
        ObjectNode arrays = JsonNodeFactory.instance.objectNode();
        numbers.fields().forEachRemaining(network -> arrays.set(network.getKey(), network.getValue().isObject()
                ? JsonNodeFactory.instance.arrayNode().add(network.getValue()) : network.getValue()));
        return arrays;
    }

    private Node accountTab() {
        Button balance = new Button("Real-time balance", new FontIcon(Material2OutlinedAL.FLASH_ON));
        balance.setId("realTimeBalance");
        balance.setTooltip(new Tooltip("/processor/balance/get: asks the bank now (slow) instead of Plaid's stored copy"));
        balance.setOnAction(e -> model.refreshBalance());
        Label source = new Label();
        source.setId("balanceSource");
        source.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        source.textProperty().bind(model.balanceSourceProperty());
        HBox bar = new HBox(10, balance, source);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 8, 0, 8));

        Label name = new Label();
        name.getStyleClass().add(Styles.TITLE_4);
        Label official = new Label();
        official.getStyleClass().add(Styles.TEXT_MUTED);
        Label current = Figures.figure("balanceCurrent");
        Label available = Figures.figure("balanceAvailable");
        Label limit = Figures.figure("balanceLimit");
        HBox figures = new HBox(32, Figures.captioned(current, "Current"), Figures.captioned(available, "Available"), Figures.captioned(limit, "Limit"));
        VBox summary = new VBox(6, new VBox(0, name, official), figures);
        summary.getStyleClass().add(Figures.CARD);
        AccountsTable table = new AccountsTable();
        VBox content = new VBox(10, summary, table);
        content.setPadding(new Insets(0, 8, 8, 8));
        VBox.setVgrow(table, Priority.ALWAYS);
        DataPane pane = readPane(ProcessorData.ACCOUNT, content, (view, reply) -> {
            JsonNode account = reply.path("account");
            JsonNode balances = account.path("balances");
            name.setText(Accounts.title(account));
            official.setText(Formats.text(account.path("official_name")) + " \u00b7 " + account.path("type").asText()
                    + " / " + account.path("subtype").asText());
            String currency = Formats.currencyOf(balances);
            current.setText(Formats.money(balances.path("current"), currency));
            available.setText(Formats.money(balances.path("available"), currency));
            limit.setText(Formats.money(balances.path("limit"), currency));
            table.show(single(reply));
            table.fitColumnsToContent();
        });
        VBox.setVgrow(pane, Priority.ALWAYS);
        return new VBox(bar, pane);
    }



    /**
     * The shared transactions panel over this token's synced transactions, and a button that asks
     * the bank for new ones (the sync that follows stores them).
     */
    private Node transactionsTab() {
        Button refresh = new Button("Refresh from the bank", new FontIcon(Material2MZ.REFRESH));
        refresh.setId("transactionsRefresh");
        refresh.setTooltip(new Tooltip("/processor/transactions/refresh: Plaid fetches new transactions from the bank now"));
        refresh.setOnAction(e -> model.refreshTransactions());
        refresh.setMinWidth(Region.USE_PREF_SIZE);
        ActionStatus<String> status = new ActionStatus<>("transactionsRefreshStatus", model.transactionsRefreshProperty(),
                message -> message, Fixes.retry(model::refreshTransactions), navigator::openLink);
        HBox top = new HBox(10, refresh, status);
        top.setPadding(new Insets(8, 8, 0, 8));
        TransactionsPanel panel = new TransactionsPanel(model.transactions(), Fixes.none(), navigator::openLink);
        VBox.setVgrow(panel, Priority.ALWAYS);
        return new VBox(top, panel);
    }
}
