package dev.tartan.emulator.transactions;

import dev.tartan.emulator.wire.PlaidErrors;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where a /transactions/sync client stands. Opaque to clients; three kinds:
 * <ul>
 *   <li>up to date at version {@code from} ({@code from == target}, not a snapshot);</li>
 *   <li>part-way through the first sync, a snapshot of version {@code target} read up to {@code position};</li>
 *   <li>part-way through the changes from version {@code from} to {@code target}, {@code offset} of them sent.</li>
 * </ul>
 * {@code scope} ties the cursor to one Item and account filter.
 */
record SyncCursor(long scope, boolean snapshot, int from, int target, TransactionLedger.Position position, int offset) {
    private static final String VERSION = "t1";

    static SyncCursor upToDate(long scope, int version) {
        return new SyncCursor(scope, false, version, version, TransactionLedger.Position.START, 0);
    }

    boolean isUpToDate() {
        return !snapshot && from == target;
    }

    String encode() {
        String plain = String.join(":", VERSION, Long.toHexString(scope), snapshot ? "s" : "d", Integer.toString(from),
                Integer.toString(target), Long.toString(position.base()), Integer.toString(position.stored()),
                Integer.toString(offset));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }

    /** Reads a cursor this Item's sync returned; anything else is an INVALID_FIELD error. */
    static SyncCursor decode(String text, long expectedScope) {
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.US_ASCII).split(":");
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (parts.length != 8 || !parts[0].equals(VERSION)) {
            throw invalid();
        }
        try {
            long scope = Long.parseUnsignedLong(parts[1], 16);
            if (scope != expectedScope) {
                throw PlaidErrors.invalidField("cursor belongs to another Item or account: use the next_cursor this Item's sync returned");
            }
            return new SyncCursor(scope, parts[2].equals("s"), Integer.parseInt(parts[3]), Integer.parseInt(parts[4]),
                    new TransactionLedger.Position(Long.parseLong(parts[5]), Integer.parseInt(parts[6])),
                    Integer.parseInt(parts[7]));
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    private static RuntimeException invalid() {
        return PlaidErrors.invalidField("cursor is not a cursor returned by /transactions/sync");
    }
}
