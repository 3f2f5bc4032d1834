package dev.tartan.ui.console;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.tartan.model.FixAction;
import dev.tartan.model.HistoryEntry;
import dev.tartan.model.Operation;
import dev.tartan.model.PlaidResponse;
import dev.tartan.model.Profile;
import dev.tartan.model.SchemaProblem;
import dev.tartan.model.TokenEntry;
import dev.tartan.ui.common.Badges;
import dev.tartan.ui.common.Clipboards;
import dev.tartan.ui.common.Confirmation;
import dev.tartan.ui.common.EmptyState;
import dev.tartan.ui.common.FailureView;
import dev.tartan.ui.common.Fixes;
import dev.tartan.ui.common.Forms;
import dev.tartan.ui.common.JsonEditor;
import dev.tartan.ui.common.JsonTreeView;
import dev.tartan.ui.common.KeptSelection;
import dev.tartan.ui.common.NarrowLayout;
import dev.tartan.ui.common.Navigator;
import dev.tartan.ui.common.PaneInfo;
import dev.tartan.ui.common.PaneView;
import dev.tartan.ui.common.ProductionGuard;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

import java.io.File;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The API console: pick any operation, edit its body, send it, read the reply. */
public final class ConsoleView implements PaneView {

    public static final PaneInfo INFO = new PaneInfo("console", "API console", Material2AL.CODE);

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MMM d HH:mm:ss").withZone(ZoneId.systemDefault());

    private final ConsoleViewModel model;
    private final Navigator navigator;
    private final BorderPane root = new BorderPane();
    private final TreeView<Object> operationTree = new TreeView<>();
    private final JsonEditor editor = new JsonEditor();
    private final JsonTreeView replyTree = new JsonTreeView();
    private final TextArea replyRaw = new TextArea();
    private final FailureView failureView;
    private final StackPane replyArea = new StackPane();
    private ToggleButton revealTokens;

