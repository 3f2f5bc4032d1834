package dev.tartan.app;

import javafx.animation.PauseTransition;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.util.Duration;

import java.util.List;
import java.util.function.Consumer;

/**
 * Remembers the window's place and size as "x,y,width,height,maximized", and restores it if it
 * still fits a screen. While maximized, the place and size kept are those it had before, so
 * un-maximizing after a restart goes back there.
 */
final class WindowGeometry {

    private static final Duration SETTLE = Duration.millis(600);

    private final Stage stage;
    private final Consumer<String> save;
    private final PauseTransition settle = new PauseTransition(SETTLE);
    private final InvalidationListener changed;
    private Rectangle2D normalBounds;

    private WindowGeometry(Stage stage, Consumer<String> save) {
        this.stage = stage;
        this.save = save;
        this.normalBounds = bounds(stage);
        settle.setOnFinished(e -> save.accept(describe()));
        this.changed = obs -> {
            if (!stage.isMaximized() && !stage.isIconified()) {
                normalBounds = bounds(stage);
            }
            settle.playFromStart();
        };
    }

    /**
     * Saves the geometry through {@code save} whenever the window has stopped moving or resizing for
     * a moment, so it survives however Tartan ends.
     *
     * @return the tracker, to {@link #stop()} when the application stops
     */
    static WindowGeometry track(Stage stage, Consumer<String> save) {
        WindowGeometry geometry = new WindowGeometry(stage, save);
        geometry.watchedProperties().forEach(property -> property.addListener(geometry.changed));
        return geometry;
    }

    /**
     * Saves at once if a change is still waiting to settle, and stops following the stage: the
     * stage may outlive the application (a test runs many on one), and its listeners would keep
     * everything the application held.
     */
    void stop() {
        watchedProperties().forEach(property -> property.removeListener(changed));
        if (settle.getStatus() == javafx.animation.Animation.Status.RUNNING) {
            settle.stop();
            save.accept(describe());
        }
    }

    private List<Observable> watchedProperties() {
        return List.of(stage.xProperty(), stage.yProperty(), stage.widthProperty(), stage.heightProperty(), stage.maximizedProperty());
    }

    String describe() {
        Rectangle2D b = normalBounds;
        return (int) b.getMinX() + "," + (int) b.getMinY() + "," + (int) b.getWidth() + "," + (int) b.getHeight() + "," + stage.isMaximized();
    }

    private static Rectangle2D bounds(Stage stage) {
        return new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
    }

    static void restore(Stage stage, String saved) {
        if (saved == null) {
            return;
        }
        String[] parts = saved.split(",");
        if (parts.length != 5) {
            return;
        }
        try {
            double x = Double.parseDouble(parts[0]);
            double y = Double.parseDouble(parts[1]);
            double width = Double.parseDouble(parts[2]);
            double height = Double.parseDouble(parts[3]);
            // A window saved on a monitor that is gone would open out of sight: keep the default then.
            boolean visible = Screen.getScreens().stream().map(Screen::getVisualBounds)
                    .anyMatch(bounds -> bounds.intersects(new Rectangle2D(x, y, Math.max(1, width), Math.max(1, height))));
            if (visible && width >= stage.getMinWidth() && height >= stage.getMinHeight()) {
                stage.setX(x);
                stage.setY(y);
                stage.setWidth(width);
                stage.setHeight(height);
            }
            stage.setMaximized(Boolean.parseBoolean(parts[4]));
        } catch (NumberFormatException e) {
            // A damaged setting: keep the default size.
        }
    }
}
