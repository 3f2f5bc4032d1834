package dev.tartan.ui.assets;

import atlantafx.base.theme.Styles;
import dev.tartan.model.PdfPage;
import dev.tartan.ui.common.Fixes;
import dev.tartan.ui.common.data.ActionStatus;
import dev.tartan.ui.common.data.DataPane;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import java.io.File;
import java.util.function.Consumer;

/** The report's PDF inside the app: a page at a time, with paging, zoom, "Save PDF" and the system's viewer. */
final class PdfView extends VBox {

    private final ReportPdfViewModel model;
    private final ImageView image = new ImageView();
    private final Label pageLabel = new Label();
    private final Label zoomLabel = new Label();

    PdfView(ReportPdfViewModel model, Consumer<String> openLink) {
        this.model = model;
        setId("pdfView");
        image.setId("pdfPage");
        image.setPreserveRatio(true);
        image.setSmooth(true);
        StackPane page = new StackPane(image);
        page.getStyleClass().add("pdf-page-backdrop");
        page.setPadding(new Insets(12));
        ScrollPane scroll = new ScrollPane(page);
        scroll.setId("pdfScroll");
        scroll.setFitToWidth(true);
        scroll.setPannable(true);
        DataPane pane = new DataPane(scroll, Fixes.retry(model::reload), openLink);
        pane.setId("pdfPane");
        pane.bind(model.pageProperty(), this::show);
        VBox.setVgrow(pane, Priority.ALWAYS);
        ActionStatus<String> saved = new ActionStatus<>("pdfSaved", model.savedProperty(), message -> message, Fixes.none(), openLink);
        saved.setPadding(new Insets(0, 8, 0, 8));
        getChildren().addAll(toolbar(), saved, pane);
    }

    private HBox toolbar() {
        Button previous = iconButton("pdfPrevious", Material2MZ.NAVIGATE_BEFORE, "Previous page", model::previous);
        Button next = iconButton("pdfNext", Material2MZ.NAVIGATE_NEXT, "Next page", model::next);
        Button zoomOut = iconButton("pdfZoomOut", Material2MZ.ZOOM_OUT, "Zoom out", model::zoomOut);
        Button zoomIn = iconButton("pdfZoomIn", Material2MZ.ZOOM_IN, "Zoom in", model::zoomIn);
        pageLabel.setId("pdfPageNumber");
        pageLabel.setMinWidth(Region.USE_PREF_SIZE);
        zoomLabel.setId("pdfZoom");
        zoomLabel.setMinWidth(Region.USE_PREF_SIZE);
        zoomLabel.getStyleClass().add(Styles.TEXT_MUTED);
        Button save = new Button("Save PDF", new FontIcon(Material2MZ.SAVE_ALT));
        save.setId("pdfSave");
        save.setTooltip(new Tooltip("Save a copy of the PDF where you choose"));
        save.setOnAction(e -> save());
        Button external = new Button("Open in viewer", new FontIcon(Material2AL.LAUNCH));
        external.setId("pdfOpenExternally");
        external.setTooltip(new Tooltip("Open the PDF with the program the system chooses"));
        external.setOnAction(e -> model.openExternally());
        for (Button button : new Button[] {save, external}) {
            button.setMinWidth(Region.USE_PREF_SIZE);
            button.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> !model.pageProperty().get().hasData(),
                    model.pageProperty()));
        }
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox bar = new HBox(6, previous, pageLabel, next, new Label("  "), zoomOut, zoomLabel, zoomIn, grow, save, external);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 8, 4, 8));
        return bar;
    }

    private static Button iconButton(String id, org.kordamp.ikonli.Ikon icon, String tip, Runnable action) {
        Button button = new Button(null, new FontIcon(icon));
        button.setId(id);
        button.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        button.setTooltip(new Tooltip(tip));
        button.setOnAction(e -> action.run());
        return button;
    }

    private void show(PdfPage page) {
        image.setImage(SwingFXUtils.toFXImage(page.image(), null));
        pageLabel.setText("Page " + (page.index() + 1) + " of " + page.pageCount());
        zoomLabel.setText(Math.round(page.scale() * 100) + "%");
    }

    private void save() {
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName(model.suggestedFileName());
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PDF", "*.pdf"));
        File file = chooser.showSaveDialog(getScene().getWindow());
        if (file != null) {
            model.save(file.toPath());
        }
    }
}