    public ConsoleView(ConsoleViewModel model, Navigator navigator) {
        this.model = model;
        this.navigator = navigator;
        this.failureView = new FailureView(Fixes.retry(this::send)
                .with(FixAction.CREATE_UPDATE_MODE_LINK_TOKEN, model::prepareUpdateModeLinkToken), navigator::openLink);
        model.setSendChecks(new DialogSendChecks());
        model.curlProperty().addListener((obs, old, command) -> {
            if (command != null) {
                Clipboards.copy(command);
            }
        });
        root.getStyleClass().add("console-pane");
        root.setId("consolePane");

        SplitPane split = new SplitPane(sidebar(), workArea());
        split.setDividerPositions(0.3);
        SplitPane.setResizableWithParent(split.getItems().get(0), false);
        root.setCenter(split);
        root.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, event -> {
            if (new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN).match(event)) {
                send();
                event.consume();
            }
        });
    }


    @Override
    public Node node() {
        return root;
    }

    public ConsoleViewModel model() {
        return model;
    }

    // --- left: operations and history ---------------------------------------------------------

    private Node sidebar() {
        TabPane tabs = Forms.tabs("consoleSidebar", Forms.tab("Operations", "operationsTab", operationsList()),
                Forms.tab("History", "historyTab", historyList()));
        tabs.getStyleClass().add(Styles.TABS_FLOATING);
        tabs.setMinWidth(280);
        return tabs;
    }

    private Node operationsList() {
        CustomTextField search = new CustomTextField();
        search.setId("operationSearch");
        search.setPromptText("Filter operations: path, product, words");
        search.setLeft(new FontIcon(Material2MZ.SEARCH));
        search.textProperty().bindBidirectional(model.searchProperty());

        operationTree.setId("operationTree");
        operationTree.setShowRoot(false);
        operationTree.setCellFactory(tree -> new OperationCell());
        operationTree.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        model.visibleOperations().addListener((ListChangeListener<Operation>) change -> rebuildTree());
        rebuildTree(); // the catalog may have loaded before this view existed
        operationTree.getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> {
            if (item != null && item.getValue() instanceof Operation op) {
                model.select(op);
            }
        });
        model.selectedProperty().addListener((obs, old, op) -> revealInTree(op));

        ProgressIndicator loading = new ProgressIndicator();
        loading.setMaxSize(32, 32);
        Label loadingText = new Label("Loading the operation catalog\u2026");
        VBox loadingBox = new VBox(8, loading, loadingText);
        loadingBox.setAlignment(Pos.CENTER);
        loadingBox.visibleProperty().bind(model.catalogLoadingProperty());
        Label empty = new Label("No operation matches this filter.");
        empty.getStyleClass().add(Styles.TEXT_MUTED);
        empty.visibleProperty().bind(Bindings.isEmpty(model.visibleOperations()).and(model.catalogLoadingProperty().not()));
        StackPane list = new StackPane(operationTree, loadingBox, empty);
        VBox.setVgrow(list, Priority.ALWAYS);

        Label count = new Label();
        count.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        count.textProperty().bind(Bindings.size(model.visibleOperations()).asString("%d operations"));
        VBox box = new VBox(6, search, list, count);
        box.setPadding(new Insets(8, 4, 8, 8));
        return box;
    }

    private void rebuildTree() {
        TreeItem<Object> rootItem = new TreeItem<>("operations");
        Map<String, TreeItem<Object>> groups = new LinkedHashMap<>();
        boolean filtering = !model.searchProperty().get().isBlank();
        for (Operation op : model.visibleOperations()) {
            TreeItem<Object> group = groups.computeIfAbsent(op.group(), name -> {
                TreeItem<Object> item = new TreeItem<>(name);
                item.setExpanded(filtering);
                rootItem.getChildren().add(item);
                return item;
            });
            group.getChildren().add(new TreeItem<>(op));
        }
        rootItem.getChildren().sort(java.util.Comparator.comparing(item -> (String) item.getValue()));
        operationTree.setRoot(rootItem);
        revealInTree(model.selectedProperty().get());
    }

    private void revealInTree(Operation op) {
        if (op == null || operationTree.getRoot() == null) {
            return;
        }
        for (TreeItem<Object> group : operationTree.getRoot().getChildren()) {
            for (TreeItem<Object> item : group.getChildren()) {
                if (op.equals(item.getValue())) {
                    group.setExpanded(true);
                    if (operationTree.getSelectionModel().getSelectedItem() != item) {
                        operationTree.getSelectionModel().select(item);
                    }
                    int row = operationTree.getRow(item);
                    if (row >= 0) {
                        operationTree.scrollTo(Math.max(0, row - 3));
                    }
                    return;
                }
            }
        }
    }

    /** A product heading, or one operation: path, summary and badges. */
    private static final class OperationCell extends TreeCell<Object> {
        OperationCell() {
            // Cells as wide as the list: long summaries end in an ellipsis instead of a scroll bar.
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(Object item, boolean empty) {
            super.updateItem(item, empty);
            setText(null);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            if (item instanceof Operation op) {
                Label path = new Label(op.path());
                path.getStyleClass().add("mono");
                Label summary = new Label(op.summary());
                summary.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
                HBox badges = Badges.of(op);
                badges.getChildren().removeIf(n -> ((Label) n).getText().equals("read-only"));
                VBox box = new VBox(1, new HBox(6, path, badges), summary);
                setGraphic(box);
            } else {
                Label group = new Label(String.valueOf(item));
                group.getStyleClass().add(Styles.TEXT_BOLD);
                int size = getTreeItem() == null ? 0 : getTreeItem().getChildren().size();
                Label count = new Label(String.valueOf(size));
                count.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
                setGraphic(new HBox(6, group, count));
            }
        }
    }

    private Node historyList() {
        CustomTextField filter = new CustomTextField();
        filter.setId("historyFilter");
        filter.setPromptText("Filter: operation, status, request_id");
        filter.setLeft(new FontIcon(Material2MZ.SEARCH));
        filter.textProperty().bindBidirectional(model.historyFilterProperty());

        ListView<HistoryEntry> list = new ListView<>(model.history());
        list.setId("historyList");
        list.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        list.setCellFactory(view -> new HistoryCell());
        list.setPlaceholder(new Label("Calls you make appear here."));
        KeptSelection.keep(list, HistoryEntry::id);
        list.setOnMouseClicked(event -> {
            if (event.getClickCount() == 2 && list.getSelectionModel().getSelectedItem() != null) {
                model.restore(list.getSelectionModel().getSelectedItem(), false);
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);

        Button open = new Button("Open", new FontIcon(Material2OutlinedAL.EDIT));
        open.setOnAction(e -> withSelected(list, entry -> model.restore(entry, false)));
        Button again = new Button("Run again", new FontIcon(Material2MZ.REPLAY));
        again.setId("historyRunAgain");
        again.setOnAction(e -> withSelected(list, entry -> model.restore(entry, true)));
        open.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        again.disableProperty().bind(open.disableProperty());
        Button refresh = new Button(null, new FontIcon(Material2MZ.REFRESH));
        refresh.getStyleClass().add(Styles.BUTTON_ICON);
        refresh.setTooltip(new Tooltip("Reload the history"));
        refresh.setId("historyRefresh");
        refresh.setOnAction(e -> model.refreshHistory());
        HBox actions = new HBox(6, open, again, new Spacer(), refresh);
        VBox box = new VBox(6, filter, list, actions);
        box.setPadding(new Insets(8, 4, 8, 8));
        return box;
    }

    private static void withSelected(ListView<HistoryEntry> list, java.util.function.Consumer<HistoryEntry> action) {
        HistoryEntry entry = list.getSelectionModel().getSelectedItem();
        if (entry != null) {
            action.accept(entry);
        }
    }

    private static final class HistoryCell extends ListCell<HistoryEntry> {
        HistoryCell() {
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(HistoryEntry entry, boolean empty) {
            super.updateItem(entry, empty);
            setText(null);
            if (empty || entry == null) {
                setGraphic(null);
                return;
            }
            Label status = new Label(entry.httpStatus() == 0 ? "\u2014" : String.valueOf(entry.httpStatus()));
            status.getStyleClass().addAll("status-chip", entry.httpStatus() >= 200 && entry.httpStatus() < 300 ? "status-ok" : "status-error");
            Label operation = new Label(entry.operation());
            operation.getStyleClass().add("mono");
            Label detail = new Label(TIME.format(entry.at()) + " \u00b7 " + entry.duration().toMillis() + " ms"
                    + (entry.profile() == null ? "" : " \u00b7 " + entry.profile())
                    + (entry.requestId() == null ? "" : " \u00b7 " + entry.requestId()));
            detail.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            setGraphic(new VBox(1, new HBox(6, status, operation), detail));
        }
    }

    // --- right: request and reply -------------------------------------------------------------

    private Node workArea() {
        SplitPane split = new SplitPane(requestArea(), replyPane());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.5);
        StackPane withPlaceholder = new StackPane(split, nothingSelected());
        split.visibleProperty().bind(model.selectedProperty().isNotNull());
        return withPlaceholder;
    }

    private Node nothingSelected() {
        VBox box = EmptyState.of(Material2AL.CODE, "Pick an operation",
                "Choose any of Plaid's operations on the left, or press Ctrl+K and paste an id or token.");
        box.visibleProperty().bind(model.selectedProperty().isNull());
        return box;
    }

    private Node requestArea() {
        Label method = new Label();
        method.getStyleClass().add("method-chip");
        Label path = new Label();
        path.setId("operationPath");
        path.getStyleClass().addAll(Styles.TITLE_3, "mono");
        HBox badges = new HBox();
        Hyperlink docs = new Hyperlink("Plaid docs", new FontIcon(Material2MZ.OPEN_IN_NEW));
        Label summary = new Label();
        summary.getStyleClass().add(Styles.TEXT_MUTED);
        summary.setWrapText(true);
        Label description = new Label();
        description.setWrapText(true);
        description.getStyleClass().add("operation-description");
        TitledPane about = new TitledPane("About this operation", description);
        about.setExpanded(false);
        about.getStyleClass().add(Styles.DENSE);
        model.selectedProperty().addListener((obs, old, op) -> {
            if (op == null) {
                return;
            }
            method.setText(op.method());
            path.setText(op.path());
            summary.setText(op.summary());
            description.setText(plainText(op.description()));
            badges.getChildren().setAll(Badges.of(op).getChildren());
            badges.setSpacing(4);
            docs.setVisible(op.docsUrl() != null);
            docs.setOnAction(e -> navigator.openLink(op.docsUrl()));
        });
        HBox title = new HBox(8, method, path, badges, new Spacer(), docs);
        title.setAlignment(Pos.CENTER_LEFT);
        // The method and path are what the user reads: in a narrow window the link gives way first.
        method.setMinWidth(Region.USE_PREF_SIZE);
        path.setMinWidth(Region.USE_PREF_SIZE);
        docs.setTooltip(new Tooltip("Open this operation's page in Plaid's docs"));
        docs.setMinWidth(Region.USE_PREF_SIZE);
        NarrowLayout.iconsOnlyWhenCrowded(title, List.of(docs), path.textProperty(), badges.getChildren());

        editor.setId("requestEditor");
        editor.setMinHeight(96); // a few lines of the body stay in view in the smallest window
        editor.textProperty().bindBidirectional(model.bodyProperty());
        VBox.setVgrow(editor, Priority.ALWAYS);

        VBox box = new VBox(6, title, summary, about, editorToolbar(), editor, requestMessages());
        box.setPadding(new Insets(10, 12, 8, 12));
        return box;
    }

    private Node editorToolbar() {
        MenuButton insertToken = new MenuButton("Insert token", new FontIcon(Material2MZ.VPN_KEY));
        insertToken.setId("insertToken");
        insertToken.setOnShowing(e -> fillTokenMenu(insertToken));
        insertToken.getItems().add(new MenuItem("(loading)"));
        insertToken.setTooltip(new Tooltip("Put a token from the token book into the body"));

        Button reset = new Button("Example", new FontIcon(Material2MZ.RESTORE));
        reset.setTooltip(new Tooltip("Replace the body with the operation's example"));
        reset.setOnAction(e -> model.resetToExample());
        Button format = new Button("Format", new FontIcon(Material2AL.FORMAT_ALIGN_LEFT));
        format.setOnAction(e -> model.formatBody());
        format.setTooltip(new Tooltip("Indent the body"));

        MenuItem curlMasked = new MenuItem("Copy as curl (secrets masked)");
        curlMasked.setOnAction(e -> model.copyAsCurl(false));
        MenuItem curlRevealed = new MenuItem("Copy as curl with secrets\u2026");
        curlRevealed.setOnAction(e -> {
            if (new Confirmation(root.getScene().getWindow(), "curlSecretsConfirm", "Copy secrets", "Copy secrets to the clipboard",
                    "The command will contain the profile's secret and the tokens in the body, in plain text. Copy it?",
                    "Copy with secrets", false).ask()) {
                model.copyAsCurl(true);
            }
        });
        MenuButton curl = new MenuButton("curl", new FontIcon(Material2OutlinedAL.CONTENT_COPY), curlMasked, curlRevealed);
        curl.setId("copyAsCurl");
        curl.setTooltip(new Tooltip("Copy this call as a curl command"));

        Button send = new Button("Send", new FontIcon(Material2MZ.SEND));
        send.setId("sendButton");
        send.getStyleClass().add(Styles.ACCENT);
        send.setDefaultButton(false);
        send.setTooltip(new Tooltip("Send (Ctrl+Enter)"));
        send.setOnAction(e -> send());
        send.disableProperty().bind(model.sendingProperty());
        Button cancel = new Button("Cancel", new FontIcon(Material2AL.CLOSE));
        cancel.setId("cancelButton");
        cancel.getStyleClass().add(Styles.DANGER);
        cancel.setOnAction(e -> model.cancel());
        cancel.visibleProperty().bind(model.sendingProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());

        ToggleButton showTokens = new ToggleButton("Show tokens", new FontIcon(Material2OutlinedMZ.VISIBILITY));
        showTokens.setId("revealRequestTokens");
        showTokens.setTooltip(new Tooltip("Show the tokens in the body whole (they are masked on screen, and sent whole)"));
        showTokens.selectedProperty().bindBidirectional(model.revealTokensProperty());

        HBox bar = new HBox(6, insertToken, showTokens, reset, format, curl, new Spacer(), cancel, send);
        bar.setAlignment(Pos.CENTER_LEFT);
        // A narrow editor (a small window, a wide operation list) keeps every button whole.
        NarrowLayout.iconsOnlyWhenCrowded(bar, List.of(insertToken, showTokens, reset, format, curl), cancel.visibleProperty());
        send.setMinWidth(Region.USE_PREF_SIZE);
        return bar;
    }

    private void fillTokenMenu(MenuButton menu) {
        menu.getItems().clear();
        List<ConsoleViewModel.TokenField> fields = model.tokenMenu();
        if (fields.isEmpty()) {
            menu.getItems().add(disabled("This body has no token field"));
            return;
        }
        for (ConsoleViewModel.TokenField field : fields) {
            menu.getItems().add(disabled(field.field()));
            if (field.tokens().isEmpty()) {
                menu.getItems().add(disabled("  no " + field.kind().toLowerCase(java.util.Locale.ROOT) + " in the token book"));
            }
            for (TokenEntry token : field.tokens()) {
                String label = (token.label() == null ? "" : token.label() + "  ") + token.maskedValue()
                        + (token.institution() == null ? "" : "  \u00b7 " + token.institution());
                MenuItem item = new MenuItem("  " + label);
                item.setMnemonicParsing(false);
                item.setOnAction(e -> model.insertToken(field.field(), token));
                menu.getItems().add(item);
            }
            menu.getItems().add(new SeparatorMenuItem());
        }
    }

    private static MenuItem disabled(String text) {
        MenuItem item = new MenuItem(text);
        item.setMnemonicParsing(false); // field names such as access_token keep their underscores
        item.setDisable(true);
        return item;
    }

    private Node requestMessages() {
        Label syntax = message("syntaxError", Material2OutlinedAL.ERROR_OUTLINE, Styles.DANGER);
        ((Label) syntax).textProperty().bind(model.syntaxErrorProperty());
        syntax.visibleProperty().bind(model.syntaxErrorProperty().isNotNull());
        syntax.managedProperty().bind(syntax.visibleProperty());

        Label schema = message("schemaProblems", Material2OutlinedMZ.WARNING, Styles.WARNING);
        schema.textProperty().bind(Bindings.createStringBinding(() -> describe(model.problems()), model.problems()));
        schema.visibleProperty().bind(Bindings.isNotEmpty(model.problems()).and(model.syntaxErrorProperty().isNull()));
        schema.managedProperty().bind(schema.visibleProperty());

        Label notice = message("consoleNotice", Material2OutlinedAL.INFO, null);
        notice.textProperty().bind(model.noticeProperty());
        notice.visibleProperty().bind(model.noticeProperty().isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());
        return new VBox(4, syntax, schema, notice);
    }

    private static Label message(String id, Ikon ikon, String style) {
        Label label = new Label(null, new FontIcon(ikon));
        label.setId(id);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE); // a short window shrinks the editor, not the message
        if (style != null) {
            label.getStyleClass().add(style);
        }
        return label;
    }

    private static String describe(List<SchemaProblem> problems) {
        StringBuilder text = new StringBuilder("The body does not match the request schema:");
        problems.stream().limit(6).forEach(p -> text.append("\n\u2022 ").append(p.field().isEmpty() ? "(body)" : p.field())
                .append(": ").append(p.message()));
        if (problems.size() > 6) {
            text.append("\n\u2022 and ").append(problems.size() - 6).append(" more");
        }
        return text.toString();
    }

    private Node replyPane() {
        Label status = new Label();
        status.setId("replyStatus");
        status.getStyleClass().add(Styles.TEXT_BOLD);
        Label requestId = new Label();
        requestId.setId("replyRequestId");
        requestId.getStyleClass().add("mono");
        Button copyId = new Button(null, new FontIcon(Material2OutlinedAL.CONTENT_COPY));
        copyId.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        copyId.setTooltip(new Tooltip("Copy the request_id"));
        copyId.setOnAction(e -> Clipboards.copy(requestId.getText()));
        copyId.visibleProperty().bind(requestId.textProperty().isNotEmpty());
        Label requestIdLabel = new Label("request_id");
        requestIdLabel.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        requestIdLabel.visibleProperty().bind(requestId.textProperty().isNotEmpty());
        ToggleButton revealTokens = new ToggleButton("Show tokens", new FontIcon(Material2OutlinedMZ.VISIBILITY));
        revealTokens.setId("revealTokens");
        revealTokens.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        revealTokens.setTooltip(new Tooltip("Tokens in the reply are masked until shown"));
        replyTree.revealTokensProperty().bind(revealTokens.selectedProperty());
        revealTokens.selectedProperty().addListener((obs, old, shown) -> showRaw(model.replyProperty().get()));
        this.revealTokens = revealTokens;
        HBox strip = new HBox(8, status, requestIdLabel, requestId, copyId, new Spacer(), revealTokens);
        strip.setAlignment(Pos.CENTER_LEFT);
        strip.setPadding(new Insets(6, 12, 6, 12));
        strip.getStyleClass().add("reply-strip");

        replyTree.setId("replyTree");
        replyRaw.setId("replyRaw");
        replyRaw.setEditable(false);
        replyRaw.getStyleClass().add("mono");
        TabPane tabs = Forms.tabs("replyTabs", Forms.tab("Tree", "replyTreeTab", replyTree), Forms.tab("Raw", "replyRawTab", replyRaw));

        failureView.setId("failureView");
        javafx.scene.control.ScrollPane failureScroll = new javafx.scene.control.ScrollPane(failureView);
        failureScroll.setFitToWidth(true);

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setMaxSize(40, 40);
        Label waiting = new Label("Waiting for Plaid\u2026");
        VBox sendingBox = new VBox(8, spinner, waiting);
        sendingBox.setAlignment(Pos.CENTER);

        Label idle = new Label("Send the request to see the reply here.");
        idle.getStyleClass().add(Styles.TEXT_MUTED);

        replyArea.getChildren().setAll(idle);
        model.sendingProperty().addListener((obs, old, busy) -> {
            if (busy) {
                status.setText("");
                requestId.setText("");
                replyArea.getChildren().setAll(sendingBox);
            }
        });
        model.replyProperty().addListener((obs, old, response) -> {
            if (response == null) {
                if (!model.sendingProperty().get() && model.failureProperty().get() == null) {
                    status.setText("");
                    requestId.setText("");
                    replyArea.getChildren().setAll(idle);
                }
                return;
            }
            status.setText("HTTP " + response.httpStatus() + " \u00b7 " + response.duration().toMillis() + " ms"
                    + (response.attempts() > 1 ? " \u00b7 " + response.attempts() + " attempts" : ""));
            status.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER);
            status.getStyleClass().add(Styles.SUCCESS);
            requestId.setText(response.requestId() == null ? "" : response.requestId());
            if (response.isJson()) {
                replyTree.show(response.json());
                showRaw(response);
                replyArea.getChildren().setAll(tabs);
            } else {
                replyArea.getChildren().setAll(fileReply(response));
            }
        });
        model.failureProperty().addListener((obs, old, report) -> {
            if (report == null) {
                return;
            }
            status.setText(report.httpStatus() == null ? "No reply" : "HTTP " + report.httpStatus());
            status.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER);
            status.getStyleClass().add(Styles.DANGER);
            requestId.setText(report.requestId() == null ? "" : report.requestId());
            failureView.show(report);
            replyArea.getChildren().setAll(failureScroll);
        });
        model.noticeProperty().addListener((obs, old, text) -> {
            if (!model.sendingProperty().get() && model.replyProperty().get() == null && model.failureProperty().get() == null) {
                replyArea.getChildren().setAll(idle);
            }
        });

        BorderPane pane = new BorderPane(replyArea);
        pane.setTop(strip);
        pane.getStyleClass().add("reply-pane");
        return pane;
    }

    /** The reply as text, tokens masked unless the user asked to see them. */
    private void showRaw(PlaidResponse response) {
        if (response == null || !response.isJson()) {
            return;
        }
        String text = response.json().toPrettyString();
        replyRaw.setText(revealTokens.isSelected() ? text : dev.tartan.model.Masking.maskTokensIn(text));
    }

    private Node fileReply(PlaidResponse response) {
        FontIcon icon = new FontIcon(Material2OutlinedAL.INSERT_DRIVE_FILE);
        icon.getStyleClass().add("placeholder-icon");
        Label what = new Label(response.contentType() + " \u00b7 " + String.format("%,d bytes", response.bytes().length));
        what.setId("fileReply");
        Button save = new Button("Save\u2026", new FontIcon(Material2MZ.SAVE));
        save.getStyleClass().add(Styles.ACCENT);
        save.setOnAction(e -> saveFile());
        Button open = new Button("Open", new FontIcon(Material2MZ.OPEN_IN_NEW));
        open.setOnAction(e -> model.openReply());
        VBox box = new VBox(10, icon, what, new HBox(8, save, open));
        ((HBox) box.getChildren().get(2)).setAlignment(Pos.CENTER);
        box.setAlignment(Pos.CENTER);
        return box;
    }

    private void saveFile() {
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName(model.replyFileName());
        File file = chooser.showSaveDialog(root.getScene().getWindow());
        if (file != null) {
            model.saveReply(file.toPath());
        }
    }

    // --- actions ------------------------------------------------------------------------------

    /** The send checks answered by asking the user: the Production guard, and "Send anyway" for a body off its schema. */
    private final class DialogSendChecks implements ConsoleViewModel.SendChecks {
        @Override
        public boolean allowInEnvironment(Profile profile, Operation operation, String body) {
            return ProductionGuard.allow(root.getScene().getWindow(), profile, operation, body);
        }

        @Override
        public boolean sendDespite(Operation operation, List<SchemaProblem> problems) {
            String listed = problems.stream().limit(8).map(p -> "\u2022 " + p).collect(java.util.stream.Collectors.joining("\n"))
                    + (problems.size() > 8 ? "\n\u2026 and " + (problems.size() - 8) + " more" : "");
            return new Confirmation(root.getScene().getWindow(), "schemaGuard", "The body does not fit the schema",
                    operation.path() + ": the body does not fit the operation's schema",
                    listed + "\n\nPlaid will most likely refuse it. Send it as it is?", "Send anyway", false).ask();
        }
    }

    private void send() {
        model.send();
    }

    /** Markdown, readable as plain text: links keep their words, code loses its backquotes. */
    static String plainText(String markdown) {
        return markdown == null ? "" : markdown
                .replaceAll("\\[([^\\]]+)]\\([^)]*\\)", "$1")
                .replace("`", "")
                .replaceAll("\\*\\*([^*]+)\\*\\*", "$1");
    }
}
