package dev.tartan.emulator.watchlist;

import dev.tartan.emulator.wire.OperationRequest;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Monitor's list cursors, shaped like Plaid's (base64 of {@code {"direction":"next","offset":"N"}}): the
 * offset is the place of the next item in the list's own order, so items added meanwhile neither repeat nor
 * go missing. Page sizes are the emulator's choice (Plaid documents none).
 */
final class Cursors {
    /** Screenings per page of {@code list}. */
    static final int SCREENINGS_PAGE = 100;
    /** Hits per page of {@code hit/list}. */
    static final int HITS_PAGE = 20;
    /** Reviews, versions, programs and Dashboard users per page. */
    static final int PAGE = 25;

    private static final Pattern OFFSET = Pattern.compile("\"offset\"\\s*:\\s*\"?(\\d{1,9})");

    private Cursors() {
    }

    /** The request's position: the offset of its cursor, or {@code first} without one. */
    static int position(OperationRequest request, int first) {
        String cursor = request.text("cursor");
        if (cursor == null || cursor.isEmpty()) {
            return first;
        }
        String decoded;
        try {
            String plain = cursor.replace('-', '+').replace('_', '/').replace("=", "");
            String padding = switch (plain.length() % 4) {
                case 2 -> "==";
                case 3 -> "=";
                default -> "";
            };
            decoded = new String(Base64.getDecoder().decode(plain + padding), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw WatchlistErrors.invalid("cursor", "not a cursor this list gave (use the next_cursor of the previous page)");
        }
        Matcher offset = OFFSET.matcher(decoded);
        if (!offset.find()) {
            throw WatchlistErrors.invalid("cursor", "not a cursor this list gave (use the next_cursor of the previous page)");
        }
        return Integer.parseInt(offset.group(1));
    }

    /** The cursor of the page that starts at {@code offset}. */
    static String next(int offset) {
        String json = "{\"direction\":\"next\",\"offset\":\"" + offset + "\"}";
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
