package dev.tartan.app;

import javafx.application.Platform;
import javafx.scene.Scene;

import java.lang.management.ManagementFactory;

/**
 * For the start-up benchmark only: with {@code -Dtartan.startupProbe=true}, prints how long after the
 * JVM started the main window painted its first frame, then quits. Does nothing otherwise.
 */
final class StartupProbe {

    static final String PROPERTY = "tartan.startupProbe";

    private StartupProbe() {
    }

    static void reportFirstFrame(Scene scene) {
        if (!Boolean.getBoolean(PROPERTY)) {
            return;
        }
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            // The layout pass of this pulse is done; the frame is rendered right after it.
            Platform.runLater(() -> {
                System.out.println("tartan-first-frame-ms=" + ManagementFactory.getRuntimeMXBean().getUptime());
                System.out.flush();
                Platform.exit();
                System.exit(0);
            });
        };
        scene.addPostLayoutPulseListener(once[0]);
    }
}
