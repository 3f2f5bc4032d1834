package dev.tartan.ui.assets;

import atlantafx.base.theme.Styles;
import dev.tartan.model.AuditCopyFacts;
import dev.tartan.model.TokenEntry;
import dev.tartan.ui.common.Clipboards;
import dev.tartan.ui.common.Fixes;
import dev.tartan.ui.common.Forms;
import dev.tartan.ui.common.ProductionGuard;
import dev.tartan.ui.common.data.DataPane;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.geometry.Orientation;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The report's audit copies: the ones made (for which auditor, whether they still work), making one,
 * copying its token for the auditor, reading it as the auditor would, its PDF, removing it.
 */
final class AuditCopiesView extends SplitPane {

    private final AssetReportViewModel model;
    private final TableView<TokenEntry> copies = new TableView<>();
    private final Consumer<String> openLink;

    AuditCopiesView(AssetReportViewModel model, Consumer<String> openLink) {
        this.model = model;
        this.openLink = openLink;
        setId("auditCopies");
        setOrientation(Orientation.VERTICAL);
        copies.setId("auditCopyTable");
        copies.setItems(model.auditCopies());
        copies.setPlaceholder(new Label("No audit copies of this report. An auditor (Fannie Mae, Freddie Mac) reads a copy by its token."));
        copies.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        column("Auditor", 140, copy -> AuditCopyFacts.of(copy).auditorId() == null ? "\u2014" : AuditCopyFacts.of(copy).auditorId());
        column("Token", 200, TokenEntry::maskedValue).getStyleClass().add("mono");
        column("Made", 150, copy -> copy.createdAt() == null ? "" : AssetsView.WHEN.format(copy.createdAt()));
        column("Status", 120, copy -> AuditCopyFacts.of(copy).removed() ? "removed" : "active");
        copies.getSelectionModel().selectedItemProperty().addListener((obs, old, copy) -> {
            if (copy != null && (model.openCopyProperty().get() == null || !model.openCopyProperty().get().value().equals(copy.value()))) {
                model.openCopy(copy);
            }
        });
        model.openCopyProperty().addListener((obs, old, copy) -> {
            if (copy == null) {
                copies.getSelectionModel().clearSelection();
            } else if (copies.getSelectionModel().getSelectedItem() == null
                    || !copies.getSelectionModel().getSelectedItem().value().equals(copy.value())) {
                copies.getItems().stream().filter(entry -> entry.value().equals(copy.value())).findFirst()
                        .ifPresent(entry -> copies.getSelectionModel().select(entry));
            }
        });
        VBox.setVgrow(copies, Priority.ALWAYS);
        VBox top = new VBox(8, toolbar(), copies);
        top.setPadding(new Insets(8));

        SummaryView summary = new SummaryView();
        DataPane read = new DataPane(summary, Fixes.retry(() -> model.openCopy(model.openCopyProperty().get())), openLink);
        read.setId("auditCopyPane");
        read.bind(model.copyDigestProperty(), digest -> summary.show(digest, model.itemNames()));
        Label caption = Forms.paragraph("The copy as its auditor reads it (/asset_report/audit_copy/get): pick one above.",
                Styles.TEXT_MUTED);
        caption.getStyleClass().add(Styles.TEXT_SMALL);
        caption.setPadding(new Insets(4, 8, 0, 8));
        VBox.setVgrow(read, Priority.ALWAYS);
        getItems().addAll(top, new VBox(caption, read));
        setDividerPositions(0.4);
    }

    private HBox toolbar() {
        Button create = new Button("New audit copy", new FontIcon(Material2OutlinedAL.ADD_CIRCLE_OUTLINE));
        create.setId("auditCopyCreate");
        create.setTooltip(new Tooltip("/asset_report/audit_copy/create: a copy an auditor can read by its token"));
        create.setOnAction(e -> ReportDialogs.auditCopy(getScene().getWindow(), model.newAuditCopyForm(), openLink));
        create.disableProperty().bind(model.readyProperty().not());
        BooleanBinding none = copies.getSelectionModel().selectedItemProperty().isNull();
        BooleanBinding removed = Bindings.createBooleanBinding(() -> {
            TokenEntry copy = copies.getSelectionModel().getSelectedItem();
            return copy == null || AuditCopyFacts.of(copy).removed();
        }, copies.getSelectionModel().selectedItemProperty(), model.auditCopies());
        Button copyToken = new Button("Copy token", new FontIcon(Material2OutlinedAL.CONTENT_COPY));
        copyToken.setId("auditCopyCopyToken");
        copyToken.setOnAction(e -> Clipboards.copy(copies.getSelectionModel().getSelectedItem().value()));
        copyToken.disableProperty().bind(none);
        Button pdf = new Button("PDF", new FontIcon(Material2OutlinedMZ.PICTURE_AS_PDF));
        pdf.setId("auditCopyPdf");
        pdf.setTooltip(new Tooltip("/asset_report/audit_copy/pdf/get, opened in the system's viewer"));
        pdf.setOnAction(e -> model.openCopyPdf(copies.getSelectionModel().getSelectedItem()));
        pdf.disableProperty().bind(removed);
        Button remove = new Button("Remove", new FontIcon(Material2OutlinedAL.DELETE_OUTLINE));
        remove.setId("auditCopyRemove");
        remove.getStyleClass().addAll(Styles.DANGER, Styles.FLAT);
        remove.setOnAction(e -> {
            TokenEntry copy = copies.getSelectionModel().getSelectedItem();
            if (copy != null && ProductionGuard.allowDestructive(getScene().getWindow(), model.profileProperty().get(),
                    "Remove the audit copy for " + AuditCopyFacts.of(copy).auditorId(), copy.maskedValue())) {
                model.removeCopy(copy);
            }
        });
        remove.disableProperty().bind(removed);
        HBox bar = new HBox(6, create, copyToken, pdf, remove);
        bar.getChildren().forEach(node -> ((Region) node).setMinWidth(Region.USE_PREF_SIZE));
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private TableColumn<TokenEntry, String> column(String title, double minWidth, Function<TokenEntry, String> value) {
        TableColumn<TokenEntry, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setMinWidth(minWidth);
        copies.getColumns().add(column);
        return column;
    }
}
