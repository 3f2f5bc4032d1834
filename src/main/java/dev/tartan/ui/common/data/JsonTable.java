package dev.tartan.ui.common.data;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tartan.ui.common.Clipboards;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A table whose rows are JSON objects from a Plaid reply, with columns read by functions, so fields
 * Plaid adds later never break it. Right-click copies a row as JSON.
 */
public class JsonTable extends TableView<JsonNode> {

    private static final int FIT_SAMPLE_ROWS = 200;
    private static final double FIT_FONT_SIZE = 14;
    private static final double HEADER_PADDING = 28;
    private static final double CELL_PADDING = 20;
    private static final double MAX_FITTED_WIDTH = 420;

    public JsonTable(String id, String emptyText) {
        setId(id);
        setPlaceholder(new Label(emptyText));
        setColumnResizePolicy(CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        setRowFactory(table -> {
            TableRow<JsonNode> row = new TableRow<>();
            MenuItem copyJson = new MenuItem("Copy row as JSON");
            copyJson.setOnAction(e -> Clipboards.copy(row.getItem().toPrettyString()));
            row.contextMenuProperty().bind(Bindings.when(row.emptyProperty())
                    .then((ContextMenu) null).otherwise(new ContextMenu(copyJson)));
            return row;
        });
    }

    /** Adds a text column. */
    public JsonTable column(String title, Function<JsonNode, String> value) {
        TableColumn<JsonNode, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        // Wide enough for the title: a squeezed table shows "..." for every heading otherwise.
        column.setMinWidth(Math.max(64, title.length() * 8.5 + 24));
        getColumns().add(column);
        return this;
    }

    /** Adds a column showing a field as text ("—" when absent). */
    public JsonTable field(String title, String... path) {
        return column(title, row -> Formats.text(at(row, path)));
    }

    /** Adds a column of the moments at {@code path}, in the user's time zone ({@link Formats#moment(JsonNode)}). */
    public JsonTable moment(String title, String... path) {
        column(title, row -> Formats.moment(at(row, path)));
        getColumns().get(getColumns().size() - 1).setMinWidth(150);
        return this;
    }

    /** Adds a right-aligned money column: the amount at {@code path}, in the row's currency. */
    public JsonTable money(String title, String... path) {
        column(title, row -> Formats.money(at(row, path), Formats.currencyOf(row)));
        getColumns().get(getColumns().size() - 1).getStyleClass().add("amount");
        getColumns().get(getColumns().size() - 1).setMinWidth(Math.max(100, title.length() * 8.5 + 24));
        return this;
    }

    /** Adds a column in the monospaced face (ids). */
    public JsonTable id(String title, String... path) {
        field(title, path);
        getColumns().get(getColumns().size() - 1).getStyleClass().add("mono");
        getColumns().get(getColumns().size() - 1).setMinWidth(200);
        return this;
    }

    /** Shows the elements of a JSON array (or nothing for a missing one). */
    public void show(JsonNode array) {
        List<JsonNode> rows = new ArrayList<>();
        array.forEach(rows::add);
        setItems(FXCollections.observableArrayList(rows));
    }

    /** Shows rows made by the caller (joined with another part of the reply, say). */
    public void show(List<JsonNode> rows) {
        setItems(FXCollections.observableArrayList(rows));
    }

    /**
     * Sizes each column to its title and the widest of its first rows (up to a cap), so short
     * values are not cut off; the table then scrolls sideways when the columns do not all fit.
     * Call after {@code show}.
     */
    public void fitColumnsToContent() {
        Text probe = new Text();
        probe.setFont(Font.font(FIT_FONT_SIZE));
        int rows = Math.min(getItems().size(), FIT_SAMPLE_ROWS);
        for (TableColumn<JsonNode, ?> column : getColumns()) {
            probe.setText(column.getText());
            double width = probe.getLayoutBounds().getWidth() + HEADER_PADDING;
            for (int row = 0; row < rows; row++) {
                Object value = column.getCellData(row);
                if (value != null) {
                    probe.setText(value.toString());
                    width = Math.max(width, probe.getLayoutBounds().getWidth() * (column.getStyleClass().contains("mono") ? 1.15 : 1)
                            + CELL_PADDING);
                }
            }
            column.setPrefWidth(Math.min(width, MAX_FITTED_WIDTH));
        }
        setColumnResizePolicy(UNCONSTRAINED_RESIZE_POLICY);
    }

    /** The value at a path of field names: {@code at(row, "balances", "current")}. */
    public static JsonNode at(JsonNode row, String... path) {
        JsonNode node = row;
        for (String name : path) {
            node = node.path(name);
        }
        return node;
    }
}
