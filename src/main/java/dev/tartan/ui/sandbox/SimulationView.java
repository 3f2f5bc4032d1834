package dev.tartan.ui.sandbox;

import atlantafx.base.theme.Styles;
import dev.tartan.model.RequestField;
import dev.tartan.model.SandboxFacts.Choice;
import dev.tartan.model.SimulationResult;
import dev.tartan.model.TokenEntry;
import dev.tartan.ui.common.Badges;
import dev.tartan.ui.common.Fixes;
import dev.tartan.ui.common.Forms;
import dev.tartan.ui.common.JsonEditor;
import dev.tartan.ui.common.JsonTreeView;
import dev.tartan.ui.common.NarrowLayout;
import dev.tartan.ui.common.Navigator;
import dev.tartan.ui.common.TokenPicker;
import dev.tartan.ui.common.data.ActionStatus;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.CheckComboBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** One simulation: what it does, its form, the Run button, the result and the webhooks it caused. */
final class SimulationView {

    private final SimulationViewModel model;
    private final SandboxViewModel pane;
    private final Navigator navigator;
    private final BorderPane root = new BorderPane();

    /** Above: what it does and its form, the Run button always in view; below: the result beside the webhooks. */
    SimulationView(SimulationViewModel model, SandboxViewModel pane, Navigator navigator) {
        this.model = model;
        this.pane = pane;
        this.navigator = navigator;
        VBox page = new VBox(14, header(), form());
        page.setPadding(new Insets(14, 16, 12, 16));
        ScrollPane formScroll = new ScrollPane(page);
        formScroll.setId("simulationForm");
        formScroll.setFitToWidth(true);
        Node actions = actions();
        BorderPane top = new BorderPane(formScroll);
        top.setBottom(actions);
        // A short form does not keep room it does not use: the result and webhooks below get it.
        top.setMaxHeight(Region.USE_PREF_SIZE);

        Node result = result();
        Node webhooks = webhooks();
        SplitPane bottom = new SplitPane(result, webhooks);
        bottom.setDividerPositions(0.5);
        SplitPane split = new SplitPane(top, bottom);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.58);
        root.setCenter(split);
        root.setId("simulationView");
    }

    Node node() {
        return root;
    }

    private Node header() {
        Label title = new Label(model.form().simulation().title());
        title.setId("simulationTitle");
        title.getStyleClass().add(Styles.TITLE_3);
        Label product = new Label(model.form().simulation().product());
        product.getStyleClass().add("env-chip");
        Label method = new Label(model.form().operation().method());
        method.getStyleClass().add("method-chip");
        Label path = new Label(model.form().operation().path());
        path.setId("simulationPath");
        path.getStyleClass().add("mono");
        HBox line = new HBox(8, product, method, path, Badges.of(model.form().operation()));
        line.setAlignment(Pos.CENTER_LEFT);
        String what = model.form().simulation().what().isEmpty() ? model.form().operation().summary() : model.form().simulation().what();
        Label description = Forms.paragraph(what, Styles.TEXT_MUTED);
        description.setId("simulationWhat");
        return new VBox(6, title, line, description);
    }

    private Node form() {
        VBox box = new VBox(10, grid(model.mainFields()));
        List<SimulationViewModel.Field> others = model.otherFields();
        if (!others.isEmpty()) {
            TitledPane more = new TitledPane("More fields (" + others.size() + ")", grid(others));
            more.setId("simulationMoreFields");
            more.setExpanded(false);
            more.getStyleClass().add(Styles.DENSE);
            box.getChildren().add(more);
        }
        return box;
    }

    private GridPane grid(List<SimulationViewModel.Field> fields) {
        GridPane grid = Forms.grid(1);
        int row = 0;
        for (SimulationViewModel.Field field : fields) {
            Label name = Forms.label(field.path() + (field.required() ? " *" : ""));
            name.setId("label-" + idOf(field));
            grid.add(name, 0, row);
            grid.add(control(field), 1, row);
            Label hint = Forms.paragraph("", Styles.TEXT_MUTED);
            hint.getStyleClass().add(Styles.TEXT_SMALL);
            hint.setId("hint-" + idOf(field));
            hint.textProperty().bind(field.meaning());
            hint.visibleProperty().bind(field.meaning().isNotEmpty());
            hint.managedProperty().bind(hint.visibleProperty());
            grid.add(hint, 1, row + 1);
            row += 2;
        }
        return grid;
    }

    static String idOf(SimulationViewModel.Field field) {
        return "field-" + field.path().replace('.', '-');
    }

    private Node control(SimulationViewModel.Field field) {
        String id = idOf(field);
        if (field.token() != null) {
            ComboBox<TokenEntry> picker = TokenPicker.of(id, field.tokens(), field.text(), field.token());
            return picker;
        }
        return switch (field.type()) {
            case CHOICES -> checks(id, field);
            case CHOICE -> pick(id, field, values(field.choices(), !field.required()));
            case BOOLEAN -> pick(id, field, field.required() ? List.of("true", "false") : List.of("", "true", "false"));
            case JSON -> json(id, field);
            default -> {
                Node typed = field.choices().isEmpty() ? Forms.field(id, prompt(field), field.text()) : typeOrPick(id, field);
                if (!field.spec().field().name().equals("override_password")) {
                    yield typed;
                }
                // user_custom's password is a JSON configuration: the editor takes the field's place.
                Node editor = json(id + "-json", field);
                editor.visibleProperty().bind(field.userCustom());
                editor.managedProperty().bind(editor.visibleProperty());
                typed.visibleProperty().bind(field.userCustom().not());
                typed.managedProperty().bind(typed.visibleProperty());
                yield new StackPane(typed, editor);
            }
        };
    }

    private static String prompt(SimulationViewModel.Field field) {
        RequestField spec = field.spec().field();
        return switch (spec.type()) {
            case INTEGER -> "a whole number";
            case NUMBER -> "a number";
            case LIST -> "values, comma-separated";
            default -> spec.format().equals("date") ? "YYYY-MM-DD" : spec.format().equals("date-time") ? "2024-01-15T10:00:00Z"
                    : field.required() ? "" : "optional";
        };
    }

    private static List<String> values(ObservableList<Choice> choices, boolean withNone) {
        List<String> values = new ArrayList<>();
        if (withNone) {
            values.add("");
        }
        choices.forEach(choice -> values.add(choice.value()));
        return values;
    }

    /** A value among fixed ones; the list shows what each means. */
    private static ComboBox<String> pick(String id, SimulationViewModel.Field field, List<String> values) {
        ComboBox<String> box = new ComboBox<>();
        box.setId(id);
        box.getItems().setAll(values);
        box.setMaxWidth(Double.MAX_VALUE);
        box.setCellFactory(list -> new ChoiceCell(field.choices()));
        box.setValue(field.text().get());
        box.valueProperty().addListener((obs, old, now) -> field.text().set(now == null ? "" : now));
        field.text().addListener((obs, old, now) -> box.setValue(now));
        return box;
    }

    /** Any value, with the documented ones to pick from. */
    private static ComboBox<String> typeOrPick(String id, SimulationViewModel.Field field) {
        ComboBox<String> box = new ComboBox<>();
        box.setId(id);
        box.setEditable(true);
        box.setMaxWidth(Double.MAX_VALUE);
        box.setPromptText(prompt(field));
        box.setCellFactory(list -> new ChoiceCell(field.choices()));
        Runnable fill = () -> box.getItems().setAll(values(field.choices(), false));
        field.choices().addListener((ListChangeListener<Choice>) change -> fill.run());
        fill.run();
        box.getEditor().textProperty().bindBidirectional(field.text());
        box.valueProperty().addListener((obs, old, now) -> {
            if (now != null && !now.equals(field.text().get())) {
                field.text().set(now);
            }
        });
        return box;
    }

    private static CheckComboBox<String> checks(String id, SimulationViewModel.Field field) {
        CheckComboBox<String> box = new CheckComboBox<>();
        box.setId(id);
        box.getItems().setAll(values(field.choices(), false));
        box.setMaxWidth(Double.MAX_VALUE);
        boolean[] following = {false};
        Runnable show = () -> {
            following[0] = true;
            try {
                List<String> chosen = List.of(field.text().get().split("\\s*,\\s*"));
                for (String value : box.getItems()) {
                    if (chosen.contains(value) != box.getCheckModel().isChecked(value)) {
                        if (chosen.contains(value)) {
                            box.getCheckModel().check(value);
                        } else {
                            box.getCheckModel().clearCheck(value);
                        }
                    }
                }
            } finally {
                following[0] = false;
            }
        };
        show.run();
        field.text().addListener((obs, old, now) -> show.run());
        box.getCheckModel().getCheckedItems().addListener((ListChangeListener<String>) change -> {
            if (!following[0]) {
                field.text().set(box.getItems().stream().filter(box.getCheckModel()::isChecked).collect(Collectors.joining(", ")));
            }
        });
        return box;
    }

    private static Node json(String id, SimulationViewModel.Field field) {
        JsonEditor editor = new JsonEditor();
        editor.setId(id);
        editor.textProperty().bindBidirectional(field.text());
        editor.setPrefHeight(field.spec().field().name().equals("override_password") ? 200 : 120);
        editor.setMinHeight(Region.USE_PREF_SIZE);
        return editor;
    }

    /** A choice in a list: the value, and what it makes Sandbox do. */
    private static final class ChoiceCell extends ListCell<String> {
        private final ObservableList<Choice> choices;

        ChoiceCell(ObservableList<Choice> choices) {
            this.choices = choices;
        }

        @Override
        protected void updateItem(String value, boolean empty) {
            super.updateItem(value, empty);
            if (empty || value == null) {
                setText(null);
                return;
            }
            String meaning = choices.stream().filter(c -> c.value().equals(value)).map(Choice::meaning).findFirst().orElse("");
            setText(value.isEmpty() ? "(none)" : meaning.isEmpty() ? value : value + "  \u2014  " + meaning);
        }
    }

    private Node actions() {
        Button run = new Button("Run", new FontIcon(Material2OutlinedMZ.PLAY_ARROW));
        run.setId("simulationRun");
        run.getStyleClass().add(Styles.ACCENT);
        run.setDefaultButton(true);
        run.disableProperty().bind(Bindings.createBooleanBinding(
                () -> !model.problem().get().isEmpty() || model.submission().stateProperty().get().isLoading(),
                model.problem(), model.submission().stateProperty()));
        run.setOnAction(e -> model.submit());
        Button console = new Button("Open in the API console", new FontIcon(Material2OutlinedAL.CODE));
        console.setId("simulationToConsole");
        console.setOnAction(e -> navigator.openInConsole(model.consoleDraft()));
        Button draft = new Button("Add to scenario draft", new FontIcon(Material2OutlinedMZ.PLAYLIST_ADD));
        draft.setId("simulationAddToDraft");
        draft.disableProperty().bind(Bindings.createBooleanBinding(() -> !model.submission().stateProperty().get().hasData(),
                model.submission().stateProperty()));
        draft.setOnAction(e -> pane.addToDraft());
        HBox buttons = new HBox(8, run, console, draft);
        buttons.setAlignment(Pos.CENTER_LEFT);
        run.setMinWidth(Region.USE_PREF_SIZE);
        // A narrow pane keeps every button whole: the secondary ones go to icons only.
        NarrowLayout.iconsOnlyWhenCrowded(buttons, List.of(console, draft));
        console.setTooltip(new javafx.scene.control.Tooltip("Open in the API console"));
        draft.setTooltip(new javafx.scene.control.Tooltip("Add this run to the scenario draft"));
        Label problem = Forms.paragraph("", Styles.WARNING);
        problem.setId("simulationProblem");
        problem.textProperty().bind(model.problem());
        problem.visibleProperty().bind(model.problem().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        VBox bar = new VBox(6, problem, buttons);
        bar.getStyleClass().add("simulation-actions");
        bar.setPadding(new Insets(8, 16, 8, 16));
        return bar;
    }

    private Node result() {
        ActionStatus<SimulationResult> status = new ActionStatus<>("simulationStatus", model.submission().stateProperty(),
                SimulationView::describe, Fixes.retry(model::submit), navigator::openLink);
        JsonTreeView reply = new JsonTreeView();
        reply.setId("simulationReply");
        VBox.setVgrow(reply, Priority.ALWAYS);
        reply.visibleProperty().bind(Bindings.createBooleanBinding(() -> model.submission().stateProperty().get().hasData(),
                model.submission().stateProperty()));
        reply.managedProperty().bind(reply.visibleProperty());
        model.submission().stateProperty().addListener((obs, old, now) -> {
            reply.show(now.hasData() ? now.data().shown() : null);
            reply.expandTo(2);
        });
        VBox box = new VBox(8, Forms.heading("Result", "What Plaid answered; tokens are masked in the tree."), status, reply);
        box.setId("simulationResult");
        box.setPadding(new Insets(10, 12, 10, 16));
        return box;
    }

    static String describe(SimulationResult result) {
        StringBuilder text = new StringBuilder("Done (request_id " + result.requestId() + ").");
        for (TokenEntry kept : result.kept()) {
            text.append(" Kept ").append(kept.maskedValue()).append(" in the token book");
            if (kept.ownerId() != null) {
                text.append(" (").append(kept.ownerId()).append(')');
            }
            text.append('.');
        }
        return text.toString();
    }

    private Node webhooks() {
        String none = model.watchesWebhooks()
                ? "None yet. Webhooks this simulation causes show here as Tartan's inbox receives them."
                : "No webhook inbox is connected, so the webhooks this simulation causes are not shown here.";
        VBox list = WebhookRows.list("simulationWebhooks", model.caused(), none, pane, navigator);
        list.setPadding(new Insets(0, 0, 0, 2));
        ScrollPane scroll = new ScrollPane(list);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add(atlantafx.base.theme.Tweaks.EDGE_TO_EDGE);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        VBox box = new VBox(8, Forms.heading("Webhooks it caused", "As Tartan's inbox receives them, each with its verdict and "
                + "what it is about."), scroll);
        box.setPadding(new Insets(10, 16, 10, 12));
        return box;
    }
}
