package dev.tartan.ui.common.data;

import atlantafx.base.theme.Styles;
import dev.tartan.model.CallRecord;
import dev.tartan.ui.common.JsonTreeView;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** The "Raw JSON" tab: every call a pane made, newest first, with its reply as a tree. */
public final class CallLogView extends SplitPane {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    public CallLogView(ObservableList<CallRecord> calls) {
        setId("callLog");
        ListView<CallRecord> list = new ListView<>(calls);
        list.setId("callLogList");
        list.setPlaceholder(new Label("No calls yet."));
        list.setCellFactory(view -> new ListCell<>() {
            {
                setPrefWidth(0);
            }

            @Override
            protected void updateItem(CallRecord call, boolean empty) {
                super.updateItem(call, empty);
                if (empty || call == null) {
                    setGraphic(null);
                    setText(null);
                    return;
                }
                Label status = new Label(call.httpStatus() == 0 ? "\u2014" : String.valueOf(call.httpStatus()));
                status.getStyleClass().addAll("status-chip", call.httpStatus() >= 200 && call.httpStatus() < 300 ? "status-ok" : "status-error");
                status.setMinWidth(Label.USE_PREF_SIZE);
                Label operation = new Label(call.operation());
                operation.getStyleClass().add("mono");
                Label detail = new Label(TIME.format(call.at()) + " \u00b7 " + call.duration().toMillis() + " ms"
                        + (call.requestId() == null ? "" : " \u00b7 " + call.requestId()));
                detail.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
                setGraphic(new VBox(1, new HBox(6, status, operation), detail));
            }
        });
        JsonTreeView tree = new JsonTreeView();
        ToggleButton reveal = new ToggleButton("Show tokens", new FontIcon(Material2OutlinedMZ.VISIBILITY));
        reveal.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        tree.revealTokensProperty().bind(reveal.selectedProperty());
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, call) -> {
            tree.show(call == null ? null : call.reply());
            if (call != null) {
                tree.expandTo(1);
            }
        });
        VBox.setVgrow(tree, Priority.ALWAYS);
        VBox detail = new VBox(6, reveal, tree);
        getItems().addAll(list, detail);
        setDividerPositions(0.35);
    }
}
