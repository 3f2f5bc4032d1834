package dev.tartan.app;

import javafx.application.Platform;
import javafx.scene.Scene;

import java.lang.management.ManagementFactory;

/**
 * For start-up measurements only: prints how long after the JVM started a screen painted its first
 * frame, then quits. {@code -Dtartan.startupProbe=true} times the main window (unlocked by a
 * passphrase file); {@code -Dtartan.startupProbe=screen} the first screen, the unlock screen a start
 * from the desktop's menu shows. Does nothing otherwise.
 */
final class StartupProbe {

    static final String PROPERTY = "tartan.startupProbe";

    private StartupProbe() {
    }

    /** The main window is in the scene. */
    static void reportMainWindow(Scene scene) {
        if ("true".equals(System.getProperty(PROPERTY))) {
            reportNextFrame(scene);
        }
    }

    /** The first screen (welcome, unlock, or opening the vault) is in the scene. */
    static void reportFirstScreen(Scene scene) {
        if ("screen".equals(System.getProperty(PROPERTY))) {
            reportNextFrame(scene);
        }
    }

    private static void reportNextFrame(Scene scene) {
        NextFrame.then(scene, () -> {
            System.out.println("tartan-first-frame-ms=" + ManagementFactory.getRuntimeMXBean().getUptime());
            System.out.flush();
            Platform.exit();
            System.exit(0);
        });
    }
}
