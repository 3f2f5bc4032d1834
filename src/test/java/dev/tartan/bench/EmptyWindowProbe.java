package dev.tartan.bench;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import java.lang.management.ManagementFactory;

/** The baseline for {@link StartupBenchmark}: an empty JavaFX window, timed the same way as Tartan's. */
public final class EmptyWindowProbe extends Application {

    /** Launched through a class that is not the Application, as Tartan is, so JavaFX may sit on the class path. */
    public static final class Launcher {
        public static void main(String[] args) {
            Application.launch(EmptyWindowProbe.class, args);
        }
    }

    @Override
    public void start(Stage stage) {
        Scene scene = new Scene(new StackPane(), 1280, 820);
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            Platform.runLater(() -> {
                System.out.println("tartan-first-frame-ms=" + ManagementFactory.getRuntimeMXBean().getUptime());
                Platform.exit();
                System.exit(0);
            });
        };
        scene.addPostLayoutPulseListener(once[0]);
        stage.setScene(scene);
        stage.show();
    }
}
