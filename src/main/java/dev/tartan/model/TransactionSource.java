package dev.tartan.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Whose transactions: an Item, reached with its access token, or the one account behind a
 * processor token. {@link #toString()} masks the token.
 *
 * @param kind   Item or processor token
 * @param token  the access or processor token the calls use
 * @param itemId the Item's item_id when known (Items only), else null
 */
public record TransactionSource(Kind kind, String token, String itemId) {

    public enum Kind {
        /** An Item: /transactions/sync and /transactions/get with its access token. */
        ITEM,
        /** A processor token: /processor/transactions/sync with it. */
        PROCESSOR
    }

    public TransactionSource {
        Objects.requireNonNull(kind, "kind");
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("Transactions need the access or processor token to fetch them with");
        }
        token = token.strip();
        itemId = itemId == null || itemId.isBlank() ? null : itemId.strip();
        if (kind == Kind.PROCESSOR && itemId != null) {
            throw new IllegalArgumentException("A processor token's transactions are not keyed by an item_id");
        }
    }

    /** An Item's transactions; {@code itemId} may be null when it is not known. */
    public static TransactionSource item(String accessToken, String itemId) {
        return new TransactionSource(Kind.ITEM, accessToken, itemId);
    }

    public static TransactionSource processor(String processorToken) {
        return new TransactionSource(Kind.PROCESSOR, processorToken, null);
    }

    /** The source a token book entry names: an access token (with its item_id) or a processor token. */
    public static TransactionSource of(TokenEntry entry) {
        return switch (entry.kind()) {
            case ACCESS -> item(entry.value(), entry.ownerId());
            case PROCESSOR -> processor(entry.value());
            default -> throw new IllegalArgumentException(entry.kind().displayName()
                    + "s have no transactions: use an access token or a processor token");
        };
    }

    /**
     * What the vault files the transactions under: the item_id for an Item (it outlives a rotated
     * access token), else a SHA-256 of the token, so that the key never reveals the token.
     */
    public String key() {
        if (itemId != null) {
            return "item:" + itemId;
        }
        return (kind == Kind.ITEM ? "access:" : "processor:") + sha256(token);
    }

    @Override
    public String toString() {
        return "TransactionSource[" + kind + ", " + Masking.maskToken(token) + (itemId == null ? "" : ", item_id=" + itemId) + "]";
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
