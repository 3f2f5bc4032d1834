package dev.tartan.ui.processor;

import dev.tartan.ui.common.Fixes;
import atlantafx.base.theme.Styles;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tartan.model.FailureReport;
import dev.tartan.model.TokenEntry;
import dev.tartan.ui.common.FailureView;
import dev.tartan.ui.common.InstitutionPicker;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The two ways the pane makes a processor token: from an Item in the token book
 * (/processor/token/create), or, in the Sandbox, from nothing (/sandbox/processor_token/create).
 * Each dialog stays open until the token exists, and shows why when it could not be made.
 */
final class NewTokenDialogs {

    private static final ButtonType CREATE = new ButtonType("Create", ButtonBar.ButtonData.OK_DONE);

    private NewTokenDialogs() {
    }

    /** Pick an Item, one of its accounts and a processor. */
    static void fromItem(Window owner, ProcessorViewModel model, Consumer<String> openLink) {
        ComboBox<TokenEntry> item = new ComboBox<>();
        item.setId("newTokenItem");
        item.setPromptText("an access token from the token book");
        item.setConverter(converter(ProcessorViewModel::displayName));
        ComboBox<JsonNode> account = new ComboBox<>();
        account.setId("newTokenAccount");
        account.setPromptText("pick an Item first");
        account.setConverter(converter(a -> a.path("name").asText() + (a.hasNonNull("mask") ? " \u2022\u2022" + a.path("mask").asText() : "")
                + " \u00b7 " + a.path("subtype").asText(a.path("type").asText())));
        ComboBox<String> processor = new ComboBox<>();
        processor.setId("newTokenProcessor");
        processor.setPromptText("loading the processors\u2026");
        processor.setVisibleRowCount(12);
        TextField label = new TextField();
        label.setId("newTokenLabel");
        label.setPromptText("optional: a name for the token book");
        for (ComboBox<?> box : new ComboBox<?>[] {item, account, processor}) {
            box.setMaxWidth(Double.MAX_VALUE);
        }
        FailureView problem = new FailureView(Fixes.none(), openLink);

        model.accessTokens(tokens -> {
            item.getItems().setAll(tokens);
            item.setPromptText(tokens.isEmpty() ? "no Items in the token book for this profile" : "an access token from the token book");
        });
        model.processors(names -> {
            processor.getItems().setAll(names);
            processor.setPromptText(names.isEmpty() ? "no processors in the catalog" : "the partner that gets the token");
        });
        item.valueProperty().addListener((obs, old, now) -> {
            account.getItems().clear();
            problem.show(null);
            if (now != null) {
                account.setPromptText("loading its accounts\u2026");
                model.accountsOf(now, accounts -> {
                    if (now.equals(item.getValue())) {
                        accounts.forEach(account.getItems()::add);
                        account.setPromptText("the account the partner may use");
                    }
                }, problem::show);
            }
        });

        GridPane form = Forms.grid(1);
        form.addRow(0, Forms.label("Item"), item);
        form.addRow(1, Forms.label("Account"), account);
        form.addRow(2, Forms.label("Processor"), processor);
        form.addRow(3, Forms.label("Label"), label);
        BooleanBinding incomplete = item.valueProperty().isNull().or(account.valueProperty().isNull()).or(processor.valueProperty().isNull());
        show(owner, "New processor token from an Item", "Calls /processor/token/create and keeps the token in the token book.",
                new VBox(12, form, problem), incomplete, problem, (done, failed) -> model.createFromItem(item.getValue(),
                        account.getValue().path("account_id").asText(), processor.getValue(), label.getText(), done, failed));
    }

    /** Sandbox only: an institution; Plaid makes the Item and a token for its first checking or savings account. */
    static void sandbox(Window owner, ProcessorViewModel model, Consumer<String> openLink) {
        InstitutionPicker institution = new InstitutionPicker();
        TextField label = new TextField();
        label.setId("sandboxLabel");
        label.setPromptText("optional: a name for the token book");
        FailureView problem = new FailureView(Fixes.none(), openLink);
        institution.load(model.institutions(), problem::show);
        GridPane form = Forms.grid(1);
        form.addRow(0, Forms.label("Institution"), institution);
        form.addRow(1, Forms.label("Label"), label);
        show(owner, "New sandbox processor token", "Calls /sandbox/processor_token/create: a new sandbox Item at the "
                        + "institution, and a processor token for its first checking or savings account.",
                new VBox(12, form, problem), institution.valueProperty().isNull(), problem,
                (done, failed) -> model.createSandbox(institution.institutionId(), label.getText(), done, failed));
    }

    /** How a dialog starts its work: {@code done} closes it, {@code failed} shows why. */
    @FunctionalInterface
    private interface Creation {
        void start(Runnable done, Consumer<FailureReport> failed);
    }

    private static void show(Window owner, String title, String header, Node content, BooleanBinding incomplete,
                             FailureView problem, Creation creation) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(title);
        dialog.setHeaderText(header);
        dialog.getDialogPane().setId("newTokenDialog");
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().setPrefWidth(560);
        dialog.getDialogPane().getButtonTypes().addAll(CREATE, ButtonType.CANCEL);
        Button create = (Button) dialog.getDialogPane().lookupButton(CREATE);
        create.setId("newTokenCreate");
        create.getStyleClass().add(Styles.ACCENT);
        BooleanProperty working = new SimpleBooleanProperty();
        create.disableProperty().bind(incomplete.or(working));
        create.addEventFilter(ActionEvent.ACTION, event -> {
            // The dialog closes only once the token exists.
            event.consume();
            working.set(true);
            problem.show(null);
            creation.start(() -> {
                working.set(false);
                dialog.setResult(CREATE);
                dialog.close();
            }, failure -> {
                working.set(false);
                problem.show(failure);
                dialog.getDialogPane().getScene().getWindow().sizeToScene();
            });
        });
        dialog.show();
    }

    private static <T> StringConverter<T> converter(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : text.apply(value);
            }

            @Override
            public T fromString(String string) {
                return null;
            }
        };
    }
}
