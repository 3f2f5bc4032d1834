package dev.tartan.ui.watchlist;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import dev.tartan.model.DashboardUser;
import dev.tartan.model.Screening;
import dev.tartan.model.ScreeningTerms;
import dev.tartan.model.WatchlistProgram;
import dev.tartan.ui.common.Clipboards;
import dev.tartan.ui.common.Fixes;
import dev.tartan.ui.common.Forms;
import dev.tartan.ui.common.data.ActionStatus;
import dev.tartan.ui.common.data.CallLogView;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The right of the Watchlist pane: the open screening's header (name, status, search terms,
 * program, assignee), its actions, and its tabs (hits, timeline, raw JSON).
 */
final class ScreeningView extends VBox {

    private final ScreeningViewModel model;
    private final Runnable review;
    private final Runnable editTerms;
    private final Runnable changeStatus;
    private final HitsTab hits;
    private final TabPane tabs;

    ScreeningView(ScreeningViewModel model, BooleanBinding emulator, Runnable review, Runnable editTerms, Runnable changeStatus,
                  Consumer<String> openLink) {
        this.model = model;
        this.review = review;
        this.editTerms = editTerms;
        this.changeStatus = changeStatus;
        this.hits = new HitsTab(model, review, openLink);
        setId("screeningDetail");
        this.tabs = Forms.tabs("screeningTabs",
                Forms.tab("Hits", "hitsTab", hits.build()),
                Forms.tab("Timeline", "timelineTab", new TimelineTab(model, openLink).build()),
                Forms.tab("Raw JSON", "screeningRawTab", new CallLogView(model.calls())));
        VBox.setVgrow(tabs, Priority.ALWAYS);
        ActionStatus<String> status = new ActionStatus<>("screeningAction", model.actionProperty(), text -> text, Fixes.none(), openLink);
        status.setPadding(new Insets(0, 12, 0, 12));
        getChildren().addAll(header(), actions(emulator), status, keys(), tabs);
    }

    HitsTab hits() {
        return hits;
    }

    TabPane tabs() {
        return tabs;
    }

    private Node header() {
        Label title = new Label();
        title.setId("screeningTitle");
        title.getStyleClass().add(Styles.TITLE_3);
        HBox chipBox = new HBox();
        chipBox.setAlignment(Pos.CENTER_LEFT);
        Label id = new Label();
        id.setId("screeningId");
        id.getStyleClass().addAll("mono", Styles.TEXT_SMALL);
        Button copy = new Button(null, new FontIcon(Material2OutlinedAL.CONTENT_COPY));
        copy.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        copy.setTooltip(new Tooltip("Copy the screening id"));
        copy.setOnAction(e -> {
            if (model.screeningProperty().get() != null) {
                Clipboards.copy(model.screeningProperty().get().id());
            }
        });
        Label terms = Forms.paragraph("", null);
        terms.setId("screeningTerms");
        Label facts = Forms.paragraph("", Styles.TEXT_MUTED);
        facts.setId("screeningFacts");
        facts.getStyleClass().add(Styles.TEXT_SMALL);
        Runnable show = () -> {
            Screening open = model.screeningProperty().get();
            if (open == null) {
                return;
            }
            title.setText(open.name());
            Label chip = WatchlistView.statusChip(open.status());
            chip.setId("screeningStatus");
            chipBox.getChildren().setAll(chip);
            id.setText(open.kind().displayName() + " \u00b7 " + open.id());
            terms.setText(describe(open.terms()));
            facts.setText(String.join("  \u00b7  ", List.of(
                    "program " + model.programName(open.programId()),
                    open.assignee() == null ? "unassigned" : "assigned to " + model.userName(open.assignee()),
                    "client_user_id " + (open.clientUserId() == null ? "none" : open.clientUserId()),
                    "search terms version " + open.terms().version())));
        };
        model.screeningProperty().addListener((obs, old, now) -> show.run());
        show.run();
        HBox top = new HBox(10, title, chipBox);
        top.setAlignment(Pos.CENTER_LEFT);
        HBox idRow = new HBox(4, id, copy);
        idRow.setAlignment(Pos.CENTER_LEFT);
        VBox header = new VBox(2, top, idRow, terms, facts);
        header.setPadding(new Insets(10, 12, 4, 12));
        return header;
    }

