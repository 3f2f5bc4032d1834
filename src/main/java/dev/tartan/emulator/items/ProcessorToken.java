package dev.tartan.emulator.items;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A processor token as persisted: one account of one Item, handed to a processor partner. */
public final class ProcessorToken {
    String itemId;
    String accountId;
    String processor;
    String webhook;
    Instant createdAt;
    /** Products the processor may use, as set by /processor/token/permissions/set (empty: all). */
    List<String> products = new ArrayList<>();

    ProcessorToken() {
    }

    public String itemId() {
        return itemId;
    }

    public String accountId() {
        return accountId;
    }

    /** The processor the token was made for (dwolla, ...; sandbox for /sandbox/processor_token/create). */
    public String processor() {
        return processor;
    }

    public String webhook() {
        return webhook;
    }

    public void webhook(String url) {
        this.webhook = url;
    }

    public List<String> products() {
        return products;
    }

    public void products(List<String> products) {
        this.products = new ArrayList<>(products);
    }
}
