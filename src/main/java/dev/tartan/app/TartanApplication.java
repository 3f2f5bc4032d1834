package dev.tartan.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/** The JavaFX application. Until the shell lands it opens a minimal window. */
public final class TartanApplication extends Application {
    @Override
    public void start(Stage stage) {
        stage.setTitle("Tartan");
        stage.setScene(new Scene(new StackPane(new Label("Tartan")), 960, 640));
        stage.show();
    }
}
