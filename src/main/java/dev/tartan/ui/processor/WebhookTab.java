package dev.tartan.ui.processor;

import atlantafx.base.theme.Styles;
import dev.tartan.model.KnownWebhook;
import dev.tartan.ui.common.FailureView;
import dev.tartan.ui.common.Fixes;
import dev.tartan.ui.common.Forms;
import dev.tartan.ui.common.UseInboxButton;
import dev.tartan.ui.common.data.ActionStatus;
import dev.tartan.ui.common.data.DataPane;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.function.Consumer;

/** The Webhook tab: where this token's webhooks go, and a form to send them elsewhere. */
final class WebhookTab {

    private final WebhookViewModel model;
    private final Consumer<String> openLink;
    private final Label currentUrl = new Label();

    WebhookTab(WebhookViewModel model, Consumer<String> openLink) {
        this.model = model;
        this.openLink = openLink;
    }

    Node build() {
        currentUrl.setId("webhookCurrent");
        currentUrl.getStyleClass().add("mono");
        currentUrl.setWrapText(true);
        HBox currentRow = new HBox(6, currentUrl);
        DataPane current = new DataPane(currentRow, Fixes.none(), openLink);
        current.setId("webhookKnown");
        current.bind(model.knownProperty(), webhook -> {
            currentUrl.setText(webhook.url() == null ? "none (webhooks switched off)" : webhook.url());
            currentRow.getChildren().setAll(currentUrl);
            if (webhook.url() != null) {
                currentRow.getChildren().add(FailureView.copyButton(webhook.url()));
            }
        });

        TextField url = Forms.field("webhookUrl", "https://example.com/plaid/webhooks", model.newUrlProperty());
        HBox.setHgrow(url, Priority.ALWAYS);
        Button update = new Button("Update the webhook");
        update.setId("webhookUpdate");
        update.getStyleClass().add(Styles.ACCENT);
        update.setOnAction(e -> model.update());
        ActionStatus<KnownWebhook> status = new ActionStatus<>("webhookStatus", model.updateProperty(), WebhookTab::updated,
                Fixes.retry(model::update), openLink);

        VBox page = new VBox(14,
                Forms.heading("Current webhook", "Where Plaid posts this token's webhooks, as Tartan last set it."), current,
                Forms.heading("Send webhooks elsewhere", "Calls /processor/token/webhook/update. Leave the field blank to "
                        + "switch this token's webhooks off."),
                new HBox(8, url, UseInboxButton.filling(url, model.inbox()), update), status,
                Forms.heading("WEBHOOK_UPDATE_ACKNOWLEDGED", "Right after an update Plaid posts one webhook to the new URL: "
                        + "webhook_type PROCESSOR_TOKEN, webhook_code WEBHOOK_UPDATE_ACKNOWLEDGED, with the token's account_id, "
                        + "the new_webhook_url and an error that is null when all is well. It proves the URL is reachable "
                        + "from Plaid; if it never arrives, check that the URL is public and answers 200. The token's "
                        + "transactions webhooks (SYNC_UPDATES_AVAILABLE, DEFAULT_UPDATE, ...) go to the same URL."));
        page.setPadding(new Insets(12));
        ScrollPane scroll = new ScrollPane(page);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private static String updated(KnownWebhook webhook) {
        return webhook.url() == null
                ? "Webhooks switched off for this token (request_id " + webhook.requestId() + ")."
                : "Updated (request_id " + webhook.requestId() + "). Plaid confirms with a WEBHOOK_UPDATE_ACKNOWLEDGED "
                + "webhook to " + webhook.url() + ".";
    }
}
