package dev.tartan.emulator.webhooks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The persisted record of recent webhook deliveries (the newest {@value #KEPT}). */
public final class WebhookLog {
    static final int KEPT = 500;

    private List<Delivery> deliveries = new ArrayList<>();

    /** One webhook and what became of it. */
    public static final class Delivery {
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

        public String url() {
            return url;
        }

        public String webhookType() {
            return webhookType;
        }

        public String webhookCode() {
            return webhookCode;
        }

        public String itemId() {
            return itemId;
        }

        public int attempts() {
            return attempts;
        }

        /** pending, delivered or failed. */
        public String status() {
            return status;
        }
    }

    void add(Delivery delivery) {
        deliveries.add(delivery);
        if (deliveries.size() > KEPT) {
            deliveries.remove(0);
        }
    }

    public List<Delivery> deliveries() {
        return new ArrayList<>(deliveries);
    }
}
