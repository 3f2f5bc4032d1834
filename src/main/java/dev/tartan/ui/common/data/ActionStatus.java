package dev.tartan.ui.common.data;

import atlantafx.base.theme.Styles;
import dev.tartan.ui.common.Busy;
import dev.tartan.ui.common.FailureView;
import dev.tartan.ui.common.Fixes;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;

import java.util.function.Consumer;
import java.util.function.Function;

/** Under an action's button: nothing yet, "working…", what the action achieved, or its failure. */
public final class ActionStatus<T> extends VBox {

    private final Function<T, String> describe;
    private final FailureView failure;

    /**
     * @param describe what a successful outcome means, in a sentence
     * @param fixes    what a failure may offer ("Try again", ...)
     */
    public ActionStatus(String id, ObservableValue<Outcome<T>> state, Function<T, String> describe, Fixes fixes,
                        Consumer<String> onOpenLink) {
        this.describe = describe;
        this.failure = new FailureView(fixes, onOpenLink);
        setId(id);
        setSpacing(4);
        state.addListener((obs, old, now) -> show(now));
        show(state.getValue());
    }

    private void show(Outcome<T> state) {
        switch (state.phase()) {
            case LOADING -> {
                HBox row = new HBox(8, Busy.spinner(Busy.INLINE), new Label(state.message()));
                row.setAlignment(Pos.CENTER_LEFT);
                getChildren().setAll(row);
            }
            case DATA -> getChildren().setAll(line(Material2OutlinedAL.CHECK_CIRCLE, Styles.SUCCESS, describe.apply(state.data()), "Done"));
            case EMPTY -> {
                if (state.message() == null || state.message().isEmpty()) {
                    getChildren().clear();
                } else {
                    getChildren().setAll(line(Material2OutlinedAL.INFO, Styles.TEXT_MUTED, state.message(), "Note"));
                }
            }
            case FAILED -> {
                failure.show(state.failure());
                getChildren().setAll(failure);
            }
        }
    }

    private HBox line(org.kordamp.ikonli.Ikon ikon, String style, String message, String idSuffix) {
        FontIcon icon = new FontIcon(ikon);
        icon.getStyleClass().add(style);
        Label text = new Label(message);
        text.setId(getId() + idSuffix);
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        HBox row = new HBox(8, icon, text);
        row.setAlignment(Pos.TOP_LEFT);
        return row;
    }
}
