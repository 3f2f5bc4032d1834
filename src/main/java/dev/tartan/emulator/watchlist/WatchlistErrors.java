package dev.tartan.emulator.watchlist;

import dev.tartan.emulator.wire.ApiException;
import dev.tartan.emulator.wire.PlaidErrors;

/**
 * Monitor's refusals: Plaid answers a value that names nothing, or that the screening's state does not
 * allow, with INVALID_REQUEST / INVALID_FIELD, its message naming the field.
 */
final class WatchlistErrors {
    private WatchlistErrors() {
    }

    static ApiException invalid(String field, String problem) {
        return PlaidErrors.invalidField(field + ": " + problem);
    }

    static ApiException unknownScreening(Kind kind, String field, String id) {
        Kind other = Kind.ofScreeningId(id);
        if (other != null && other != kind) {
            return invalid(field, id + " is an " + other.word + " screening id; use the /watchlist_screening/" + other.word
                    + "/ operations for it");
        }
        return invalid(field, "no " + kind.word + " watchlist screening has the id " + id);
    }
}
