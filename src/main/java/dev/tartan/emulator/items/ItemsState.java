package dev.tartan.emulator.items;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The persisted "items" section: Items and every token that points at them. Removed Items stay
 * (flagged) so that their old tokens answer ITEM_NOT_FOUND rather than INVALID_ACCESS_TOKEN.
 */
final class ItemsState {
    Map<String, ItemRecord> items = new LinkedHashMap<>();
    /** Items created so far, ever; feeds each new Item's data seed. */
    long itemsCreated;
    Map<String, String> accessTokens = new HashMap<>();
    Map<String, PublicToken> publicTokens = new HashMap<>();
    Map<String, LinkToken> linkTokens = new HashMap<>();
    Map<String, ProcessorToken> processorTokens = new HashMap<>();

    static final class PublicToken {
        String itemId;
        Instant expiresAt;

        PublicToken() {
        }

        PublicToken(String itemId, Instant expiresAt) {
            this.itemId = itemId;
            this.expiresAt = expiresAt;
        }
    }

    static final class LinkToken {
        Instant createdAt;
        Instant expiresAt;
        /** The /link/token/create request without credentials. */
        JsonNode request;

        LinkToken() {
        }
    }
}
