package dev.tartan.ui.watchlist;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.tartan.model.AssigneeFilter;
import dev.tartan.model.DashboardUser;
import dev.tartan.model.Screening;
import dev.tartan.model.ScreeningKind;
import dev.tartan.model.ScreeningStatus;
import dev.tartan.model.WatchlistProgram;
import dev.tartan.ui.common.Fixes;
import dev.tartan.ui.common.Forms;
import dev.tartan.ui.common.KeptSelection;
import dev.tartan.ui.common.data.ActionStatus;
import dev.tartan.ui.common.data.Outcome;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;
import org.kordamp.ikonli.material2.Material2OutlinedAL;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * The left of the Watchlist pane: the reviewer's queue with its filters (status with counts,
 * program, whose, search), who the reviewer is, and the buttons that make a screening and export
 * the queue.
 */
final class QueueView extends VBox {

    private final QueueViewModel model;
    private final WatchlistViewModel pane;

    QueueView(WatchlistViewModel pane, Consumer<ScreeningKind> create, Consumer<String> openLink) {
        this.pane = pane;
        this.model = pane.queue();
        setId("watchlistQueuePanel");
        Label heading = new Label("Queue");
        heading.getStyleClass().add(Styles.TITLE_4);
        MenuItem person = Forms.menuItem("Screen a person\u2026", "newIndividualScreening", Material2MZ.PERSON_OUTLINE,
                () -> create.accept(ScreeningKind.INDIVIDUAL));
        MenuItem organisation = Forms.menuItem("Screen an organisation\u2026", "newEntityScreening", Material2AL.BUSINESS,
                () -> create.accept(ScreeningKind.ENTITY));
        MenuButton newScreening = new MenuButton("New", new FontIcon(Material2OutlinedAL.ADD_CIRCLE_OUTLINE), person, organisation);
        newScreening.setId("newScreening");
        newScreening.getStyleClass().add(Styles.SMALL);
        newScreening.setMinWidth(Region.USE_PREF_SIZE);
        Button reload = new Button(null, new FontIcon(Material2MZ.REFRESH));
        reload.setId("queueReload");
        reload.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.SMALL, Styles.FLAT);
        reload.setTooltip(new Tooltip("List the queue again"));
        reload.setOnAction(e -> model.reload());
        Button export = new Button("CSV", new FontIcon(Material2OutlinedAL.GET_APP));
        export.setId("queueExport");
        export.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        export.setTooltip(new Tooltip("Export the screenings shown, with their hits and last review, to a CSV file"));
        export.setOnAction(e -> chooseExportFile());
        export.setMinWidth(Region.USE_PREF_SIZE);
        HBox top = new HBox(6, heading, new Spacer(), export, reload, newScreening);
        top.setAlignment(Pos.CENTER_LEFT);

