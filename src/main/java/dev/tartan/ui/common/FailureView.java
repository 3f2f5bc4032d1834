package dev.tartan.ui.common;

import atlantafx.base.theme.Styles;
import dev.tartan.model.FailureReport;
import dev.tartan.model.FixAction;
import dev.tartan.model.PlaidLinks;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;

import java.util.function.Consumer;

/**
 * Every failure, shown the same way: what failed, Plaid's error_code and message, the request_id
 * with a copy button, what it means, what to do next, the documentation, and a fix when Tartan
 * has one.
 */
public final class FailureView extends VBox {

    private final Fixes fixes;
    private final Consumer<String> onOpenLink;

    /**
     * @param fixes      the fixes this view can carry out (update-mode Link token, retry, edit profile)
     * @param onOpenLink opens a documentation link in the browser
     */
    public FailureView(Fixes fixes, Consumer<String> onOpenLink) {
        this.fixes = fixes;
        this.onOpenLink = onOpenLink;
        getStyleClass().add("failure-view");
        setSpacing(8);
        setPadding(new Insets(12));
    }

    public void show(FailureReport report) {
        getChildren().clear();
        if (report == null) {
            return;
        }
        FontIcon icon = new FontIcon(Material2OutlinedAL.ERROR_OUTLINE);
        icon.getStyleClass().add("failure-icon");
        Label title = new Label(report.title());
        title.getStyleClass().addAll(Styles.TITLE_4, Styles.DANGER);
        title.setId("failureTitle");
        HBox heading = new HBox(8, icon, title);
        heading.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        getChildren().add(heading);

        GridPane facts = new GridPane();
        facts.setHgap(12);
        facts.setVgap(4);
        int row = 0;
        row = fact(facts, row, "Operation", report.operation(), false);
        if (report.errorType() != null) {
            row = fact(facts, row, "error_type", report.errorType(), false);
        }
        row = fact(facts, row, "error_code", report.errorCode(), true);
        row = fact(facts, row, "HTTP status", report.httpStatus() == null ? null : String.valueOf(report.httpStatus()), false);
        row = fact(facts, row, "request_id", report.requestId(), true);
        fact(facts, row, "Shown to users", report.displayMessage(), false);
        getChildren().add(facts);

        if (report.message() != null) {
            getChildren().add(paragraph(report.message(), "failure-message"));
        }
        if (report.meaning() != null) {
            getChildren().add(section("What it means", report.meaning()));
        }
        if (report.nextStep() != null) {
            getChildren().add(section("What to do", report.nextStep()));
        }
        HBox actions = new HBox(8);
        if (fixes.offers(report.fix())) {
            Button fix = new Button(fixLabel(report.fix()));
            fix.setId("failureFix");
            fix.getStyleClass().add(Styles.ACCENT);
            fix.setOnAction(e -> fixes.run(report.fix()));
            actions.getChildren().add(fix);
        }
        if (report.documentationUrl() != null) {
            actions.getChildren().add(documentation(report.documentationUrl()));
        }
        if (!actions.getChildren().isEmpty()) {
            getChildren().add(actions);
        }
    }

    /** A link to one of Plaid's pages; anything else the reply named is shown as text, never opened. */
    private Node documentation(String url) {
        if (PlaidLinks.isPlaidPage(url)) {
            Hyperlink docs = new Hyperlink("Plaid's page on this error");
            docs.setId("failureDocs");
            docs.setOnAction(e -> onOpenLink.accept(url));
            return docs;
        }
        Label text = new Label("Documentation named in the reply (not a plaid.com page, so not opened): " + url);
        text.setId("failureDocsText");
        text.getStyleClass().add(Styles.TEXT_MUTED);
        text.setWrapText(true);
        return text;
    }

    private static String fixLabel(FixAction fix) {
        return switch (fix) {
            case CREATE_UPDATE_MODE_LINK_TOKEN -> "Create an update-mode Link token";
            case RESTART_SYNC -> "Restart the sync";
            case RETRY -> "Try again";
            case EDIT_PROFILE -> "Edit the profile";
            case NONE -> "";
        };
    }

    private static int fact(GridPane grid, int row, String name, String value, boolean copyable) {
        if (value == null || value.isBlank()) {
            return row;
        }
        Label key = new Label(name);
        key.getStyleClass().add(Styles.TEXT_MUTED);
        Label text = new Label(value);
        text.getStyleClass().add("mono");
        text.setId("failure-" + name.replace(' ', '-'));
        HBox cell = new HBox(6, text);
        cell.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        if (copyable) {
            cell.getChildren().add(copyButton(value));
        }
        grid.addRow(row, key, cell);
        return row + 1;
    }

    /** A small flat button that copies {@code value} to the clipboard. */
    public static Button copyButton(String value) {
        Button copy = new Button(null, new FontIcon(Material2OutlinedAL.CONTENT_COPY));
        copy.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        copy.setTooltip(new Tooltip("Copy"));
        copy.setOnAction(e -> Clipboards.copy(value));
        return copy;
    }

    private static VBox section(String heading, String text) {
        Label title = new Label(heading);
        title.getStyleClass().add(Styles.TEXT_BOLD);
        VBox box = new VBox(2, title, paragraph(text, null));
        VBox.setVgrow(box, Priority.NEVER);
        return box;
    }

    private static Label paragraph(String text, String styleClass) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        if (styleClass != null) {
            label.getStyleClass().add(styleClass);
        }
        return label;
    }
}
