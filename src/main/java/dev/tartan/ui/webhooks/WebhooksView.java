package dev.tartan.ui.webhooks;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.tartan.model.ReceivedWebhook;
import dev.tartan.model.WebhookFilter;
import dev.tartan.model.WebhookVerdict;
import dev.tartan.ui.common.Clipboards;
import dev.tartan.ui.common.EmptyState;
import dev.tartan.ui.common.Fixes;
import dev.tartan.ui.common.Forms;
import dev.tartan.ui.common.JsonTreeView;
import dev.tartan.ui.common.Navigator;
import dev.tartan.ui.common.PaneInfo;
import dev.tartan.ui.common.PaneView;
import dev.tartan.ui.common.data.ActionStatus;
import dev.tartan.ui.common.data.Outcome;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;
import org.kordamp.ikonli.material2.Material2OutlinedAL;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * The Webhooks pane: Tartan's inbox (its URL to copy, its port), the webhooks received on the
 * left, filtered and kept up to date, and the one open on the right: its verdict check by check,
 * its body as a JSON tree, its headers, and a link to what it is about.
 */
public final class WebhooksView implements PaneView {

    public static final PaneInfo INFO = new PaneInfo("webhooks", "Webhooks", Material2AL.INBOX);
    private static final double CHECK_NAME_WIDTH = 90;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private final WebhooksViewModel model;
    private final Navigator navigator;
    private final SplitPane root = new SplitPane();
    private final ListView<ReceivedWebhook> list = new ListView<>();

