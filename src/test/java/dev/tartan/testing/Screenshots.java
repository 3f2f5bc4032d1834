package dev.tartan.testing;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Window;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

/** Saves what a window shows as a PNG under target/screenshots/, so a person can look at it. */
public final class Screenshots {

    private static final Path FOLDER = Path.of(System.getProperty("tartan.screenshots", "target/screenshots"));

    private Screenshots() {
    }

    /**
     * Snapshots the scene of {@code window} (after pending FX work) into {@code name}.png, and each
     * other window showing over it (a dialog) into {@code name}-dialog.png.
     */
    public static Path save(Window window, String name) {
        Path main = saveOne(window, name);
        int index = 0;
        for (Window other : new java.util.ArrayList<>(Window.getWindows())) {
            if (other != window && other.isShowing() && other.getScene() != null
                    && !(other instanceof javafx.stage.PopupWindow)) {
                saveOne(other, name + "-dialog" + (index++ == 0 ? "" : String.valueOf(index)));
            }
        }
        return main;
    }

    private static Path saveOne(Window window, String name) {
        WaitForAsyncUtils.waitForFxEvents();
        AtomicReference<WritableImage> image = new AtomicReference<>();
        WaitForAsyncUtils.asyncFx(() -> {
            Scene scene = window.getScene();
            image.set(scene.snapshot(null));
        });
        WaitForAsyncUtils.waitForFxEvents();
        try {
            Files.createDirectories(FOLDER);
            Path file = FOLDER.resolve(name + ".png");
            ImageIO.write(SwingFXUtils.fromFXImage(image.get(), null), "png", file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
