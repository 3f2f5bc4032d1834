package dev.tartan.ui.watchlist;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.tartan.model.HitComparison;
import dev.tartan.model.HitDecision;
import dev.tartan.model.HitValue;
import dev.tartan.model.MatchSummary;
import dev.tartan.model.ReviewPlan;
import dev.tartan.model.ScreeningHit;
import dev.tartan.model.WatchlistLists;
import dev.tartan.ui.common.Figures;
import dev.tartan.ui.common.Fixes;
import dev.tartan.ui.common.Forms;
import dev.tartan.ui.common.data.DataPane;
import javafx.collections.MapChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The Hits tab: the screening's hits on the left (pick one or several to decide), the one looked at
 * on the right beside the search terms field by field with each field's match in plain words, its
 * list and dates, its names and aliases; and under the hits what the review will decide.
 */
final class HitsTab {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).withZone(ZoneId.systemDefault());

    private final ScreeningViewModel model;
    private final Runnable review;
    private final Consumer<String> openLink;
    private final ListView<ScreeningHit> list = new ListView<>();

    /** @param review opens the review dialog */
    HitsTab(ScreeningViewModel model, Runnable review, Consumer<String> openLink) {
        this.model = model;
        this.review = review;
        this.openLink = openLink;
    }

    /** The hit ids picked in the list (the one looked at when none is). */
    List<String> pickedHitIds() {
        List<String> picked = list.getSelectionModel().getSelectedItems().stream().map(ScreeningHit::id).toList();
        if (!picked.isEmpty()) {
            return picked;
        }
        ScreeningHit looked = model.hitProperty().get();
        return looked == null ? List.of() : List.of(looked.id());
    }

    ListView<ScreeningHit> list() {
        return list;
    }

    Node build() {
        SplitPane split = new SplitPane(left(), right());
        split.setDividerPositions(0.33);
        DataPane pane = new DataPane(split, Fixes.retry(model::loadHits), openLink);
        pane.setId("hitsPane");
        pane.bind(model.hitsStateProperty(), reply -> { });
        return pane;
    }

    private Node left() {
        list.setItems(model.hits());
        list.setId("hitList");
        list.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        list.setCellFactory(view -> new HitCell(model));
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null && now != model.hitProperty().get()) {
                model.selectHit(now);
            }
        });
        model.hitProperty().addListener((obs, old, now) -> {
            if (now != null && !list.getSelectionModel().getSelectedItems().contains(now)) {
                list.getSelectionModel().clearAndSelect(list.getItems().indexOf(now));
                list.scrollTo(Math.max(0, list.getItems().indexOf(now) - 2));
            }
        });
        model.decisions().addListener((MapChangeListener<String, HitDecision>) change -> list.refresh());

        Button confirm = decisionButton("Confirm", "hitConfirm", Material2AL.CHECK_CIRCLE, "C",
                "The entry is this customer (C)", () -> model.decide(pickedHitIds(), HitDecision.CONFIRM));
        confirm.getStyleClass().add(Styles.DANGER);
        Button dismiss = decisionButton("Dismiss", "hitDismiss", Material2AL.BLOCK, "D",
                "The entry is someone else (D)", () -> model.decide(pickedHitIds(), HitDecision.DISMISS));
        dismiss.getStyleClass().add(Styles.SUCCESS);
        Button undo = decisionButton("Undo", "hitUndo", Material2MZ.UNDO, "U", "Undecide the hits picked (U)",
                () -> model.decide(pickedHitIds(), null));
        Button rest = decisionButton("Dismiss the rest", "hitDismissRest", Material2AL.DONE_ALL, "Shift+D",
                "Dismiss every pending hit not decided yet (Shift+D)", model::dismissAllRemaining);
        FlowPane buttons = new FlowPane(6, 6, confirm, dismiss, undo, rest);

        Label plan = Forms.paragraph("", Styles.TEXT_SMALL);
        plan.setId("reviewPlan");
        Consumer<ReviewPlan> showPlan = decided -> plan.setText(decided.describe());
        model.planProperty().addListener((obs, old, now) -> showPlan.accept(now));
        showPlan.accept(model.planProperty().get());
        Button send = new Button("Review\u2026", new FontIcon(Material2MZ.RATE_REVIEW));
        send.setId("openReview");
        send.getStyleClass().add(Styles.ACCENT);
        send.setTooltip(new Tooltip("Write the comment and submit the review (R, or Ctrl+Enter)"));
        send.setOnAction(e -> review.run());
        send.setMinWidth(Region.USE_PREF_SIZE);

        VBox.setVgrow(list, Priority.ALWAYS);
        VBox box = new VBox(8, list, buttons, plan, send);
        box.setPadding(new Insets(6));
        box.setMinWidth(220);
        return box;
    }

    private static Button decisionButton(String text, String id, org.kordamp.ikonli.Ikon icon, String key, String tooltip, Runnable action) {
        Button button = new Button(text, new FontIcon(icon));
        button.setId(id);
        button.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        button.setTooltip(new Tooltip(tooltip));
        button.setOnAction(e -> action.run());
        button.setMnemonicParsing(false);
        button.setFocusTraversable(false); // the keys act on the hits; the list keeps the focus
        return button;
    }

    // --- the hit looked at -------------------------------------------------------------------------------

    private Node right() {
        VBox detail = new VBox(12);
        detail.setId("hitDetail");
        detail.setPadding(new Insets(10, 12, 12, 12));
        Runnable show = () -> fill(detail, model.hitProperty().get(), model.comparisonProperty().get());
        model.comparisonProperty().addListener((obs, old, now) -> show.run());
        model.decisions().addListener((MapChangeListener<String, HitDecision>) change -> show.run());
        show.run();
        ScrollPane scroll = new ScrollPane(detail);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private void fill(VBox detail, ScreeningHit hit, List<HitComparison.Row> rows) {
        if (hit == null) {
            detail.getChildren().setAll(Forms.paragraph("Pick a hit to see it beside the search terms.", Styles.TEXT_MUTED));
            return;
        }
        Label name = new Label(hit.primaryName());
        name.setId("hitName");
        name.getStyleClass().add(Styles.TITLE_3);
        name.setWrapText(true);
        Label status = WatchlistView.hitChip(hit, model.decisions().get(hit.id()));
        status.setId("hitStatus");
        HBox title = new HBox(10, name, new Spacer(), status);
        title.setAlignment(Pos.CENTER_LEFT);

        Label source = new Label(WatchlistLists.name(hit.listCode()));
        source.setId("hitSource");
        source.getStyleClass().add(Styles.TEXT_BOLD);
        source.setWrapText(true);
        Label dates = Forms.paragraph(sourceFacts(hit), Styles.TEXT_MUTED);
        dates.setId("hitSourceFacts");
        dates.getStyleClass().add(Styles.TEXT_SMALL);

        detail.getChildren().setAll(title, new VBox(2, source, dates), comparison(rows), aliases(hit));
    }

    private static String sourceFacts(ScreeningHit hit) {
        StringBuilder facts = new StringBuilder();
        facts.append("listed since ").append(hit.firstActive() == null ? "unknown" : DAY.format(hit.firstActive()));
        if (hit.inactiveSince() != null) {
            facts.append(" \u00b7 inactive since ").append(DAY.format(hit.inactiveSince()));
        }
        if (hit.historicalSince() != null) {
            facts.append(" \u00b7 historical since ").append(DAY.format(hit.historicalSince()));
        }
        facts.append(" \u00b7 source id ").append(hit.sourceUid() == null ? "none" : hit.sourceUid());
        facts.append(" \u00b7 Plaid id ").append(hit.plaidUid());
        facts.append(" \u00b7 hit ").append(hit.id());
        facts.append(" \u00b7 compared with search terms version ").append(hit.termsVersion());
        return facts.toString();
    }

    /** Field | the customer's | the list's | how they compare. */
    private static Node comparison(List<HitComparison.Row> rows) {
        GridPane grid = new GridPane();
        grid.setId("hitComparison");
        grid.setHgap(14);
        grid.setVgap(10);
        ColumnConstraints field = new ColumnConstraints();
        field.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints theirs = new ColumnConstraints();
        theirs.setPercentWidth(24);
        ColumnConstraints listed = new ColumnConstraints();
        listed.setHgrow(Priority.ALWAYS);
        ColumnConstraints verdict = new ColumnConstraints();
        verdict.setPercentWidth(26);
        grid.getColumnConstraints().addAll(field, theirs, listed, verdict);
        grid.addRow(0, header(""), header("Search terms"), header("On the list"), header("Match"));
        int row = 1;
        for (HitComparison.Row each : rows) {
            String key = each.field().name().toLowerCase(Locale.ROOT);
            Label label = Forms.label(each.field().label());
            Node searched = each.field() == dev.tartan.model.HitField.NAMES && !each.nameParts().isEmpty()
                    ? nameParts(each.nameParts()) : value(each.searched() == null ? "not given" : each.searched(), each.searched() == null);
            VBox values = new VBox(2);
            if (each.listed().isEmpty()) {
                values.getChildren().add(value("nothing listed", true));
            }
            for (HitValue listedValue : each.listed().stream().limit(6).toList()) {
                values.getChildren().add(listedValue(listedValue));
            }
            if (each.listed().size() > 6) {
                values.getChildren().add(value("and " + (each.listed().size() - 6) + " more below", true));
            }
            Label verdictLabel = Forms.paragraph(each.verdict(), null);
            verdictLabel.setId("match-" + key);
            verdictLabel.getStyleClass().addAll("match-level", levelStyle(each.summary()));
            grid.addRow(row++, label, searched, values, verdictLabel);
        }
        VBox box = new VBox(6, Forms.heading("Beside the search terms", "How each of the customer's details compares with the entry's."),
                grid);
        box.getStyleClass().add(Figures.CARD);
        return box;
    }

    private static Label header(String text) {
        Label label = new Label(text);
        label.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED, Styles.TEXT_BOLD);
        return label;
    }

    private static Label value(String text, boolean muted) {
        Label label = Forms.paragraph(text, muted ? Styles.TEXT_MUTED : null);
        return label;
    }

    /** The searched name, each part marked as found, spelt a little differently, or missing. */
    private static Node nameParts(List<HitComparison.NamePart> parts) {
        FlowPane flow = new FlowPane(4, 4);
        flow.setId("nameParts");
        for (HitComparison.NamePart part : parts) {
            Label chip = new Label(part.word() + switch (part.match()) {
                case SAME -> " \u2713";
                case CLOSE -> " \u2248";
                case MISSING -> " \u2717";
            });
            chip.getStyleClass().addAll("name-part", "name-part-" + part.match().name().toLowerCase(Locale.ROOT));
            chip.setTooltip(new Tooltip(switch (part.match()) {
                case SAME -> "The entry's names have " + part.word();
                case CLOSE -> "The entry has " + part.found() + ", a letter or two from " + part.word();
                case MISSING -> "None of the entry's names has " + part.word();
            }));
            flow.getChildren().add(chip);
        }
        return flow;
    }

    private static Node listedValue(HitValue listed) {
        Label text = Forms.paragraph(listed.text() + (listed.detail() == null ? "" : " (" + listed.detail() + ")"), null);
        if (listed.primary()) {
            text.getStyleClass().add(Styles.TEXT_BOLD);
        }
        if (listed.summary() != null) {
            text.getStyleClass().add(levelStyle(listed.summary()));
            text.setTooltip(new Tooltip(listed.summary().plainWords()));
        }
        return text;
    }

    /** Every name of the entry: the primary one, its aliases, and the weak aliases that never make a hit alone. */
    private static Node aliases(ScreeningHit hit) {
        VBox names = new VBox(2);
        names.setId("hitAliases");
        List<HitValue> aliases = hit.aliases();
        if (aliases.isEmpty()) {
            names.getChildren().add(value("No other names.", true));
        }
        for (HitValue alias : aliases) {
            Label label = Forms.paragraph(alias.text() + (alias.weakAlias() ? "  \u00b7 weak alias" : ""),
                    alias.weakAlias() ? Styles.TEXT_MUTED : null);
            if (alias.summary() != null) {
                label.getStyleClass().add(levelStyle(alias.summary()));
            }
            names.getChildren().add(label);
        }
        return new VBox(6, Forms.heading("Also known as", aliases.size() + (aliases.size() == 1 ? " other name" : " other names")
                + " on the list"), names);
    }

    /** The style of a match level: a match is what a reviewer must look at. */
    static String levelStyle(MatchSummary summary) {
        return summary == null ? "match-unknown" : "match-" + summary.wire().replace('_', '-');
    }

    /** A hit in the list: its name, its list, its match at a glance, and the decision on it. */
    private static final class HitCell extends ListCell<ScreeningHit> {
        private final ScreeningViewModel model;

        HitCell(ScreeningViewModel model) {
            this.model = model;
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(ScreeningHit hit, boolean empty) {
            super.updateItem(hit, empty);
            setText(null);
            if (empty || hit == null) {
                setGraphic(null);
                return;
            }
            Label name = new Label(hit.primaryName());
            name.getStyleClass().add(Styles.TEXT_BOLD);
            Label chip = WatchlistView.hitChip(hit, model.decisions().get(hit.id()));
            HBox first = new HBox(6, name, new Spacer(), chip);
            first.setAlignment(Pos.CENTER_LEFT);
            Label list = new Label(hit.listCode());
            list.getStyleClass().addAll("mono", Styles.TEXT_SMALL);
            dev.tartan.model.Screening screeningOf = model.screeningProperty().get();
            Label glance = new Label(screeningOf == null ? "" : HitComparison.oneLine(screeningOf.kind(), hit));
            glance.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            glance.setWrapText(true);
            setGraphic(new VBox(1, first, list, glance));
        }
    }
}
