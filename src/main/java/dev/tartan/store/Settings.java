package dev.tartan.store;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Small named values kept in the vault: the request history's and the webhook inbox's caps, the audit operator name, and
 * whatever the window remembers (theme, size, last pane). Keys are dotted names, e.g. {@code ui.theme}.
 */
public final class Settings {

    /** Request history older than this many days is dropped (default {@value #DEFAULT_HISTORY_MAX_AGE_DAYS}). */
    public static final String HISTORY_MAX_AGE_DAYS = "history.max_age_days";
    /** Request history beyond this many megabytes is dropped, oldest first (default {@value #DEFAULT_HISTORY_MAX_MEGABYTES}). */
    public static final String HISTORY_MAX_MEGABYTES = "history.max_megabytes";
    /** Webhooks the inbox received longer ago than this many days are dropped (default {@value #DEFAULT_WEBHOOKS_MAX_AGE_DAYS}). */
    public static final String WEBHOOKS_MAX_AGE_DAYS = "webhooks.max_age_days";
    /** Webhooks beyond this many megabytes are dropped, oldest first (default {@value #DEFAULT_WEBHOOKS_MAX_MEGABYTES}). */
    public static final String WEBHOOKS_MAX_MEGABYTES = "webhooks.max_megabytes";
    /** The name the audit log records as "who"; unset means the OS user. */
    public static final String AUDIT_OPERATOR = "audit.operator";

    public static final int DEFAULT_HISTORY_MAX_AGE_DAYS = 30;
    public static final int DEFAULT_HISTORY_MAX_MEGABYTES = 100;
    public static final int DEFAULT_WEBHOOKS_MAX_AGE_DAYS = DEFAULT_HISTORY_MAX_AGE_DAYS;
    public static final int DEFAULT_WEBHOOKS_MAX_MEGABYTES = DEFAULT_HISTORY_MAX_MEGABYTES;

    private final Database db;

    Settings(Database db) {
        this.db = db;
    }

    public Optional<String> get(String key) {
        String checked = checkKey(key);
        return db.read(d -> d.queryOne("SELECT value FROM settings WHERE key = ?", row -> row.getString(1), checked));
    }

    /** The value of {@code key} as a whole number, or {@code fallback} when unset. */
    public int getInt(String key, int fallback) {
        return get(key).map(value -> parseInt(key, value)).orElse(fallback);
    }

    public void put(String key, String value) {
        String checked = checkKey(key);
        if (value == null) {
            throw new IllegalArgumentException("Setting " + key + " needs a value (use remove to unset it)");
        }
        db.write(d -> d.update("INSERT INTO settings (key, value) VALUES (?, ?) "
                + "ON CONFLICT (key) DO UPDATE SET value = excluded.value", checked, value));
    }

    public void putInt(String key, int value) {
        put(key, Integer.toString(value));
    }

    /** Unsets {@code key}; true if it was set. */
    public boolean remove(String key) {
        String checked = checkKey(key);
        return db.write(d -> d.update("DELETE FROM settings WHERE key = ?", checked)) > 0;
    }

    /** Every setting, by key. */
    public Map<String, String> all() {
        return db.read(d -> {
            Map<String, String> values = new LinkedHashMap<>();
            d.forEach("SELECT key, value FROM settings ORDER BY key", row -> values.put(row.getString(1), row.getString(2)));
            return values;
        });
    }

    private static String checkKey(String key) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("A setting needs a name");
        }
        return key.strip();
    }

    private static int parseInt(String key, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new VaultException("Setting " + key + " should be a whole number but is '" + value + "'");
        }
    }
}
