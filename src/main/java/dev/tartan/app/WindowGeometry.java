package dev.tartan.app;

import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** Remembers the window's place and size as "x,y,width,height,maximized", and restores it if it still fits a screen. */
final class WindowGeometry {

    private WindowGeometry() {
    }

    static String describe(Stage stage) {
        return (int) stage.getX() + "," + (int) stage.getY() + "," + (int) stage.getWidth() + "," + (int) stage.getHeight()
                + "," + stage.isMaximized();
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
