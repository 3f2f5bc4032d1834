package dev.tartan.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A token kept in the token book. {@link #toString()} masks the value.
 *
 * @param id          the book's id for the entry; 0 for one not stored yet
 * @param kind        what sort of token it is
 * @param value       the token itself
 * @param label       a name the user gave it, or null
 * @param profile     the profile it was obtained with, or null
 * @param environment "sandbox", "production", ... as in the token, or the profile's environment
 * @param ownerId     the id the token belongs to: item_id, asset_report_id, user_id, ...; or null
 * @param institution the institution (id or name), or null
 * @param createdAt   when it entered the book
 * @param lastUsedAt  when a call last used it, or null
 * @param notes       free text, or null
 */
public record TokenEntry(
        long id,
        TokenKind kind,
        String value,
        String label,
        String profile,
        String environment,
        String ownerId,
        String institution,
        Instant createdAt,
        Instant lastUsedAt,
        String notes) {

    public TokenEntry {
        Objects.requireNonNull(kind, "kind");
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("A token entry needs the token");
        }
        value = value.strip();
    }

    /**
     * A new entry, not yet stored, for a token of a known shape; its kind and environment come from
     * the token itself.
     */
    public static TokenEntry of(String token, String profile, String ownerId) {
        TokenKind kind = TokenKind.of(token);
        if (kind == null) {
            throw new IllegalArgumentException("Not a Plaid token: " + Masking.maskToken(token)
                    + " (expected a shape like access-sandbox-...; give the kind explicitly)");
        }
        return of(kind, token, profile, ownerId);
    }

    /** A new entry, not yet stored, of an explicit kind. */
    public static TokenEntry of(TokenKind kind, String token, String profile, String ownerId) {
        return new TokenEntry(0, kind, token, null, profile, TokenKind.environmentOf(token), ownerId,
                null, null, null, null);
    }

    public TokenEntry withLabel(String newLabel) {
        return new TokenEntry(id, kind, value, newLabel, profile, environment, ownerId, institution, createdAt, lastUsedAt, notes);
    }

    public TokenEntry withEnvironment(String newEnvironment) {
        return new TokenEntry(id, kind, value, label, profile, newEnvironment, ownerId, institution, createdAt, lastUsedAt, notes);
    }

    public TokenEntry withInstitution(String newInstitution) {
        return new TokenEntry(id, kind, value, label, profile, environment, ownerId, newInstitution, createdAt, lastUsedAt, notes);
    }

    public TokenEntry withNotes(String newNotes) {
        return new TokenEntry(id, kind, value, label, profile, environment, ownerId, institution, createdAt, lastUsedAt, newNotes);
    }

    /** The token as Tartan shows it until the user reveals it. */
    public String maskedValue() {
        return Masking.maskToken(value);
    }

    @Override
    public String toString() {
        return "TokenEntry[id=" + id + ", kind=" + kind + ", value=" + maskedValue() + ", label=" + label
                + ", profile=" + profile + ", environment=" + environment + ", ownerId=" + ownerId
                + ", institution=" + institution + "]";
    }
}
