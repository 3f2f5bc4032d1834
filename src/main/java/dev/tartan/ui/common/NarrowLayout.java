package dev.tartan.ui.common;

import javafx.beans.Observable;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Labeled;
import javafx.scene.layout.Region;

import java.util.List;

/**
 * How a row of buttons gives way in a small window: when the row cannot show every button with
 * its name, the named buttons show their icons only (their tooltips still name them), so none of
 * them is cut to "...". Measured, not guessed: the fonts of the machine decide.
 */
public final class NarrowLayout {

    private NarrowLayout() {
    }

    /**
     * Shows {@code controls} as icons only while {@code row} is narrower than it would need to be
     * with their names.
     *
     * @param alsoWhen what else changes the width the row needs (a title's text, say)
     */
    public static void iconsOnlyWhenCrowded(Region row, List<? extends Labeled> controls, Observable... alsoWhen) {
        // What the names add to the row: measured when the controls go to icons only.
        double[] namesWidth = {0};
        boolean[] compact = {false};
        Runnable decide = () -> {
            double width = row.getWidth();
            if (width <= 0) {
                return;
            }
            double needed = row.prefWidth(-1) + (compact[0] ? namesWidth[0] : 0);
            boolean crowded = width < needed - 0.5;
            if (crowded == compact[0]) {
                return;
            }
            double before = controls.stream().mapToDouble(control -> control.prefWidth(-1)).sum();
            controls.forEach(control -> control.setContentDisplay(crowded ? ContentDisplay.GRAPHIC_ONLY : ContentDisplay.LEFT));
            double after = controls.stream().mapToDouble(control -> control.prefWidth(-1)).sum();
            if (crowded) {
                namesWidth[0] = before - after;
            }
            compact[0] = crowded;
        };
        row.widthProperty().addListener((obs, old, now) -> decide.run());
        for (Observable trigger : alsoWhen) {
            trigger.addListener(obs -> decide.run());
        }
    }
}
