package dev.tartan.ui.processor;

import dev.tartan.ui.common.Fixes;
import atlantafx.base.theme.Styles;
import dev.tartan.ui.common.FailureView;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;

import java.util.function.Consumer;
import java.util.function.Function;

/** Under an action's button: nothing yet, "working…", what the action achieved, or its failure. */
final class ActionStatus<T> extends VBox {

    private final Function<T, String> describe;
    private final FailureView failure;

    /**
     * @param describe what a successful outcome means, in a sentence
     * @param retry    runs the action again (a failure's "Try again")
     */
    ActionStatus(String id, ObservableValue<Outcome<T>> state, Function<T, String> describe, Runnable retry,
                 Consumer<String> onOpenLink) {
        this.describe = describe;
        this.failure = new FailureView(Fixes.retry(retry), onOpenLink);
        setId(id);
        setSpacing(4);
        state.addListener((obs, old, now) -> show(now));
        show(state.getValue());
    }

    private void show(Outcome<T> state) {
        switch (state.phase()) {
            case LOADING -> {
                ProgressIndicator spinner = new ProgressIndicator();
                spinner.setMaxSize(16, 16);
                HBox row = new HBox(8, spinner, new Label(state.message()));
                row.setAlignment(Pos.CENTER_LEFT);
                getChildren().setAll(row);
            }
            case DATA -> {
                FontIcon done = new FontIcon(Material2OutlinedAL.CHECK_CIRCLE);
                done.getStyleClass().add(Styles.SUCCESS);
                Label text = new Label(describe.apply(state.data()));
                text.setId(getId() + "Done");
                text.setWrapText(true);
                text.setMinHeight(Region.USE_PREF_SIZE);
                HBox row = new HBox(8, done, text);
                row.setAlignment(Pos.TOP_LEFT);
                getChildren().setAll(row);
            }
            case EMPTY -> getChildren().clear();
            case FAILED -> {
                failure.show(state.failure());
                getChildren().setAll(failure);
            }
        }
    }
}
