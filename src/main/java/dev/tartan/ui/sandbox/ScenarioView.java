package dev.tartan.ui.sandbox;

import atlantafx.base.theme.Styles;
import dev.tartan.model.StepResult;
import dev.tartan.ui.common.Busy;
import dev.tartan.ui.common.Confirmation;
import dev.tartan.ui.common.FailureView;
import dev.tartan.ui.common.Fixes;
import dev.tartan.ui.common.Forms;
import dev.tartan.ui.common.JsonTreeView;
import dev.tartan.ui.common.Navigator;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/** One scenario as a checklist: Run, each step with how it went and the webhooks it caused. */
final class ScenarioView {

    private final ScenarioViewModel model;
    private final SandboxViewModel pane;
    private final Navigator navigator;
    private final ScrollPane root;

    ScenarioView(ScenarioViewModel model, SandboxViewModel pane, Navigator navigator) {
        this.model = model;
        this.pane = pane;
        this.navigator = navigator;
        VBox steps = new VBox(6);
        steps.setId("scenarioSteps");
        model.steps().forEach(row -> steps.getChildren().add(step(row)));
        VBox page = new VBox(14, header(), actions(), steps);
        page.setPadding(new Insets(14, 16, 16, 16));
        root = new ScrollPane(page);
        root.setId("scenarioView");
        root.setFitToWidth(true);
    }

    Node node() {
        return root;
    }

    private Node header() {
        Label title = new Label(model.scenario().name());
        title.setId("scenarioTitle");
        title.getStyleClass().add(Styles.TITLE_3);
        Label kind = new Label(model.scenario().builtIn() ? "built in" : "saved");
        kind.getStyleClass().add("env-chip");
        HBox line = new HBox(10, title, kind);
        line.setAlignment(Pos.CENTER_LEFT);
        Label description = Forms.paragraph(model.scenario().description(), Styles.TEXT_MUTED);
        description.setVisible(!model.scenario().description().isEmpty());
        description.setManaged(description.isVisible());
        return new VBox(6, line, description);
    }

    private Node actions() {
        Button run = new Button("Run the scenario", new FontIcon(Material2OutlinedMZ.PLAYLIST_PLAY));
        run.setId("scenarioRun");
        run.getStyleClass().add(Styles.ACCENT);
        run.disableProperty().bind(model.runningProperty());
        run.setOnAction(e -> model.run());
        Button stop = new Button("Stop", new FontIcon(Material2OutlinedMZ.STOP));
        stop.setId("scenarioStop");
        stop.visibleProperty().bind(model.runningProperty());
        stop.managedProperty().bind(stop.visibleProperty());
        stop.setOnAction(e -> model.stop());
        HBox buttons = new HBox(8, run, stop);
        if (!model.scenario().builtIn()) {
            Button delete = new Button("Delete", new FontIcon(Material2OutlinedAL.DELETE_OUTLINE));
            delete.setId("scenarioDelete");
            delete.getStyleClass().add(Styles.DANGER);
            delete.disableProperty().bind(model.runningProperty());
            delete.setOnAction(e -> {
                if (new Confirmation(root.getScene().getWindow(), "confirmDeleteScenario", "Delete the scenario",
                        "Delete \"" + model.scenario().name() + "\"?", "It is removed from the vault. Items it made stay.",
                        "Delete", true).ask()) {
                    pane.delete(model.scenario());
                }
            });
            buttons.getChildren().add(delete);
        }
        buttons.setAlignment(Pos.CENTER_LEFT);
        Label summary = new Label();
        summary.setId("scenarioSummary");
        summary.getStyleClass().add(Styles.TEXT_MUTED);
        summary.textProperty().bind(model.summaryProperty());
        FailureView failure = new FailureView(Fixes.none(), navigator::openLink);
        failure.setId("scenarioFailure");
        failure.getStyleClass().add("inline-failure");
        failure.setVisible(false);
        failure.managedProperty().bind(failure.visibleProperty());
        model.failureProperty().addListener((obs, old, report) -> {
            failure.setVisible(report != null);
            if (report != null) {
                failure.show(report);
            }
        });
        return new VBox(8, buttons, summary, failure);
    }

