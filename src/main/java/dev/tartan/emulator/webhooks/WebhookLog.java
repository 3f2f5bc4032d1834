package dev.tartan.emulator.webhooks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The persisted record of recent webhook deliveries (the newest {@value #KEPT}). */
final class WebhookLog {
    static final int KEPT = 500;

    private List<Delivery> deliveries = new ArrayList<>();

    /** One webhook and what became of it (status: pending, delivered or failed). */
    static final class Delivery {
        String id;
        String url;
        String webhookType;
        String webhookCode;
        String itemId;
        Instant createdAt;
        int attempts;
        String status;
        Integer lastHttpStatus;

        Delivery() {
        }
    }

    void add(Delivery delivery) {
        deliveries.add(delivery);
        if (deliveries.size() > KEPT) {
            deliveries.remove(0);
        }
    }
}
