package dev.tartan.ui.shell;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.tartan.model.BuildInfo;
import dev.tartan.ui.common.Clipboards;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * About Tartan: the version and build, the Java and JavaFX it runs on, the data folder (which
 * upgrades and uninstalling leave alone), and the bundled libraries with their licences.
 */
public final class AboutDialog extends Dialog<Void> {

    /** The Java runtime bundled with the installers, or the JDK a checkout runs on; listed with the libraries. */
    static final String JAVA_LICENCE = "GPLv2 with the Classpath Exception";

    public AboutDialog(Window owner, BuildInfo build, Path dataFolder) {
        initOwner(owner);
        setTitle("About Tartan");
        getDialogPane().setId("aboutDialog");

        ImageView icon = new ImageView(new Image(AboutDialog.class.getResource("/icons/tartan-128.png").toExternalForm()));
        icon.setFitWidth(64);
        icon.setFitHeight(64);
        icon.setSmooth(true);
        Label name = new Label("Tartan");
        name.getStyleClass().add(Styles.TITLE_2);
        Label tagline = new Label("A desktop console for the Plaid API");
        tagline.getStyleClass().add(Styles.TEXT_MUTED);
        HBox heading = new HBox(16, icon, new VBox(2, name, tagline));
        heading.setAlignment(Pos.CENTER_LEFT);

        GridPane facts = new GridPane();
        facts.setHgap(16);
        facts.setVgap(6);
        facts.addRow(0, fieldName("Version"), value("aboutVersion", build.version()));
        facts.addRow(1, fieldName("Build"), value("aboutBuild", build.commit() + ", " + build.built()));
        facts.addRow(2, fieldName("Java"), value("aboutJava", javaVersion()));
        facts.addRow(3, fieldName("JavaFX"), value("aboutJavaFx", System.getProperty("javafx.runtime.version", "unknown")));
        HBox folder = new HBox(6, value("aboutDataFolder", dataFolder.toString()), copyButton(dataFolder));
        folder.setAlignment(Pos.CENTER_LEFT);
        facts.addRow(4, fieldName("Data folder"), folder);

        Label kept = new Label("Your vault and settings live in the data folder, apart from the app: installing a newer"
                + " Tartan over this one keeps them, and uninstalling Tartan leaves them where they are.");
        kept.setId("aboutDataKept");
        kept.setWrapText(true);
        kept.getStyleClass().add(Styles.TEXT_MUTED);

        Label librariesTitle = new Label("Bundled libraries");
        librariesTitle.getStyleClass().add(Styles.TITLE_4);

        VBox content = new VBox(14, heading, facts, kept, librariesTitle, libraries(build));
        content.setPadding(new Insets(16, 16, 0, 16));
        content.setPrefWidth(600); // AtlantaFX's widest dialog
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
    }

    private static String javaVersion() {
        return System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vendor") + ")";
    }

    private static Label fieldName(String text) {
        Label label = new Label(text);
        label.setMinWidth(Region.USE_PREF_SIZE);
        label.getStyleClass().add(Styles.TEXT_BOLD);
        return label;
    }

    private static Label value(String id, String text) {
        Label label = new Label(text);
        label.setId(id);
        label.setWrapText(true);
        return label;
    }

    private static Node copyButton(Path dataFolder) {
        Button copy = new Button(null, new FontIcon(Material2AL.CONTENT_COPY));
        copy.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        copy.setTooltip(new Tooltip("Copy the data folder's path"));
        copy.setOnAction(e -> Clipboards.copy(dataFolder.toString()));
        return copy;
    }

    private static TableView<BuildInfo.Library> libraries(BuildInfo build) {
        List<BuildInfo.Library> rows = new ArrayList<>(build.libraries());
        rows.add(new BuildInfo.Library("Java runtime (OpenJDK)", "", System.getProperty("java.version"), JAVA_LICENCE, ""));
        TableView<BuildInfo.Library> table = new TableView<>(FXCollections.observableList(rows));
        table.setId("aboutLibraries");
        table.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("Library", 210, BuildInfo.Library::name));
        table.getColumns().add(column("Version", 90, BuildInfo.Library::version));
        table.getColumns().add(column("Licence", 220, BuildInfo.Library::licence));
        table.setPrefHeight(240);
        return table;
    }

    private static TableColumn<BuildInfo.Library, String> column(String title, double width, Function<BuildInfo.Library, String> text) {
        TableColumn<BuildInfo.Library, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
        column.setPrefWidth(width);
        return column;
    }
}
