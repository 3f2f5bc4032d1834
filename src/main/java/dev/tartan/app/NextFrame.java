package dev.tartan.app;

import javafx.application.Platform;
import javafx.scene.Scene;

/** Runs something once a scene's next frame is laid out, on the FX thread, after that frame. */
final class NextFrame {

    private NextFrame() {
    }

    static void then(Scene scene, Runnable action) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            // The layout pass of this pulse is done; the frame is rendered right after it.
            Platform.runLater(action);
        };
        scene.addPostLayoutPulseListener(once[0]);
    }
}
