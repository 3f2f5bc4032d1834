package dev.tartan.ui.common;

import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Labeled;
import javafx.scene.layout.Region;

import java.util.List;

/**
 * How a row of buttons gives way in a small window: below a width, the buttons show their icons
 * only (their tooltips still name them), so none of them is cut to "...".
 */
public final class NarrowLayout {

    private NarrowLayout() {
    }

    /** Shows {@code controls} as icons only while {@code container} is narrower than {@code width}. */
    public static void iconsOnlyBelow(Region container, double width, Labeled... controls) {
        List<Labeled> all = List.of(controls);
        container.widthProperty().addListener((obs, old, now) -> all.forEach(control -> control.setContentDisplay(
                now.doubleValue() < width ? ContentDisplay.GRAPHIC_ONLY : ContentDisplay.LEFT)));
    }
}