        ActionStatus<String> exported = new ActionStatus<>("queueExportStatus", model.exportProperty(), text -> text, Fixes.none(), openLink);
        getChildren().addAll(top, reviewer(), statusFilter(), filters(), search(), queueList(), footer(), exported);
        setSpacing(8);
        setPadding(new Insets(10, 6, 10, 10));
        setMinWidth(300);
    }

    /** Writes the queue shown to {@code file} (what the CSV button does once a file is chosen). */
    void exportTo(Path file) {
        model.exportCsv(file);
    }

    private void chooseExportFile() {
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName("watchlist-queue.csv");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        File file = chooser.showSaveDialog(getScene().getWindow());
        if (file != null) {
            exportTo(file.toPath());
        }
    }

    /** "I am": which Dashboard user the reviewer is, for "assigned to me". */
    private Node reviewer() {
        ComboBox<DashboardUser> me = new ComboBox<>(model.users());
        me.setId("queueMe");
        me.setPromptText("your Dashboard user");
        me.setMaxWidth(Double.MAX_VALUE);
        me.setConverter(converter(user -> user.emailAddress() + (user.isActive() ? "" : " (" + user.status() + ")")));
        me.setValue(model.meProperty().get());
        model.meProperty().addListener((obs, old, now) -> me.setValue(now));
        me.valueProperty().addListener((obs, old, now) -> {
            if (now != model.meProperty().get()) {
                model.chooseMe(now);
            }
        });
        HBox.setHgrow(me, Priority.ALWAYS);
        HBox row = new HBox(8, Forms.label("I am"), me);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /** Pending review · Cleared · Rejected · All, each with its count. */
    private Node statusFilter() {
        ToggleGroup group = new ToggleGroup();
        HBox box = new HBox();
        box.setId("queueStatus");
        List<ScreeningStatus> order = List.of(ScreeningStatus.PENDING_REVIEW, ScreeningStatus.CLEARED, ScreeningStatus.REJECTED);
        for (int i = 0; i <= order.size(); i++) {
            ScreeningStatus status = i < order.size() ? order.get(i) : null;
            ToggleButton toggle = new ToggleButton();
            toggle.setToggleGroup(group);
            toggle.setUserData(status);
            toggle.setId(status == null ? "statusAll" : "status-" + status.wire());
            toggle.getStyleClass().add(i == 0 ? Styles.LEFT_PILL : i == order.size() ? Styles.RIGHT_PILL : Styles.CENTER_PILL);
            toggle.getStyleClass().add(Styles.SMALL);
            if (status == null) {
                toggle.setText("All");
            } else {
                toggle.textProperty().bind(Bindings.createStringBinding(() -> (status == ScreeningStatus.PENDING_REVIEW ? "Pending"
                        : status.displayName()) + " " + String.format("%,d", model.countProperty(status).get()), model.countProperty(status)));
            }
            toggle.setMinWidth(Region.USE_PREF_SIZE);
            box.getChildren().add(toggle);
            if (status == model.statusProperty().get()) {
                toggle.setSelected(true);
            }
        }
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true); // one of them is always on
                return;
            }
            model.statusProperty().set((ScreeningStatus) now.getUserData());
        });
        model.statusProperty().addListener((obs, old, now) -> group.getToggles().stream()
                .filter(toggle -> toggle.getUserData() == now).findFirst().ifPresent(toggle -> toggle.setSelected(true)));
        return box;
    }

    /** The program and whose screenings. */
    private Node filters() {
        ObservableList<WatchlistProgram> choices = FXCollections.observableArrayList();
        choices.add(null);
        model.programs().addListener((ListChangeListener<WatchlistProgram>) change -> {
            WatchlistProgram chosen = model.programProperty().get();
            choices.setAll(model.programs().filtered(program -> !program.archived()));
            choices.add(0, null);
            model.programProperty().set(chosen != null && choices.contains(chosen) ? chosen : null);
        });
        ComboBox<WatchlistProgram> program = new ComboBox<>(choices);
        program.setId("queueProgram");
        program.setMaxWidth(Double.MAX_VALUE);
        program.setConverter(converter(each -> each == null ? "All programs" : each.name() + " (" + each.kind().word() + ")"));
        program.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(WatchlistProgram item, boolean empty) {
                super.updateItem(item, empty);
                setText(item == null ? "All programs" : item.name());
            }
        });
        program.valueProperty().bindBidirectional(model.programProperty());
        ComboBox<AssigneeFilter> whose = new ComboBox<>(FXCollections.observableArrayList(AssigneeFilter.values()));
        whose.setId("queueAssignee");
        whose.setConverter(converter(AssigneeFilter::displayName));
        whose.valueProperty().bindBidirectional(model.assigneeProperty());
        whose.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(program, Priority.ALWAYS);
        return new HBox(6, program, whose);
    }

    private Node search() {
        CustomTextField search = new CustomTextField();
        search.setId("queueSearch");
        search.setPromptText("Search a name, client_user_id or id");
        search.setLeft(new FontIcon(Material2MZ.SEARCH));
        search.textProperty().bindBidirectional(model.searchProperty());
        return search;
    }

    private ListView<Screening> queueList() {
        ListView<Screening> list = new ListView<>(model.visibleRows());
        list.setId("watchlistQueue");
        list.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        list.setCellFactory(view -> new QueueCell(pane));
        KeptSelection.keep(list, Screening::id, model::select);
        KeptSelection.mirror(list, model.selectedProperty(), Screening::id);
        Label placeholder = Forms.paragraph("", Styles.TEXT_MUTED);
        placeholder.setPadding(new Insets(12));
        placeholder.textProperty().bind(Bindings.createStringBinding(() -> {
            Outcome<String> state = model.loadingProperty().get();
            if (state.isLoading() && model.rows().isEmpty()) {
                return state.message();
            }
            if (state.phase() == Outcome.Phase.FAILED) {
                return "The queue could not be listed: " + state.failure().summary();
            }
            return model.rows().isEmpty() ? "No screenings yet. Screen a customer with New." : "No screening matches the filters.";
        }, model.loadingProperty(), model.rows()));
        list.setPlaceholder(placeholder);
        VBox.setVgrow(list, Priority.ALWAYS);
        return list;
    }

    /** "12 of 10,000 shown · listing… 3,400 so far". */
    private Node footer() {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setMaxSize(14, 14);
        spinner.visibleProperty().bind(Bindings.createBooleanBinding(() -> model.loadingProperty().get().isLoading(), model.loadingProperty()));
        spinner.managedProperty().bind(spinner.visibleProperty());
        Label count = new Label();
        count.setId("queueCount");
        count.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        count.setWrapText(true);
        count.textProperty().bind(Bindings.createStringBinding(() -> {
            Outcome<String> state = model.loadingProperty().get();
            String shown = String.format("%,d of %,d shown", model.visibleRows().size(), model.rows().size());
            return switch (state.phase()) {
                case LOADING -> shown + " \u00b7 " + state.message();
                case DATA -> shown + " \u00b7 " + state.data();
                case FAILED -> shown + " \u00b7 listing failed: " + state.failure().summary();
                case EMPTY -> shown;
            };
        }, model.visibleRows(), model.rows(), model.loadingProperty()));
        HBox footer = new HBox(6, spinner, count);
        footer.setAlignment(Pos.CENTER_LEFT);
        return footer;
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : text.apply(value);
            }

            @Override
            public T fromString(String string) {
                return null;
            }
        };
    }

    /** A screening in the queue: its name, kind and program, its status, whose it is and how long it has waited. */
    private static final class QueueCell extends ListCell<Screening> {
        private final WatchlistViewModel pane;

        QueueCell(WatchlistViewModel pane) {
            this.pane = pane;
            setPrefWidth(0); // no sideways scroll bar: long names end in "..."
        }

        @Override
        protected void updateItem(Screening row, boolean empty) {
            super.updateItem(row, empty);
            setText(null);
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            Label name = new Label(row.name());
            name.getStyleClass().add(Styles.TEXT_BOLD);
            name.setId("queueCellName");
            Label status = WatchlistView.statusChip(row.status());
            HBox first = new HBox(6, name, new Spacer(), status);
            first.setAlignment(Pos.CENTER_LEFT);
            QueueViewModel queue = pane.queue();
            String whose = row.assignee() == null ? "unassigned" : queue.userName(row.assignee());
            Label facts = new Label(row.kind().displayName() + " \u00b7 " + queue.programName(row.programId()) + " \u00b7 " + whose);
            facts.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            Label waited = new Label((row.clientUserId() == null ? "" : row.clientUserId() + " \u00b7 ") + waited(row.changedAt()));
            waited.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            setGraphic(new VBox(1, first, facts, waited));
        }

        private static String waited(Instant since) {
            if (since == null) {
                return "";
            }
            Duration age = Duration.between(since, Instant.now());
            long days = age.toDays();
            return days >= 2 ? "changed " + days + " days ago" : age.toHours() >= 1 ? "changed " + age.toHours() + " h ago"
                    : "changed " + Math.max(0, age.toMinutes()) + " min ago";
        }
    }
}
