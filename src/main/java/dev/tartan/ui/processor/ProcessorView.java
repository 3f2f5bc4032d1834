package dev.tartan.ui.processor;

import dev.tartan.ui.common.Fixes;
import atlantafx.base.controls.CustomTextField;
import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.model.Masking;
import dev.tartan.model.TokenEntry;
import dev.tartan.service.ProcessorService.Read;
import dev.tartan.ui.common.Clipboards;
import dev.tartan.ui.common.KeptSelection;
import dev.tartan.ui.common.Navigator;
import dev.tartan.ui.common.EmptyState;
import dev.tartan.ui.common.PaneInfo;
import dev.tartan.ui.common.PaneView;
import dev.tartan.ui.common.data.AccountsTable;
import dev.tartan.ui.common.data.AuthNumbersView;
import dev.tartan.ui.common.data.CallLogView;
import dev.tartan.ui.common.data.DataPane;
import dev.tartan.ui.common.data.Formats;
import dev.tartan.ui.common.data.IdentityView;
import dev.tartan.ui.common.data.LiabilitiesView;
import dev.tartan.ui.common.data.RecurringStreamsTable;
import dev.tartan.ui.common.data.TransactionsPanel;
import javafx.beans.binding.Bindings;
import javafx.collections.MapChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
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
    private final ListView<TokenEntry> list = new ListView<>();

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
    public PaneInfo info() {
        return INFO;
    }

    @Override
    public Node node() {
        return root;
    }

    /** Another pane may have made processor tokens meanwhile. */
    @Override
    public void onShown() {
        model.refreshTokens();
    }

    // --- left: the tokens ---------------------------------------------------------------------------

    private Node sidebar() {
        Label heading = new Label("Tokens");
        heading.getStyleClass().add(Styles.TITLE_4);
        MenuItem fromItem = new MenuItem("From an Item in the token book\u2026");
        fromItem.setId("newFromItem");
        fromItem.setOnAction(e -> NewTokenDialogs.fromItem(root.getScene().getWindow(), model, navigator::openLink));
        MenuItem sandbox = new MenuItem("Sandbox processor token\u2026");
        sandbox.setId("newSandboxToken");
        sandbox.setOnAction(e -> NewTokenDialogs.sandbox(root.getScene().getWindow(), model, navigator::openLink));
        sandbox.disableProperty().bind(Bindings.createBooleanBinding(() -> model.profileProperty().get() == null
                || model.profileProperty().get().environment().isProduction(), model.profileProperty()));
        MenuButton create = new MenuButton("New", new FontIcon(Material2OutlinedAL.ADD_CIRCLE_OUTLINE), fromItem, sandbox);
        create.setId("newProcessorToken");
        create.getStyleClass().add(Styles.SMALL);
        create.setMinWidth(Region.USE_PREF_SIZE);
        HBox top = new HBox(8, heading, new Spacer(), create);
        top.setAlignment(Pos.CENTER_LEFT);

        CustomTextField filter = new CustomTextField();
        filter.setId("processorFilter");
        filter.setPromptText("Filter tokens");
        filter.setTooltip(new Tooltip("Words of the label, account_id or institution; or a whole token"));
        filter.setLeft(new FontIcon(Material2MZ.SEARCH));
        filter.textProperty().bindBidirectional(model.filterProperty());

        list.setId("processorTokens");
        list.setItems(model.visibleTokens());
        list.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        list.setCellFactory(view -> new TokenCell());
        model.institutionNames().addListener((MapChangeListener<String, String>) change -> list.refresh());
        Label placeholder = new Label();
        placeholder.setWrapText(true);
        placeholder.setPadding(new Insets(12));
        placeholder.getStyleClass().add(Styles.TEXT_MUTED);
        placeholder.textProperty().bind(Bindings.when(Bindings.isEmpty(model.tokens()))
                .then("No processor tokens for this profile yet. Paste one below, or make one with New.")
                .otherwise("No processor token matches the filter."));
        list.setPlaceholder(placeholder);
        // Filtering and reloads rebuild the list: the open token stays marked, and no other one opens.
        KeptSelection.keep(list, TokenEntry::value, model::select);
        model.selectedProperty().addListener((obs, old, entry) -> {
            if (entry == null) {
                list.getSelectionModel().clearSelection();
            } else if (list.getSelectionModel().getSelectedItem() != entry) {
                list.getSelectionModel().select(entry);
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);

        TextField paste = new TextField();
        paste.setId("processorPaste");
        paste.setPromptText("Paste a processor token");
        paste.textProperty().bindBidirectional(model.pastedProperty());
        paste.setOnAction(e -> model.addPasted());
        Button add = new Button("Add");
        add.setId("processorAdd");
        add.setOnAction(e -> model.addPasted());
        add.disableProperty().bind(model.pastedProperty().isEmpty());
        add.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(paste, Priority.ALWAYS);
        Label problem = Forms.paragraph("", Styles.DANGER);
        problem.setId("processorAddProblem");
        problem.textProperty().bind(model.addProblemProperty());
        problem.visibleProperty().bind(model.addProblemProperty().isNotNull());
        problem.managedProperty().bind(problem.visibleProperty());

        VBox box = new VBox(8, top, filter, list, new HBox(6, paste, add), problem);
        box.setPadding(new Insets(10, 6, 10, 10));
        box.setMinWidth(250);
        return box;
    }

    /** A token: its name, its masked value, and what it belongs to. */
    private final class TokenCell extends ListCell<TokenEntry> {
        TokenCell() {
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(TokenEntry entry, boolean empty) {
            super.updateItem(entry, empty);
            setText(null);
            if (empty || entry == null) {
                setGraphic(null);
                return;
            }
            Label name = new Label(ProcessorViewModel.displayName(entry));
            name.getStyleClass().add(Styles.TEXT_BOLD);
            Label token = new Label(entry.maskedValue());
            token.getStyleClass().addAll("mono", Styles.TEXT_SMALL);
            String institution = model.institutionOf(entry);
            Label owner = new Label((institution == null ? "" : institution + " \u00b7 ")
                    + (entry.ownerId() == null ? "account not read yet" : "account " + shortId(entry.ownerId())));
            owner.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            setGraphic(new VBox(1, name, token, owner));
        }
    }

    /** The header's institution: its name and id once the name is known. */
    private String institutionFact(TokenEntry entry) {
        String id = entry.institution();
        if (id == null) {
            return "institution unknown";
        }
        String name = model.institutionOf(entry);
        return name.equals(id) ? "institution " + id : name + " (" + id + ")";
    }

    private static String shortId(String id) {
        return id.length() > 12 ? id.substring(0, 8) + "\u2026" : id;
    }

    // --- right: the open token ----------------------------------------------------------------------

    private Node detail() {
        VBox detail = new VBox(header(), tabs());
        VBox.setVgrow(detail.getChildren().get(1), Priority.ALWAYS);
        detail.visibleProperty().bind(model.selectedProperty().isNotNull());

        VBox nothing = EmptyState.of(INFO.icon(), "Open a processor token", "Pick a token on the left, paste one, "
                + "or make one from an Item with New. Tartan reads its account, numbers, owners, liabilities and "
                + "transactions at once, and lets you match an identity, score a debit with Signal and set the "
                + "token's webhook.");
        nothing.visibleProperty().bind(model.selectedProperty().isNull());
        return new StackPane(detail, nothing);
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
                Clipboards.copy(model.selectedProperty().get().value());
            }
        });
        Label facts = new Label();
        facts.setId("processorFacts");
        facts.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        facts.setWrapText(true);
        Runnable refresh = () -> {
            TokenEntry entry = model.selectedProperty().get();
            if (entry == null) {
                return;
            }
            title.setText(ProcessorViewModel.displayName(entry));
            token.setText(reveal.isSelected() ? entry.value() : Masking.maskToken(entry.value()));
            facts.setText(String.join("  \u00b7  ", List.of(
                    "account_id " + (entry.ownerId() == null ? "not read yet" : entry.ownerId()),
                    institutionFact(entry),
                    entry.environment() == null ? "environment unknown" : entry.environment(),
                    entry.createdAt() == null ? "new" : "added " + DAY.format(entry.createdAt()))));
        };
        model.selectedProperty().addListener((obs, old, now) -> {
            if (old == null || now == null || !old.value().equals(now.value())) {
                reveal.setSelected(false);
            }
            refresh.run();
        });
        reveal.selectedProperty().addListener((obs, old, now) -> refresh.run());
        model.institutionNames().addListener((MapChangeListener<String, String>) change -> refresh.run());

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
        TokenEntry entry = model.selectedProperty().get();
        if (entry == null) {
            return;
        }
        ButtonType removeButton = new ButtonType("Remove from the token book", ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, null, removeButton, ButtonType.CANCEL);
        alert.initOwner(root.getScene().getWindow());
        alert.setTitle("Remove a processor token");
        alert.setHeaderText("Remove " + ProcessorViewModel.displayName(entry) + " from the token book?");
        Label text = Forms.paragraph("Tartan forgets the token; Plaid is not told, and the token keeps working for whoever "
                + "else holds it. Its cached replies stay until they age out.", null);
        alert.getDialogPane().setContent(text);
        alert.getDialogPane().setId("removeProcessorToken");
        alert.getDialogPane().lookupButton(removeButton).getStyleClass().add(Styles.DANGER);
        ((Button) alert.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        ((Button) alert.getDialogPane().lookupButton(removeButton)).setDefaultButton(false);
        if (alert.showAndWait().filter(removeButton::equals).isPresent()) {
            model.remove(entry);
        }
    }

    private Node tabs() {
        TabPane tabs = new TabPane(
                tab("Account", "accountTab", accountTab()),
                tab("Auth", "authTab", readPane(Read.AUTH, new AuthNumbersView(),
                        (view, reply) -> view.show(asArrays(reply.path("numbers")), single(reply)))),
                tab("Identity", "identityTab", readPane(Read.IDENTITY, new IdentityView(), (view, reply) -> view.show(single(reply)))),
                tab("Identity match", "identityMatchTab", new IdentityMatchTab(model.identityMatch(), navigator::openLink).build()),
                tab("Liabilities", "liabilitiesTab", readPane(Read.LIABILITIES, new LiabilitiesView(),
                        (view, reply) -> view.show(reply.path("liabilities"), single(reply)))),
                tab("Transactions", "transactionsTab", transactionsTab()),
                tab("Transactions by date", "transactionsByDateTab",
                        new TransactionsByDateTab(model.transactionsByDate(), navigator::openLink).build()),
                tab("Recurring", "recurringTab", readPane(Read.RECURRING, new RecurringStreamsTable(), (view, reply) -> {
                    view.showStreams(reply);
                    view.fitColumnsToContent();
                })),
                tab("Signal", "signalTab", new SignalTab(model.signal(), navigator::openLink).build()),
                tab("Webhook", "webhookTab", new WebhookTab(model.webhook(), navigator::openLink).build()),
                tab("Raw JSON", "rawTab", new CallLogView(model.calls())));
        tabs.setId("processorTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        return tabs;
    }

    private static Tab tab(String title, String id, Node content) {
        Tab tab = new Tab(title, content);
        tab.setId(id);
        return tab;
    }

    /** A tab showing one read in {@code view}: loading, data with its age, empty, or its own failure. */
    private <V extends Node> DataPane readPane(Read read, V view, BiConsumer<V, JsonNode> render) {
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
        Label current = figure("balanceCurrent");
        Label available = figure("balanceAvailable");
        Label limit = figure("balanceLimit");
        HBox figures = new HBox(32, captioned(current, "Current"), captioned(available, "Available"), captioned(limit, "Limit"));
        VBox summary = new VBox(6, new VBox(0, name, official), figures);
        summary.getStyleClass().add("balance-card");
        AccountsTable table = new AccountsTable();
        VBox content = new VBox(10, summary, table);
        content.setPadding(new Insets(0, 8, 8, 8));
        VBox.setVgrow(table, Priority.ALWAYS);
        DataPane pane = readPane(Read.ACCOUNT, content, (view, reply) -> {
            JsonNode account = reply.path("account");
            JsonNode balances = account.path("balances");
            name.setText(account.path("name").asText() + (account.hasNonNull("mask") ? "  \u2022\u2022" + account.path("mask").asText() : ""));
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

    private static Label figure(String id) {
        Label figure = new Label();
        figure.setId(id);
        figure.getStyleClass().add("figure");
        figure.setMinWidth(Region.USE_PREF_SIZE);
        return figure;
    }

    private static Node captioned(Label figure, String caption) {
        Label text = new Label(caption);
        text.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        return new VBox(0, figure, text);
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
                message -> message, model::refreshTransactions, navigator::openLink);
        HBox top = new HBox(10, refresh, status);
        top.setPadding(new Insets(8, 8, 0, 8));
        TransactionsPanel panel = new TransactionsPanel(model.transactions(), Fixes.none(), navigator::openLink);
        VBox.setVgrow(panel, Priority.ALWAYS);
        return new VBox(top, panel);
    }
}
