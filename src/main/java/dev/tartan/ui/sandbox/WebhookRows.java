package dev.tartan.ui.sandbox;

import atlantafx.base.theme.Styles;
import dev.tartan.model.ReceivedWebhook;
import dev.tartan.model.WebhookVerdict;
import dev.tartan.ui.common.Navigator;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Webhooks as the Sandbox pane lists them: when, type and code, the verdict, and a link to the Item they are about. */
final class WebhookRows {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    private static final int BODY_SHOWN = 1500;

    private WebhookRows() {
    }

    /** A box that lists {@code webhooks} as they come, or says {@code none} while there are none. */
    static VBox list(String id, ObservableList<ReceivedWebhook> webhooks, String none, SandboxViewModel model, Navigator navigator) {
        VBox box = new VBox(4);
        box.setId(id);
        Runnable show = () -> {
            box.getChildren().clear();
            if (webhooks.isEmpty() && none != null) {
                Label empty = new Label(none);
                empty.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
                empty.setWrapText(true);
                box.getChildren().add(empty);
            }
            webhooks.forEach(webhook -> box.getChildren().add(row(webhook, model, navigator)));
        };
        webhooks.addListener((ListChangeListener<ReceivedWebhook>) change -> show.run());
        show.run();
        return box;
    }

    /** Type and code; under them when it came, the verdict and what it is about (a link to the Item). */
    static Node row(ReceivedWebhook webhook, SandboxViewModel model, Navigator navigator) {
        Label name = new Label((webhook.type().isEmpty() ? "?" : webhook.type()) + " \u00b7 " + (webhook.code().isEmpty() ? "?" : webhook.code()));
        name.setId("webhookName");
        name.getStyleClass().add(Styles.TEXT_BOLD);
        Label time = new Label(TIME.format(webhook.receivedAt()));
        time.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL, "mono");
        time.setMinWidth(Region.USE_PREF_SIZE);
        Label verdict = verdict(webhook.verdict());
        verdict.setMinWidth(Region.USE_PREF_SIZE);
        HBox under = new HBox(8, time, verdict);
        under.setAlignment(Pos.CENTER_LEFT);
        VBox row = new VBox(1, name, under);
        row.getStyleClass().add("webhook-row");
        if (webhook.subject() != null) {
            ReceivedWebhook.WebhookSubject subject = webhook.subject();
            Node about;
            if (subject.kind() == ReceivedWebhook.WebhookSubject.Kind.ITEM) {
                Hyperlink item = new Hyperlink("Item " + subject.id());
                item.setId("webhookItemLink");
                item.setTooltip(new Tooltip("Open this Item in the Items pane"));
                item.setOnAction(e -> model.openItem(subject.id(), navigator::openInPane));
                about = item;
            } else {
                Label label = new Label(subject.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " " + subject.id());
                label.getStyleClass().add(Styles.TEXT_MUTED);
                about = label;
            }
            under.getChildren().add(about);
        }
        String body = webhook.body() == null ? "" : webhook.body();
        Tooltip.install(name, new Tooltip(body.length() > BODY_SHOWN ? body.substring(0, BODY_SHOWN) + "\u2026" : body));
        return row;
    }

    /** "verified", "failed: signed 17 minutes ago", or "not checked" (no checks were made). */
    static Label verdict(WebhookVerdict verdict) {
        Label chip = new Label();
        chip.setId("webhookVerdict");
        chip.getStyleClass().add("status-chip");
        if (verdict.checks().isEmpty()) {
            chip.setText("not checked");
            chip.getStyleClass().add("status-unknown");
        } else if (verdict.verified()) {
            chip.setText("verified");
            chip.getStyleClass().add("status-ok");
        } else {
            String why = verdict.checks().stream().filter(check -> !check.passed()).map(WebhookVerdict.Check::words).findFirst().orElse("");
            chip.setText("failed: " + why);
            chip.getStyleClass().add("status-error");
        }
        return chip;
    }
}
