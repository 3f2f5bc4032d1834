package dev.tartan.ui.shell;

import atlantafx.base.controls.Popover;
import atlantafx.base.theme.Styles;
import dev.tartan.ui.common.TaskCenter;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * The status bar's view of the task centre: the newest task with its progress, and, on a click,
 * every task under way with its own progress and its own cancel button.
 */
final class TasksIndicator {

    private final TaskCenter tasks;
    private final ProgressBar progress = new ProgressBar();
    private final Button summary = new Button();
    private final VBox list = new VBox(10);
    private final Popover popover = new Popover();
    private final HBox node;

    TasksIndicator(TaskCenter tasks) {
        this.tasks = tasks;
        progress.setPrefWidth(90);
        summary.setId("statusTasks");
        summary.setMnemonicParsing(false); // operation paths are full of underscores
        summary.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        summary.setTooltip(new Tooltip("What is running: click to see each task and cancel it"));
        summary.setOnAction(e -> popover.show(summary));

        list.setId("taskList");
        list.setPadding(new Insets(4));
        list.setPrefWidth(340);
        Button cancelAll = new Button("Cancel all", new FontIcon(Material2AL.CLOSE));
        cancelAll.setId("cancelAllTasks");
        cancelAll.getStyleClass().add(Styles.SMALL);
        cancelAll.setOnAction(e -> tasks.cancelAll());
        popover.setTitle("Running");
        popover.setContentNode(new VBox(10, list, cancelAll));
        popover.setArrowLocation(Popover.ArrowLocation.BOTTOM_RIGHT);
        popover.setDetachable(false);

        node = new HBox(6, progress, summary);
        node.setAlignment(Pos.CENTER_LEFT);
        node.visibleProperty().bind(Bindings.isNotEmpty(tasks.running()));
        node.managedProperty().bind(node.visibleProperty());
        tasks.running().addListener((ListChangeListener<TaskCenter.Task>) change -> update());
    }

    Node node() {
        return node;
    }

    private void update() {
        var running = tasks.running();
        list.getChildren().setAll(running.stream().map(TasksIndicator::row).toList());
        if (running.isEmpty()) {
            progress.progressProperty().unbind();
            summary.setText("");
            popover.hide();
            return;
        }
        TaskCenter.Task newest = running.get(running.size() - 1);
        progress.progressProperty().bind(newest.progressProperty());
        summary.setText(newest.title() + (running.size() > 1 ? "  (+" + (running.size() - 1) + " more)" : ""));
    }

    private static Node row(TaskCenter.Task task) {
        Label title = new Label(task.title());
        title.getStyleClass().add(Styles.TEXT_BOLD);
        Label message = new Label();
        message.textProperty().bind(task.messageProperty());
        message.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(task.progressProperty());
        bar.setMaxWidth(Double.MAX_VALUE);
        Button cancel = new Button(null, new FontIcon(Material2AL.CLOSE));
        cancel.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        cancel.setTooltip(new Tooltip("Cancel " + task.title()));
        cancel.getStyleClass().add("cancel-task");
        cancel.setOnAction(e -> task.cancel());
        VBox text = new VBox(2, title, message, bar);
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox row = new HBox(8, text, cancel);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("task-row");
        return row;
    }
}
