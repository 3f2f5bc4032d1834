package dev.tartan.emulator.items;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One Item (a login at an institution) as persisted. Mutable only under the state store's write lock. */
public final class ItemRecord {
    String itemId;
    String institutionId;
    List<String> billedProducts = new ArrayList<>();
    String webhook;
    Instant createdAt;
    /** Generated data is dated relative to this day (the Item's creation day, UTC). */
    LocalDate anchorDate;
    String username;
    /** Seed of all data generated for this Item. */
    long dataSeed;
    String authMethod;
    /** error_code of the Item's error state (ITEM_LOGIN_REQUIRED after a login reset), or null. */
    String errorCode;
    boolean removed;
    List<AccountRecord> accounts = new ArrayList<>();
    /** How many days of transactions the Item holds. */
    int transactionDays;
    /** Transactions to generate for the Item, or null for the default amount. */
    Long generatedTransactions;
    /** The user_custom configuration the Item was created with, or null. */
    JsonNode customConfig;
    String lastWebhookCode;
    Instant lastWebhookAt;
    Instant transactionsUpdatedAt;

    ItemRecord() {
    }

    public String itemId() {
        return itemId;
    }

    public String institutionId() {
        return institutionId;
    }

    public Institution institution() {
        return Institutions.byId(institutionId).orElseThrow();
    }

    public List<String> billedProducts() {
        return billedProducts;
    }

    public String webhook() {
        return webhook;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public LocalDate anchorDate() {
        return anchorDate;
    }

    public String username() {
        return username;
    }

    public long dataSeed() {
        return dataSeed;
    }

    public String errorCode() {
        return errorCode;
    }

    public boolean removed() {
        return removed;
    }

    public List<AccountRecord> accounts() {
        return accounts;
    }

    public Optional<AccountRecord> account(String accountId) {
        return accounts.stream().filter(a -> a.accountId.equals(accountId)).findFirst();
    }

    public int transactionDays() {
        return transactionDays;
    }

    public Long generatedTransactions() {
        return generatedTransactions;
    }

    public JsonNode customConfig() {
        return customConfig;
    }

    public Instant transactionsUpdatedAt() {
        return transactionsUpdatedAt;
    }

    public void transactionsUpdatedAt(Instant at) {
        this.transactionsUpdatedAt = at;
    }

    public String lastWebhookCode() {
        return lastWebhookCode;
    }

    public Instant lastWebhookAt() {
        return lastWebhookAt;
    }

    /** Records a product as billed, as Plaid does on the first call of a product's endpoint. */
    public void bill(String product) {
        if (!billedProducts.contains(product)) {
            billedProducts.add(product);
        }
    }

    void webhookSent(String code, Instant at) {
        lastWebhookCode = code;
        lastWebhookAt = at;
    }
}
