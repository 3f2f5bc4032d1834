package dev.tartan.ui.common.data;

import atlantafx.base.theme.Styles;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tartan.ui.common.Clipboards;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Account and routing numbers (ACH, EFT, international, BACS). Numbers are masked until the user
 * reveals them; copying always copies the full number.
 */
public final class AuthNumbersView extends VBox {

    /** One number set of one account, whatever its network. */
    public record Row(String account, String network, String number, String routingLabel, String routing, String extra) {
    }

    private final TableView<Row> table = new TableView<>();
    private final ToggleButton reveal = new ToggleButton("Show numbers", new FontIcon(Material2OutlinedMZ.VISIBILITY));

    public AuthNumbersView() {
        setSpacing(8);
        reveal.setId("revealNumbers");
        reveal.getStyleClass().add(Styles.SMALL);
        reveal.selectedProperty().addListener((obs, old, shown) -> table.refresh());
        Label note = new Label("Account numbers stay masked until shown; copy (right-click) always copies the whole number.");
        note.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        HBox bar = new HBox(10, reveal, note);
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        table.setId("authNumbers");
        table.setPlaceholder(new Label("No account numbers."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("Account", Row::account));
        table.getColumns().add(column("Network", Row::network));
        TableColumn<Row, String> number = column("Account number", row -> reveal.isSelected() ? row.number() : Formats.maskNumber(row.number()));
        number.getStyleClass().add("mono");
        number.setMinWidth(150);
        table.getColumns().add(number);
        table.getColumns().add(column("Routing / code", row -> row.routingLabel() + " " + row.routing()));
        table.getColumns().add(column("Also", Row::extra));
        table.setRowFactory(view -> {
            TableRow<Row> row = new TableRow<>();
            MenuItem copyNumber = new MenuItem("Copy account number");
            copyNumber.setOnAction(e -> Clipboards.copy(row.getItem().number()));
            MenuItem copyRouting = new MenuItem("Copy routing / code");
            copyRouting.setOnAction(e -> Clipboards.copy(row.getItem().routing()));
            row.contextMenuProperty().bind(javafx.beans.binding.Bindings.when(row.emptyProperty())
                    .then((ContextMenu) null).otherwise(new ContextMenu(copyNumber, copyRouting)));
            return row;
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(bar, table);
    }

    /** Shows the {@code numbers} object of an /auth/get-like reply; {@code accounts} names the accounts. */
    public void show(JsonNode numbers, JsonNode accounts) {
        Map<String, String> names = Accounts.titlesById(accounts);
        List<Row> rows = new ArrayList<>();
        Function<JsonNode, String> name = n -> names.getOrDefault(n.path("account_id").asText(), n.path("account_id").asText());
        numbers.path("ach").forEach(n -> rows.add(new Row(name.apply(n), "ACH", n.path("account").asText(), "routing",
                n.path("routing").asText(), n.hasNonNull("wire_routing") ? "wire routing " + n.path("wire_routing").asText() : "")));
        numbers.path("eft").forEach(n -> rows.add(new Row(name.apply(n), "EFT", n.path("account").asText(), "institution",
                n.path("institution").asText(), "branch " + n.path("branch").asText())));
        numbers.path("international").forEach(n -> rows.add(new Row(name.apply(n), "IBAN", n.path("iban").asText(), "BIC",
                n.path("bic").asText(), "")));
        numbers.path("bacs").forEach(n -> rows.add(new Row(name.apply(n), "BACS", n.path("account").asText(), "sort code",
                n.path("sort_code").asText(), "")));
        table.setItems(FXCollections.observableArrayList(rows));
    }

    private static TableColumn<Row, String> column(String title, Function<Row, String> value) {
        TableColumn<Row, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return column;
    }
}