    public WebhooksView(WebhooksViewModel model, Navigator navigator) {
        this.model = model;
        this.navigator = navigator;
        root.setId("webhooksPane");
        StackPane right = new StackPane(nothingOpen(), detail());
        root.getItems().addAll(left(), right);
        root.setDividerPositions(0.36);
        SplitPane.setResizableWithParent(root.getItems().get(0), false);
        // In front while the window shows it: what arrives meanwhile is seen, not counted.
        root.parentProperty().addListener((obs, old, parent) -> model.setShown(parent != null));
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void onShown() {
        model.setShown(true);
    }

    // --- the left: the inbox and the list ------------------------------------------------------

    private Node left() {
        VBox box = new VBox(8, inbox(), filters(), webhookList(), count());
        VBox.setVgrow(box.getChildren().get(2), Priority.ALWAYS);
        box.setPadding(new Insets(10, 6, 8, 10));
        box.setMinWidth(320);
        return box;
    }

    private Node inbox() {
        Label title = new Label("Tartan's inbox");
        title.getStyleClass().add(Styles.TEXT_BOLD);
        TextField url = new TextField();
        url.setId("inboxUrl");
        url.setEditable(false);
        url.getStyleClass().add("mono");
        url.textProperty().bind(Bindings.createStringBinding(() -> model.inboxUrl().url() == null ? "not listening" : model.inboxUrl().url(),
                model.inboxUrl().urlProperty()));
        Button copy = new Button(null, new FontIcon(Material2OutlinedAL.CONTENT_COPY));
        copy.setId("copyInboxUrl");
        copy.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        copy.setTooltip(new Tooltip("Copy the inbox's URL: give it to an Item, a processor token, a transfer or an asset report as its webhook"));
        copy.disableProperty().bind(model.inboxUrl().urlProperty().isNull());
        copy.setOnAction(e -> Clipboards.copy(model.inboxUrl().url()));
        HBox urlRow = new HBox(4, url, copy);
        HBox.setHgrow(url, Priority.ALWAYS);
        urlRow.setAlignment(Pos.CENTER_LEFT);

        Label problem = Forms.paragraph("", Styles.WARNING);
        problem.setId("inboxProblem");
        problem.textProperty().bind(model.inboxUrl().problemProperty());
        problem.visibleProperty().bind(model.inboxUrl().problemProperty().isNotNull());
        problem.managedProperty().bind(problem.visibleProperty());

        TextField port = Forms.field("inboxPort", "port", model.portProperty());
        port.setPrefColumnCount(6);
        Button apply = new Button("Move");
        apply.setId("applyPort");
        apply.getStyleClass().add(Styles.SMALL);
        apply.setTooltip(new Tooltip("Listen on this port from now on (webhook URLs with the old port no longer reach the inbox)"));
        apply.setOnAction(e -> model.applyPort());
        port.setOnAction(e -> model.applyPort());
        Button verify = new Button("Verify a webhook\u2026", new FontIcon(Material2MZ.VERIFIED_USER));
        verify.setId("verifyWebhook");
        verify.getStyleClass().add(Styles.SMALL);
        verify.setTooltip(new Tooltip("Paste a webhook's body and its Plaid-Verification header (from a customer's logs) and see whether it verifies"));
        verify.setOnAction(e -> VerifyWebhookDialog.show(root.getScene().getWindow(), model.newVerifyForm(), navigator::openLink));
        port.setMaxWidth(90);
        apply.setMinWidth(Region.USE_PREF_SIZE);
        verify.setMinWidth(Region.USE_PREF_SIZE);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox titleRow = new HBox(6, title, gap, verify);
        titleRow.setAlignment(Pos.CENTER_LEFT);
        HBox portRow = new HBox(6, Forms.label("Port"), port, apply);
        portRow.setAlignment(Pos.CENTER_LEFT);
        ActionStatus<?> moved = new ActionStatus<>("portStatus", model.portChangeProperty(),
                listening -> "The inbox listens on port " + listening + " now.", Fixes.none(), navigator::openLink);

        VBox card = new VBox(6, titleRow, urlRow, problem, portRow, moved);
        card.setId("inboxCard");
        card.getStyleClass().add("inbox-card");
        return card;
    }

    private Node filters() {
        ComboBox<String> type = filterBox("filterType", "type", model.types(), model.typeProperty());
        ComboBox<String> code = filterBox("filterCode", "code", model.codes(), model.codeProperty());
        TextField object = Forms.field("filterObject", "object: item_id, screening, \u2026", model.objectProperty());
        ChoiceBox<WebhookFilter.Verdict> verdict = new ChoiceBox<>();
        verdict.setId("filterVerdict");
        verdict.getItems().setAll(WebhookFilter.Verdict.values());
        verdict.setConverter(new StringConverter<>() {
            @Override
            public String toString(WebhookFilter.Verdict value) {
                return value == null ? "" : value.label();
            }

            @Override
            public WebhookFilter.Verdict fromString(String text) {
                return null;
            }
        });
        verdict.valueProperty().bindBidirectional(model.verdictProperty());
        verdict.setMaxWidth(Double.MAX_VALUE);
        Button clear = new Button(null, new FontIcon(Material2AL.CLEAR));
        clear.setId("clearFilter");
        clear.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        clear.setTooltip(new Tooltip("Show every webhook"));
        clear.setOnAction(e -> model.clearFilter());
        GridPane grid = new GridPane();
        grid.setHgap(6);
        grid.setVgap(6);
        grid.addRow(0, type, code);
        grid.addRow(1, object, verdict, clear);
        for (Node field : new Node[] {type, code, object, verdict}) {
            GridPane.setHgrow(field, Priority.ALWAYS);
            ((Region) field).setMaxWidth(Double.MAX_VALUE);
        }
        GridPane.setColumnSpan(code, 2);
        return grid;
    }

    /** An editable combo box of the values seen so far; blank means any. */
    private static ComboBox<String> filterBox(String id, String prompt, javafx.collections.ObservableList<String> values,
                                              javafx.beans.property.StringProperty value) {
        ComboBox<String> box = new ComboBox<>(values);
        box.setId(id);
        box.setEditable(true);
        box.setPromptText(prompt);
        box.getEditor().textProperty().bindBidirectional(value);
        box.valueProperty().addListener((obs, old, chosen) -> {
            if (chosen != null && !chosen.equals(value.get())) {
                value.set(chosen);
            }
        });
        value.addListener((obs, old, now) -> {
            if (now == null || now.isEmpty()) {
                box.setValue(null);
            }
        });
        return box;
    }

    private Node webhookList() {
        list.setId("webhookList");
        list.setItems(model.webhooks());
        list.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        list.setCellFactory(view -> new WebhookCell());
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, picked) -> {
            if (picked != null) {
                model.openProperty().set(picked);
            }
        });
        model.openProperty().addListener((obs, old, now) -> {
            if (now == null || now.id() == 0) {
                list.getSelectionModel().clearSelection();
            }
        });
        Label placeholder = new Label();
        placeholder.setId("webhookListPlaceholder");
        placeholder.setWrapText(true);
        placeholder.setPadding(new Insets(12));
        placeholder.getStyleClass().add(Styles.TEXT_MUTED);
        placeholder.textProperty().bind(Bindings.createStringBinding(() -> {
            Outcome<Integer> state = model.listStateProperty().get();
            return switch (state.phase()) {
                case LOADING -> state.message();
                case FAILED -> "The inbox could not be read: " + state.failure().summary();
                default -> state.message();
            };
        }, model.listStateProperty()));
        list.setPlaceholder(placeholder);
        return list;
    }

    private Node count() {
        Label count = new Label();
        count.setId("webhookCount");
        count.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        count.textProperty().bind(Bindings.createStringBinding(() -> model.webhooks().size() + " listed \u00b7 "
                + model.totalProperty().get() + " in the vault", model.webhooks(), model.totalProperty()));
        return count;
    }

    /**
     * Code and verdict; type and what it is about; when it arrived. The cell's nodes are made once
     * and only their texts change: a flood scrolls new webhooks through the cells several times a
     * second, and styling new nodes each time would cost the FX thread far more.
     */
    private static final class WebhookCell extends ListCell<ReceivedWebhook> {
        private final Label code = new Label();
        private final Label verdict = new Label();
        private final Label about = new Label();
        private final Label when = new Label();
        private final Tooltip failure = new Tooltip();
        private final VBox box;

        WebhookCell() {
            setPrefWidth(0);
            code.setId("webhookCellCode");
            code.getStyleClass().add(Styles.TEXT_BOLD);
            code.setMnemonicParsing(false);
            verdict.setId("verdictChip");
            verdict.getStyleClass().add("status-chip");
            verdict.setMinWidth(Region.USE_PREF_SIZE);
            HBox top = new HBox(6, code, verdict);
            top.setAlignment(Pos.CENTER_LEFT);
            about.setMnemonicParsing(false);
            about.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            when.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            box = new VBox(2, top, about, when);
        }

        @Override
        protected void updateItem(ReceivedWebhook webhook, boolean empty) {
            super.updateItem(webhook, empty);
            setText(null);
            if (empty || webhook == null) {
                setGraphic(null);
                return;
            }
            code.setText(webhook.code().isEmpty() ? "(no webhook_code)" : webhook.code());
            showVerdict(verdict, webhook.verdict());
            boolean failed = !webhook.verdict().isPending() && !webhook.verdict().verified();
            failure.setText(failed ? webhook.verdict().firstFailure() : "");
            verdict.setTooltip(failed ? failure : null);
            about.setText(webhook.type() + (webhook.subject() == null ? "" : " \u00b7 " + webhook.subject().id()));
            when.setText(TIME.format(webhook.receivedAt()));
            setGraphic(box);
        }
    }

    /** Shows a verdict on a chip: "verified", "failed" or "not checked yet", coloured. */
    private static void showVerdict(Label chip, WebhookVerdict verdict) {
        String style = verdict.isPending() ? "status-unknown" : verdict.verified() ? "status-ok" : "status-error";
        chip.setText(verdict.isPending() ? "not checked yet" : verdict.verified() ? "verified" : "failed");
        if (!chip.getStyleClass().contains(style)) {
            chip.getStyleClass().removeAll("status-unknown", "status-ok", "status-error");
            chip.getStyleClass().add(style);
        }
    }

    /** A new chip showing a verdict, with the first failure as its tooltip. */
    static Label chip(WebhookVerdict verdict) {
        Label chip = new Label();
        chip.setId("verdictChip");
        chip.getStyleClass().add("status-chip");
        showVerdict(chip, verdict);
        if (!verdict.isPending() && !verdict.verified()) {
            chip.setTooltip(new Tooltip(verdict.firstFailure()));
        }
        return chip;
    }

    // --- the right: the open webhook ------------------------------------------------------------

    private Node nothingOpen() {
        VBox box = EmptyState.of(Material2AL.INBOX, "Pick a webhook",
                "Its verdict, check by check, its body and its headers open here. Give Tartan's inbox as the webhook URL "
                        + "of an Item or a processor token (\"Use Tartan's inbox\"), and what Plaid sends arrives on the left.");
        box.visibleProperty().bind(model.openProperty().isNull());
        return box;
    }

    private Node detail() {
        Label title = new Label();
        title.setId("webhookTitle");
        title.getStyleClass().add(Styles.TITLE_3);
        title.setMnemonicParsing(false);
        HBox chipBox = new HBox();
        HBox titleRow = new HBox(8, title, chipBox);
        titleRow.setAlignment(Pos.CENTER_LEFT);
        Label subtitle = new Label();
        subtitle.setId("webhookSubtitle");
        subtitle.getStyleClass().add(Styles.TEXT_MUTED);
        subtitle.setMnemonicParsing(false);

        Hyperlink link = new Hyperlink();
        link.setId("webhookLink");
        link.setMnemonicParsing(false);
        link.setWrapText(true);
        Label linkNote = Forms.paragraph("", Styles.TEXT_MUTED);
        linkNote.setId("webhookLinkNote");
        model.linkProperty().addListener((obs, old, now) -> {
            boolean goes = now != null && now.destination() != null;
            link.setText(goes ? now.text() : "");
            link.setVisible(goes);
            link.setManaged(goes);
            linkNote.setText(now != null && !goes ? now.text() : "");
            linkNote.setVisible(now != null && !goes);
            linkNote.setManaged(linkNote.isVisible());
        });
        link.setVisible(false);
        link.setManaged(false);
        linkNote.setVisible(false);
        linkNote.setManaged(false);
        link.setOnAction(e -> {
            WebhooksViewModel.Link target = model.linkProperty().get();
            if (target != null && target.destination() != null) {
                navigator.open(target.destination());
            }
        });

        VBox checks = new VBox(6);
        checks.setId("verdictChecks");
        Label checksHeading = new Label("Verification");
        checksHeading.getStyleClass().add(Styles.TITLE_4);
        checksHeading.setPadding(new Insets(8, 0, 2, 0));

        JsonTreeView body = new JsonTreeView();
        body.setId("webhookBody");
        body.revealTokensProperty().set(true); // what Plaid sent, as sent: a webhook carries ids, not secrets
        GridPane headers = new GridPane();
        headers.setId("webhookHeaders");
        headers.setHgap(14);
        headers.setVgap(4);
        headers.setPadding(new Insets(10));
        ScrollPane headersScroll = new ScrollPane(headers);
        headersScroll.setFitToWidth(true);
        TextArea raw = new TextArea();
        raw.setId("webhookRaw");
        raw.setEditable(false);
        raw.getStyleClass().add("mono");
        TabPane tabs = Forms.tabs("webhookTabs", Forms.tab("Body", "tabWebhookBody", body),
                Forms.tab("Headers", "tabWebhookHeaders", headersScroll), Forms.tab("Raw", "tabWebhookRaw", raw));
        VBox.setVgrow(tabs, Priority.ALWAYS);

        VBox top = new VBox(4, titleRow, subtitle, link, linkNote, checksHeading, checks);
        top.setPadding(new Insets(12, 14, 6, 14));
        VBox page = new VBox(4, top, tabs);
        page.setId("webhookDetail");
        page.visibleProperty().bind(model.openProperty().isNotNull());

        model.openProperty().addListener((obs, old, webhook) -> {
            if (webhook == null) {
                return;
            }
            title.setText(webhook.code().isEmpty() ? "(no webhook_code)" : webhook.code());
            chipBox.getChildren().setAll(chip(webhook.verdict()));
            subtitle.setText((webhook.type().isEmpty() ? "no webhook_type" : webhook.type())
                    + (webhook.id() == 0 ? " \u00b7 pasted, checked " + TIME.format(webhook.receivedAt()) + ", not kept"
                    : " \u00b7 received " + TIME.format(webhook.receivedAt()) + " \u00b7 #" + webhook.id()));
            showChecks(checks, webhook.verdict());
            showHeaders(headers, webhook.headers());
            raw.setText(webhook.body());
        });
        model.openBodyProperty().addListener((obs, old, json) -> {
            body.show(json);
            if (json != null) {
                body.expandTo(2);
            }
        });
        return page;
    }

    private static void showChecks(VBox box, WebhookVerdict verdict) {
        box.getChildren().clear();
        if (verdict.isPending()) {
            box.getChildren().add(Forms.paragraph("Not checked yet: the inbox verifies each webhook as soon as it is kept.", Styles.TEXT_MUTED));
            return;
        }
        for (WebhookVerdict.Check check : verdict.checks()) {
            FontIcon icon = new FontIcon(check.passed() ? Material2AL.CHECK_CIRCLE : Material2AL.CANCEL);
            icon.getStyleClass().add(check.passed() ? Styles.SUCCESS : Styles.DANGER);
            Label name = new Label(check.name());
            name.getStyleClass().add(Styles.TEXT_BOLD);
            name.setMinWidth(Region.USE_PREF_SIZE);
            name.setPrefWidth(CHECK_NAME_WIDTH); // the words of every check start in one column
            Label words = Forms.paragraph(check.words(), null);
            words.setId("checkWords");
            HBox row = new HBox(8, icon, name, words);
            row.setId("check-" + check.name().replaceAll("[^A-Za-z]", ""));
            row.getStyleClass().add(check.passed() ? "check-passed" : "check-failed");
            row.setAlignment(Pos.TOP_LEFT);
            HBox.setHgrow(words, Priority.ALWAYS);
            box.getChildren().add(row);
        }
    }

    private static void showHeaders(GridPane grid, Map<String, String> headers) {
        grid.getChildren().clear();
        int row = 0;
        for (Map.Entry<String, String> header : new java.util.TreeMap<>(headers).entrySet()) {
            Label name = Forms.label(header.getKey());
            Label value = new Label(header.getValue());
            value.getStyleClass().add("mono");
            value.setWrapText(true);
            value.setMinHeight(Region.USE_PREF_SIZE);
            grid.addRow(row++, name, value);
        }
    }
}
