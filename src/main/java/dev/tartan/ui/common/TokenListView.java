package dev.tartan.ui.common;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import dev.tartan.model.FailureReport;
import dev.tartan.model.TokenEntry;
import dev.tartan.ui.common.data.Outcome;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.util.Callback;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

import java.util.function.BiFunction;

/** The controls of a pane's token list, over a {@link TokenListViewModel}: the filter, the list, the count. */
public final class TokenListView {

    private TokenListView() {
    }

    /** The filter box, bound to the model's filter. */
    public static CustomTextField filter(TokenListViewModel model, String id, String prompt, String tooltip) {
        CustomTextField filter = new CustomTextField();
        filter.setId(id);
        filter.setPromptText(prompt);
        filter.setTooltip(new Tooltip(tooltip));
        filter.setLeft(new FontIcon(Material2MZ.SEARCH));
        filter.textProperty().bindBidirectional(model.filterProperty());
        return filter;
    }

    /**
     * The list of the rows that match the filter. Picking a row opens it; filtering and reloads keep
     * the open one marked and never open another (see {@link KeptSelection}).
     *
     * @param empty   what the list says when the profile has no such token
     * @param noMatch what it says when the filter hides them all
     */
    public static ListView<TokenRow> list(TokenListViewModel model, String id, Callback<ListView<TokenRow>, ListCell<TokenRow>> cells,
                                          String empty, String noMatch) {
        ListView<TokenRow> list = new ListView<>(model.visibleRows());
        list.setId(id);
        list.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        list.setCellFactory(cells);
        KeptSelection.keep(list, row -> row.entry().value(), model::select);
        model.selectedProperty().addListener((obs, old, row) -> {
            if (row == null) {
                list.getSelectionModel().clearSelection();
            } else if (list.getSelectionModel().getSelectedItem() != row) {
                list.getSelectionModel().select(row);
            }
        });
        Label placeholder = new Label();
        placeholder.setWrapText(true);
        placeholder.setPadding(new Insets(12));
        placeholder.getStyleClass().add(Styles.TEXT_MUTED);
        placeholder.textProperty().bind(Bindings.when(Bindings.isEmpty(model.rows())).then(empty).otherwise(noMatch));
        list.setPlaceholder(placeholder);
        return list;
    }

    /**
     * Cells as wide as the list, each a row's name in bold (following its label and its
     * institution's name) laid out with what else the pane shows of the row.
     *
     * @param layout what the cell shows, given the row and its name
     */
    public static Callback<ListView<TokenRow>, ListCell<TokenRow>> cells(String nameId, BiFunction<TokenRow, Label, Node> layout) {
        return view -> new ListCell<>() {
            {
                setPrefWidth(0); // no sideways scroll bar: long names end in "..."
            }

            @Override
            protected void updateItem(TokenRow row, boolean empty) {
                super.updateItem(row, empty);
                setText(null);
                if (empty || row == null) {
                    setGraphic(null);
                    return;
                }
                Label name = new Label();
                name.setId(nameId);
                name.textProperty().bind(Bindings.createStringBinding(row::displayName, row.institutionNameProperty(), row.entryProperty()));
                name.getStyleClass().add(Styles.TEXT_BOLD);
                setGraphic(layout.apply(row, name));
            }
        };
    }

    /**
     * The paste field under a list: a token typed or pasted is added to the book and opened; what is
     * wrong with the text, or why the book refused it, shows under the field once the user tries.
     * The controls' ids are {@code idPrefix + "Paste"}, {@code + "Add"} and {@code + "AddProblem"}.
     */
    public static Node pasteField(PasteTokenFormViewModel form, String idPrefix, String prompt) {
        TextField paste = new TextField();
        paste.setId(idPrefix + "Paste");
        paste.setPromptText(prompt);
        paste.textProperty().bindBidirectional(form.tokenProperty());
        paste.setOnAction(e -> form.submit());
        Button add = new Button("Add");
        add.setId(idPrefix + "Add");
        add.setOnAction(e -> form.submit());
        add.disableProperty().bind(form.tokenProperty().isEmpty());
        add.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(paste, Priority.ALWAYS);
        Label problem = Forms.paragraph("", Styles.DANGER);
        problem.setId(idPrefix + "AddProblem");
        problem.textProperty().bind(Bindings.createStringBinding(() -> {
            Outcome<TokenEntry> adding = form.submission().stateProperty().get();
            if (adding.phase() != Outcome.Phase.FAILED) {
                return "";
            }
            FailureReport report = adding.failure();
            return report.message() != null ? report.message() : report.summary();
        }, form.submission().stateProperty()));
        problem.visibleProperty().bind(problem.textProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        return new VBox(6, new HBox(6, paste, add), problem);
    }

    /** "3 of 12 Items". */
    public static Label count(TokenListViewModel model, String id, String nounPlural) {
        Label count = new Label();
        count.setId(id);
        count.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        count.textProperty().bind(Bindings.createStringBinding(() -> model.visibleRows().size() + " of " + model.rows().size()
                + " " + nounPlural, model.visibleRows(), model.rows()));
        return count;
    }
}
