package dev.tartan.app;

import javafx.application.Application;

/** Entry point: with no command, opens the Tartan window. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        Application.launch(TartanApplication.class, args);
    }
}
