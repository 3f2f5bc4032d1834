package dev.tartan.ui.shell;

import dev.tartan.model.BuildInfo;
import dev.tartan.ui.TartanAppFixture;
import dev.tartan.ui.TestVaults;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The About dialog, opened from the profile menu: what Tartan is, what it runs on, where its data is, whose code it bundles. */
class AboutDialogTest {

    @TempDir
    Path home;
    TartanAppFixture app;

    @AfterEach
    void close() throws Exception {
        app.close();
    }

    @Test
    void showsTheBuildTheRuntimesTheDataFolderAndTheLicences() throws Exception {
        TestVaults.create(home);
        app = new TartanAppFixture(home).startUnlocked();
        app.waitFor("#mainWindow", 60);
        // The node itself, once it shows: a query at click time can meet the window between two scenes.
        app.clickOn(app.<Node>waitFor("#profileMenu"));
        app.clickOn("#aboutTartan");
        app.waitFor("#aboutDialog");
        app.screenshot("about-1-dialog");

        BuildInfo build = BuildInfo.current();
        assertThat(build.version()).isNotEqualTo("unknown");
        assertThat(text("#aboutVersion")).isEqualTo(build.version());
        assertThat(text("#aboutBuild")).isEqualTo(build.commit() + ", " + build.built());
        assertThat(text("#aboutJava")).startsWith(System.getProperty("java.runtime.version"));
        assertThat(text("#aboutJavaFx")).startsWith("21.");
        assertThat(text("#aboutDataFolder")).isEqualTo(home.toAbsolutePath().toString());
        assertThat(text("#aboutDataKept")).contains("uninstalling Tartan leaves them");

        TableView<BuildInfo.Library> libraries = app.lookup("#aboutLibraries").query();
        assertThat(libraries.getItems()).extracting(BuildInfo.Library::coordinates)
                .contains("org.openjfx:javafx-controls", "io.github.willena:sqlite-jdbc", "com.fasterxml.jackson.core:jackson-databind")
                .doesNotContain("org.junit.jupiter:junit-jupiter", "org.testfx:testfx-core");
        assertThat(libraries.getItems()).allSatisfy(library -> assertThat(library.licence()).isNotBlank());
        assertThat(libraries.getItems()).filteredOn(library -> library.coordinates().equals("org.openjfx:javafx-controls"))
                .extracting(BuildInfo.Library::licence).containsExactly("GPLv2+CE");
        assertThat(libraries.getItems()).extracting(BuildInfo.Library::name).contains("Java runtime (OpenJDK)");

        app.clickOn("Close");
        app.waitUntil("the dialog to close", 10, () -> app.lookup("#aboutDialog").tryQuery().isEmpty());
    }

    private String text(String query) {
        return app.<Label>waitFor(query).getText();
    }
}
