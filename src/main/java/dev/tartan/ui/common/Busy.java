package dev.tartan.ui.common;

import atlantafx.base.theme.Styles;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.Button;
import javafx.scene.control.ProgressIndicator;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/** How a piece of work under way shows beside what started it: a small spinner, a button that stops it. */
public final class Busy {

    /** The size of a spinner in a line of text or a toolbar. */
    public static final double INLINE = 16;

    private Busy() {
    }

    /** A spinner of {@code size} pixels. */
    public static ProgressIndicator spinner(double size) {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setMaxSize(size, size);
        return spinner;
    }

    /** An inline spinner there only while {@code busy}. */
    public static ProgressIndicator spinnerWhile(ObservableBooleanValue busy) {
        ProgressIndicator spinner = spinner(INLINE);
        spinner.visibleProperty().bind(busy);
        spinner.managedProperty().bind(spinner.visibleProperty());
        return spinner;
    }

    /** A button that stops the work, there only while it {@code runs}. */
    public static Button stopButton(String text, ObservableBooleanValue runs, Runnable stop) {
        Button button = new Button(text, new FontIcon(Material2AL.CLOSE));
        button.getStyleClass().add(Styles.DANGER);
        button.setOnAction(e -> stop.run());
        button.visibleProperty().bind(runs);
        button.managedProperty().bind(button.visibleProperty());
        return button;
    }
}
