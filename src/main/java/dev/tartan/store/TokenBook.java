package dev.tartan.store;

import dev.tartan.model.TokenEntry;
import dev.tartan.model.TokenKind;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The token book: every token Tartan has obtained or been given (access, processor, user, asset
 * report, audit copy, link, ...), with what it belongs to. Found by the token or by any id.
 */
public final class TokenBook {

    private static final String COLUMNS =
            "id, kind, value, label, profile, environment, owner_id, institution, created_at, last_used_at, notes";

    private final Database db;
    private final Clock clock;

    TokenBook(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Stores the entry, or updates the one with the same token (its creation time stays). Returns
     * the entry as stored.
     */
    public TokenEntry save(TokenEntry entry) {
        return db.write(d -> upsert(d, entry));
    }

    /** Puts {@code replacement} in the place of {@code token} (a rotated access token): both, or neither. */
    public TokenEntry replace(String token, TokenEntry replacement) {
        String old = checkQuery(token);
        return db.write(d -> {
            TokenEntry stored = upsert(d, replacement);
            d.update("DELETE FROM tokens WHERE value = ?", old);
            return stored;
        });
    }

    private TokenEntry upsert(Database d, TokenEntry entry) throws SQLException {
        d.update("INSERT INTO tokens (kind, value, label, profile, environment, owner_id, institution, created_at, notes) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (value) DO UPDATE SET "
                        + "kind = excluded.kind, label = excluded.label, profile = excluded.profile, "
                        + "environment = excluded.environment, owner_id = excluded.owner_id, "
                        + "institution = excluded.institution, notes = excluded.notes",
                entry.kind().name(), entry.value(), entry.label(), entry.profile(), entry.environment(),
                entry.ownerId(), entry.institution(), clock.instant(), entry.notes());
        return d.queryOne("SELECT " + COLUMNS + " FROM tokens WHERE value = ?", TokenBook::entry, entry.value()).orElseThrow();
    }

    /** The entry for exactly this token. */
    public Optional<TokenEntry> byToken(String token) {
        String value = checkQuery(token);
        return db.read(d -> d.queryOne("SELECT " + COLUMNS + " FROM tokens WHERE value = ?", TokenBook::entry, value));
    }

    /**
     * Every entry that the text names: the token itself, the id it belongs to (item_id,
     * asset_report_id, user_id, ...) or the institution. Newest first.
     */
    public List<TokenEntry> find(String tokenOrId) {
        String text = checkQuery(tokenOrId);
        return db.read(d -> d.query("SELECT " + COLUMNS + " FROM tokens WHERE value = ? OR owner_id = ? OR institution = ? "
                + "ORDER BY created_at DESC, id DESC", TokenBook::entry, text, text, text));
    }

    /** Every entry, newest first; only those of {@code profile} when it is not null. */
    public List<TokenEntry> list(String profile) {
        return db.read(d -> profile == null
                ? d.query("SELECT " + COLUMNS + " FROM tokens ORDER BY created_at DESC, id DESC", TokenBook::entry)
                : d.query("SELECT " + COLUMNS + " FROM tokens WHERE profile = ? ORDER BY created_at DESC, id DESC",
                        TokenBook::entry, profile));
    }

    /** Notes that a call just used {@code token}; false if the book does not know it. */
    public boolean markUsed(String token) {
        String value = checkQuery(token);
        Instant now = clock.instant();
        return db.write(d -> d.update("UPDATE tokens SET last_used_at = ? WHERE value = ?", now, value)) > 0;
    }

    /** Removes the entry for {@code token}; true if there was one. */
    public boolean remove(String token) {
        String value = checkQuery(token);
        return db.write(d -> d.update("DELETE FROM tokens WHERE value = ?", value)) > 0;
    }

    public long count() {
        return db.read(d -> d.queryLong("SELECT count(*) FROM tokens"));
    }

    private static String checkQuery(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("Give a token or an id to look for");
        }
        return text.strip();
    }

    private static TokenEntry entry(ResultSet row) throws SQLException {
        return new TokenEntry(row.getLong("id"), kindOf(row.getString("kind")), row.getString("value"),
                row.getString("label"), row.getString("profile"), row.getString("environment"),
                row.getString("owner_id"), row.getString("institution"), Database.instant(row, "created_at"),
                Database.instant(row, "last_used_at"), row.getString("notes"));
    }

    private static TokenKind kindOf(String name) {
        try {
            return TokenKind.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new VaultException("The token book holds a token of an unknown kind '" + name
                    + "' (written by a newer Tartan?)");
        }
    }
}