    private Node step(ScenarioViewModel.StepRow row) {
        StackPane mark = new StackPane();
        mark.setMinWidth(22);
        mark.setAlignment(Pos.TOP_CENTER);
        mark.setId("stepMark-" + row.number());
        Label title = new Label(row.number() + ". " + row.step().title());
        title.setId("stepTitle-" + row.number());
        title.getStyleClass().add(Styles.TEXT_BOLD);
        title.setWrapText(true);
        String expects = row.step().expect().isEmpty() ? "" : "  \u00b7  expects " + String.join(", ", row.step().expect());
        Label detail = new Label(row.step().path() + expects);
        detail.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL, "mono");
        Label summary = Forms.paragraph("", null);
        summary.setId("stepSummary-" + row.number());
        summary.setVisible(false);
        summary.managedProperty().bind(summary.visibleProperty());
        VBox webhooks = WebhookRows.list("stepWebhooks-" + row.number(), row.webhooks(), null, pane, navigator);
        JsonTreeView reply = new JsonTreeView();
        reply.setPrefHeight(180);
        TitledPane replyBox = new TitledPane("Reply", reply);
        replyBox.setId("stepReply-" + row.number());
        replyBox.setExpanded(false);
        replyBox.getStyleClass().add(Styles.DENSE);
        replyBox.setVisible(false);
        replyBox.managedProperty().bind(replyBox.visibleProperty());
        VBox text = new VBox(3, title, detail, summary, webhooks, replyBox);
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox box = new HBox(10, mark, text);
        box.setAlignment(Pos.TOP_LEFT);
        mark.setPadding(new Insets(1, 0, 0, 0));
        box.getStyleClass().add("scenario-step");
        box.setId("step-" + row.number());

        Runnable show = () -> {
            ScenarioViewModel.Phase phase = row.phase().get();
            mark.getChildren().setAll(markOf(phase));
            box.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("running"), phase == ScenarioViewModel.Phase.RUNNING);
            StepResult result = row.result().get();
            summary.setVisible(result != null);
            summary.setText(result == null ? "" : result.summary());
            summary.getStyleClass().removeAll(Styles.DANGER, Styles.WARNING, Styles.TEXT_MUTED);
            if (result != null) {
                summary.getStyleClass().add(switch (result.status()) {
                    case FAILED -> Styles.DANGER;
                    case NOTED -> Styles.WARNING;
                    default -> Styles.TEXT_MUTED;
                });
            }
            replyBox.setVisible(result != null && result.reply() != null);
            reply.show(result == null ? null : result.reply());
        };
        row.phase().addListener((obs, old, now) -> show.run());
        row.result().addListener((obs, old, now) -> show.run());
        show.run();
        return box;
    }

    private static Node markOf(ScenarioViewModel.Phase phase) {
        if (phase == ScenarioViewModel.Phase.RUNNING) {
            return Busy.spinner(Busy.INLINE);
        }
        FontIcon icon = switch (phase) {
            case PASSED -> styled(new FontIcon(Material2OutlinedAL.CHECK_CIRCLE), Styles.SUCCESS);
            case NOTED -> styled(new FontIcon(Material2OutlinedMZ.WARNING), Styles.WARNING);
            case FAILED -> styled(new FontIcon(Material2OutlinedAL.CANCEL), Styles.DANGER);
            case SKIPPED -> styled(new FontIcon(Material2OutlinedMZ.REMOVE_CIRCLE_OUTLINE), Styles.TEXT_MUTED);
            default -> styled(new FontIcon(Material2OutlinedMZ.RADIO_BUTTON_UNCHECKED), Styles.TEXT_MUTED);
        };
        icon.setIconSize(18);
        icon.setId("stepIcon-" + phase.name().toLowerCase(java.util.Locale.ROOT));
        return icon;
    }

    private static FontIcon styled(FontIcon icon, String style) {
        icon.getStyleClass().add(style);
        return icon;
    }
}
