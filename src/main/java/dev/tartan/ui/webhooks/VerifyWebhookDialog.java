package dev.tartan.ui.webhooks;

import atlantafx.base.theme.Styles;
import dev.tartan.ui.common.FormDialog;
import dev.tartan.ui.common.Forms;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.function.Consumer;

/** "Verify a webhook": paste a body and its Plaid-Verification header; the verdict opens in the pane. */
final class VerifyWebhookDialog {

    private VerifyWebhookDialog() {
    }

    static void show(Window owner, VerifyWebhookFormViewModel form, Consumer<String> openLink) {
        TextArea body = new TextArea();
        body.setId("pastedBody");
        body.setPromptText("{\n  \"webhook_type\": \"TRANSACTIONS\",\n  ...\n}");
        body.getStyleClass().add("mono");
        body.setPrefRowCount(12);
        body.textProperty().bindBidirectional(form.bodyProperty());
        TextField header = Forms.field("pastedHeader", "eyJhbGciOiJFUzI1NiIs\u2026 (the Plaid-Verification header)", form.headerProperty());
        header.getStyleClass().add("mono");
        VBox fields = new VBox(6,
                Forms.paragraph("The body exactly as it was received: Plaid signs its exact bytes, so re-indented JSON fails.",
                        Styles.TEXT_MUTED),
                Forms.label("Body"), body, Forms.label("Plaid-Verification header"), header);
        new FormDialog<>(owner, "verifyWebhookDialog", "Verify a webhook",
                "Is it Plaid's, and unchanged? Each check as Plaid documents it, in words", fields, "Verify", form, openLink).show();
    }
}
