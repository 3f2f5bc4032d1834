package dev.tartan.ui.items;

import com.fasterxml.jackson.databind.JsonNode;
import javafx.collections.FXCollections;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import javafx.util.StringConverter;

import java.util.ArrayList;
import java.util.List;

/** Picks the account and the processor for a new processor token. */
final class ProcessorTokenDialog extends Dialog<ProcessorTokenDialog.Choice> {

    /** What the user chose. */
    record Choice(String accountId, String processor, String label) {
    }

    ProcessorTokenDialog(Window owner, JsonNode accounts, List<String> processors) {
        initOwner(owner);
        setTitle("Create a processor token");
        setHeaderText("A processor token lets a payment partner use one account of this Item");
        getDialogPane().setId("processorTokenDialog");

        List<JsonNode> choices = new ArrayList<>();
        accounts.forEach(choices::add);
        ComboBox<JsonNode> account = new ComboBox<>(FXCollections.observableArrayList(choices));
        account.setId("processorTokenAccount");
        account.setConverter(new StringConverter<>() {
            @Override
            public String toString(JsonNode node) {
                return node == null ? "" : node.path("name").asText() + (node.hasNonNull("mask") ? " \u2022\u2022" + node.path("mask").asText() : "")
                        + "  (" + node.path("subtype").asText() + ")";
            }

            @Override
            public JsonNode fromString(String text) {
                return null;
            }
        });
        choices.stream().filter(a -> "checking".equals(a.path("subtype").asText())).findFirst()
                .or(() -> choices.stream().findFirst()).ifPresent(account::setValue);
        ComboBox<String> processor = new ComboBox<>(FXCollections.observableArrayList(processors));
        processor.setId("processorTokenProcessor");
        processor.setValue(processors.contains("dwolla") ? "dwolla" : processors.isEmpty() ? null : processors.get(0));
        TextField label = new TextField();
        label.setId("processorTokenLabel");
        label.setPromptText("optional: a name for the token book");

        GridPane form = new GridPane();
        form.setHgap(12);
        form.setVgap(8);
        form.addRow(0, FieldName.of("Account"), account);
        form.addRow(1, FieldName.of("Processor"), processor);
        form.addRow(2, FieldName.of("Label"), label);
        getDialogPane().setContent(form);

        ButtonType create = new ButtonType("Create", ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(create, ButtonType.CANCEL);
        getDialogPane().lookupButton(create).disableProperty().bind(account.valueProperty().isNull().or(processor.valueProperty().isNull()));
        getDialogPane().lookupButton(create).setId("createProcessorTokenButton");
        setResultConverter(button -> button == create
                ? new Choice(account.getValue().path("account_id").asText(), processor.getValue(), label.getText())
                : null);
    }
}
