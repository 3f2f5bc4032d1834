package dev.tartan.ui;

import dev.tartan.app.TartanApplication;
import dev.tartan.testing.Screenshots;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Runs the real Tartan application, headless, on a data folder of the test's own, and offers the
 * few helpers the GUI tests share: waiting for a node, typing into a field, screenshots.
 */
public final class TartanAppFixture extends FxRobot implements AutoCloseable {

    /** How long a look at the scene may wait for the FX thread: long, as a loaded CI machine can be slow to get to it. */
    private static final int FX_THREAD_SECONDS = 20;

    public static final String PASSPHRASE = "correct horse battery staple 42";

    private final Path dataDir;
    private Application application;
    private Stage stage;

    public TartanAppFixture(Path dataDir) {
        this.dataDir = dataDir;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Starts Tartan with {@code --data-dir} and any extra arguments. */
    public TartanAppFixture start(String... extraArgs) throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        List<String> args = new ArrayList<>(List.of("--data-dir", dataDir.toString()));
        args.addAll(List.of(extraArgs));
        application = FxToolkit.setupApplication(TartanApplication.class, args.toArray(String[]::new));
        WaitForAsyncUtils.waitForFxEvents();
        return this;
    }

    /** Starts Tartan unlocked by a passphrase file (the vault must exist). */
    public TartanAppFixture startUnlocked() throws Exception {
        Path file = dataDir.resolve("passphrase.txt");
        Files.writeString(file, PASSPHRASE + "\n");
        return start("--passphrase-file", file.toString());
    }

    public Stage stage() {
        return stage;
    }

    /** The running application, or null once closed. */
    public Application application() {
        return application;
    }

    /** Waits until a node matching {@code query} is visible, and returns it. */
    public <T extends Node> T waitFor(String query, int seconds) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, onFxThread(() -> visible(query).isPresent()));
        } catch (Exception e) {
            Screenshots.save(stage, "timeout-" + query.replaceAll("[^A-Za-z0-9]", ""));
            throw new AssertionError("Nothing visible matches " + query + " after " + seconds + " s", e);
        }
        try {
            @SuppressWarnings("unchecked")
            T node = (T) WaitForAsyncUtils.asyncFx(() -> visible(query).orElseThrow()).get(FX_THREAD_SECONDS, TimeUnit.SECONDS);
            return node;
        } catch (Exception e) {
            throw new AssertionError("Could not read " + query + " on the FX thread", e);
        }
    }

    public <T extends Node> T waitFor(String query) {
        return waitFor(query, 20);
    }

    /**
     * Waits until {@code condition} holds. It is checked on the FX thread: reading the scene graph
     * from the test's thread while JavaFX changes it is a race.
     */
    public void waitUntil(String what, int seconds, java.util.concurrent.Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, onFxThread(condition));
        } catch (Exception e) {
            Screenshots.save(stage, "timeout-" + what.replaceAll("[^A-Za-z0-9]", ""));
            throw new AssertionError("Timed out waiting for " + what, e);
        }
    }

    private static java.util.concurrent.Callable<Boolean> onFxThread(java.util.concurrent.Callable<Boolean> condition) {
        return () -> WaitForAsyncUtils.asyncFx(condition).get(FX_THREAD_SECONDS, TimeUnit.SECONDS);
    }

    private Optional<Node> visible(String query) {
        return lookup(query).match((Predicate<Node>) node -> node.isVisible() && node.getScene() != null
                && isShowing(node)).tryQuery();
    }

    private static boolean isShowing(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.getScene().getWindow() != null && node.getScene().getWindow().isShowing();
    }

    /** Replaces a text field's content by typing into it (select all first). */
    public void typeInto(String query, String text) {
        clickOn(query);
        WaitForAsyncUtils.asyncFx(() -> ((javafx.scene.control.TextInputControl) lookup(query).query()).clear());
        WaitForAsyncUtils.waitForFxEvents();
        write(text);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Brings a pane to the front through the navigation, as a user does. */
    public void openPane(String title) {
        waitUntil("the " + title + " pane in the navigation", 20, () -> lookup("#navigation .list-cell")
                .match((Predicate<Node>) n -> n instanceof javafx.scene.control.Labeled l && title.equals(l.getText())).tryQuery().isPresent());
        clickOn(lookup("#navigation .list-cell")
                .match((Predicate<Node>) n -> n instanceof javafx.scene.control.Labeled l && title.equals(l.getText())).<Node>query());
    }

    /**
     * Selects the tab with id {@code tabId} of the tab pane {@code tabPaneQuery}, as the overflow
     * menu would: a click on its header misses when the header is scrolled out of view.
     */
    public void selectTab(String tabPaneQuery, String tabId) {
        javafx.scene.control.TabPane tabs = waitFor(tabPaneQuery);
        onFx(() -> tabs.getSelectionModel().select(tabs.getTabs().stream()
                .filter(tab -> tabId.equals(tab.getId())).findFirst().orElseThrow()));
    }

    public Path screenshot(String name) {
        return Screenshots.save(stage, name);
    }

    /** Runs on the FX thread and waits for it. */
    public void onFx(Runnable action) {
        WaitForAsyncUtils.asyncFx(action);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Override
    public void close() throws Exception {
        if (application != null) {
            FxToolkit.cleanupApplication(application);
            application = null;
        }
        FxToolkit.cleanupStages();
    }
}
