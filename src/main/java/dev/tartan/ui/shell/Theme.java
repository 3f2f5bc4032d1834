package dev.tartan.ui.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;

import java.util.Objects;

/** AtlantaFX's Primer theme, light or dark, plus Tartan's own stylesheet. */
public final class Theme {

    private static final String TARTAN_CSS = Objects.requireNonNull(
            Theme.class.getResource("/css/tartan.css"), "tartan.css is missing from the build").toExternalForm();

    private Theme() {
    }

    /** Adds Tartan's stylesheet to a scene. */
    public static void install(Scene scene) {
        scene.getStylesheets().add(TARTAN_CSS);
    }

    /** Switches every window to the light or dark theme. */
    public static void apply(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
    }
}