    /** "Searched: Joseph Kony · born 1964-09-18 · CF · document E09598913". */
    static String describe(ScreeningTerms terms) {
        List<String> parts = new ArrayList<>();
        parts.add("Searched: " + terms.legalName());
        if (terms.dateOfBirth() != null) {
            parts.add("born " + terms.dateOfBirth());
        }
        if (terms.country() != null) {
            parts.add(terms.country());
        }
        if (terms.documentNumber() != null) {
            parts.add("document " + terms.documentNumber());
        }
        if (terms.emailAddress() != null) {
            parts.add(terms.emailAddress());
        }
        if (terms.phoneNumber() != null) {
            parts.add(terms.phoneNumber());
        }
        if (terms.url() != null) {
            parts.add(terms.url());
        }
        return String.join(" \u00b7 ", parts);
    }

    private Node actions(BooleanBinding emulator) {
        Button reviewButton = new Button("Review\u2026", new FontIcon(Material2MZ.RATE_REVIEW));
        reviewButton.setId("reviewScreening");
        reviewButton.getStyleClass().add(Styles.ACCENT);
        reviewButton.setOnAction(e -> review.run());

        MenuButton assign = new MenuButton("Assign", new FontIcon(Material2MZ.PERSON_OUTLINE));
        assign.setId("assignScreening");
        assign.setOnShowing(e -> {
            List<MenuItem> items = new ArrayList<>();
            items.add(Forms.menuItem("To me", "assignToMe", null, model::assignToMe));
            items.add(new SeparatorMenuItem());
            for (DashboardUser user : model.assignableUsers()) {
                items.add(Forms.menuItem(user.emailAddress(), "assign-" + user.id(), null, () -> model.assign(user)));
            }
            items.add(new SeparatorMenuItem());
            items.add(Forms.menuItem("Nobody (unassign)", "unassign", null, () -> model.assign(null)));
            assign.getItems().setAll(items);
        });
        assign.getItems().add(new MenuItem("\u2026"));

        MenuButton program = new MenuButton("Program", new FontIcon(Material2OutlinedAL.FOLDER_OPEN));
        program.setId("changeProgram");
        program.setOnShowing(e -> {
            List<MenuItem> items = new ArrayList<>();
            for (WatchlistProgram each : model.otherPrograms()) {
                items.add(Forms.menuItem(each.name() + " (" + each.sensitivity() + ")", "program-" + each.id(), null,
                        () -> model.changeProgram(each)));
            }
            if (items.isEmpty()) {
                MenuItem none = new MenuItem("No other program of this kind");
                none.setDisable(true);
                items.add(none);
            }
            program.getItems().setAll(items);
        });
        program.getItems().add(new MenuItem("\u2026"));

        Button status = new Button("Status\u2026", new FontIcon(Material2MZ.SWAP_HORIZ));
        status.setId("changeStatus");
        status.setOnAction(e -> changeStatus.run());
        Button edit = new Button("Edit search terms\u2026", new FontIcon(Material2OutlinedAL.EDIT));
        edit.setId("editSearchTerms");
        edit.setOnAction(e -> editTerms.run());
        Button rescan = new Button("Simulate a new hit", new FontIcon(Material2OutlinedMZ.NEW_RELEASES));
        rescan.setId("simulateRescan");
        rescan.getStyleClass().add(Styles.FLAT);
        rescan.setTooltip(new Tooltip("Emulator only: play the daily rescan after a list update that names this customer"));
        rescan.setOnAction(e -> model.simulateRescanHit());
        rescan.visibleProperty().bind(emulator);
        rescan.managedProperty().bind(emulator);
        FlowPane row = new FlowPane(6, 6, reviewButton, assign, program, status, edit, rescan);
        for (Node node : row.getChildren()) {
            ((Region) node).setMinWidth(Region.USE_PREF_SIZE);
        }
        row.setPadding(new Insets(4, 12, 4, 12));
        return row;
    }

    private static Node keys() {
        Label keys = new Label("Keys: N / P next or previous screening \u00b7 J / K next or previous hit \u00b7 C confirm \u00b7 D dismiss "
                + "\u00b7 U undo \u00b7 Shift+D dismiss the rest \u00b7 R review (comment, Ctrl+Enter submits)");
        keys.setId("reviewKeys");
        keys.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        keys.setWrapText(true);
        keys.setMinHeight(Region.USE_PREF_SIZE);
        HBox box = new HBox(keys, new Spacer());
        box.setPadding(new Insets(0, 12, 4, 12));
        return box;
    }
}
