package dev.tartan.ui.items;

import atlantafx.base.theme.Styles;
import dev.tartan.ui.common.FormDialog;
import dev.tartan.ui.common.Forms;
import dev.tartan.ui.common.InboxUrl;
import dev.tartan.ui.common.InstitutionPicker;
import dev.tartan.ui.common.JsonEditor;
import dev.tartan.ui.common.UseInboxButton;
import javafx.collections.ListChangeListener;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.controlsfx.control.CheckComboBox;

import java.util.function.Consumer;

/**
 * Creates a sandbox Item the way Link would: institution, products, test user (including a
 * user_custom configuration, checked as it is typed), webhook. Stays open on failure (an
 * error_ITEM_LOCKED password fails on purpose) with the error shown.
 */
final class CreateSandboxItemDialog {

    private CreateSandboxItemDialog() {
    }

    static void show(Window owner, SandboxItemFormViewModel form, InboxUrl inbox, Consumer<String> openLink) {
        InstitutionPicker institution = new InstitutionPicker(form.institution());

        CheckComboBox<String> products = new CheckComboBox<>(form.products().items());
        products.setId("sandboxProducts");
        products.setMaxWidth(Double.MAX_VALUE);
        // The checks follow the form's choice both ways (the form picks the usual products once they load).
        boolean[] following = {false};
        Runnable showChoice = () -> {
            following[0] = true;
            try {
                check(products, form);
            } finally {
                following[0] = false;
            }
        };
        products.getItems().addListener((ListChangeListener<String>) change -> showChoice.run());
        form.chosenProducts().addListener((ListChangeListener<String>) change -> showChoice.run());
        products.getCheckModel().getCheckedItems().addListener((ListChangeListener<String>) change -> {
            if (!following[0]) {
                form.chosenProducts().setAll(products.getCheckModel().getCheckedItems());
            }
        });
        showChoice.run();

        ComboBox<String> username = new ComboBox<>();
        username.setId("sandboxUsername");
        username.setEditable(true);
        username.getItems().setAll(SandboxItemFormViewModel.TEST_USERS);
        username.setMaxWidth(Double.MAX_VALUE);
        username.valueProperty().bindBidirectional(form.usernameProperty());
        TextField password = Forms.field("sandboxPassword", "pass_good, or error_ITEM_LOCKED to make creation fail",
                form.passwordProperty());

        JsonEditor userCustom = new JsonEditor();
        userCustom.setId("userCustomEditor");
        userCustom.textProperty().bindBidirectional(form.userCustomProperty());
        userCustom.setPrefHeight(220);
        Label customHelp = Forms.paragraph("user_custom: the password is this JSON configuration (accounts, balances, "
                + "transactions, identity).", Styles.TEXT_MUTED);
        customHelp.getStyleClass().add(Styles.TEXT_SMALL);
        VBox customBox = new VBox(4, customHelp, userCustom);
        customBox.visibleProperty().bind(form.usernameProperty().isEqualTo(SandboxItemFormViewModel.USER_CUSTOM));
        customBox.managedProperty().bind(customBox.visibleProperty());
        password.disableProperty().bind(customBox.visibleProperty());

        GridPane grid = Forms.grid(1);
        grid.addRow(0, Forms.label("Institution"), institution);
        grid.addRow(1, Forms.label("Products"), products);
        grid.addRow(2, Forms.label("Test user"), username);
        grid.addRow(3, Forms.label("Password"), password);
        grid.addRow(4, Forms.label("Webhook URL"), UseInboxButton.beside(Forms.field("sandboxWebhook",
                "optional: https://example.com/plaid-webhooks", form.webhookProperty()), inbox));
        grid.addRow(5, Forms.label("Label"), Forms.field("sandboxLabel", "optional: a name for the token book", form.labelProperty()));

        FormDialog<?> dialog = new FormDialog<>(owner, "createSandboxItemDialog", "Create a sandbox Item",
                "A new Item, as if a user linked it in Sandbox", new VBox(10, grid, customBox), "Create",
                form, openLink);
        // The window was sized for the form without the editor: it grows to show it, and shrinks back.
        customBox.visibleProperty().addListener((obs, old, shown) -> dialog.fitWindow());
        dialog.show();
    }

    private static void check(CheckComboBox<String> products, SandboxItemFormViewModel form) {
        for (String product : products.getItems()) {
            boolean chosen = form.chosenProducts().contains(product);
            if (chosen != products.getCheckModel().isChecked(product)) {
                if (chosen) {
                    products.getCheckModel().check(product);
                } else {
                    products.getCheckModel().clearCheck(product);
                }
            }
        }
    }
}
