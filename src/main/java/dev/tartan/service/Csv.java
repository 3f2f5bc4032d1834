package dev.tartan.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * How Tartan writes CSV (RFC 4180), whatever it exports: fields quoted when they hold a comma, a
 * semicolon (the separator spreadsheets use in locales with a decimal comma), a quote or a line
 * break; CRLF line ends; UTF-8; a file replaced whole or not at all.
 *
 * <p>Texts are guarded against formula injection: a spreadsheet runs a cell that starts with
 * {@code = + - @} (or a tab or carriage return) as a formula, and a merchant's or a watchlist
 * entry's name is whatever someone else chose. Such a text gets a leading apostrophe, which
 * spreadsheets show as text.
 */
final class Csv {

    private static final String LINE_END = "\r\n";

    /** Writes the rows of an export. */
    @FunctionalInterface
    interface Body {
        void write(Writer out) throws IOException;
    }

    private Csv() {
    }

    /** Writes {@code body} to {@code file}, replacing it only once the whole export is written. */
    static void writeAtomically(Path file, String what, Body body) {
        Path target = file.toAbsolutePath();
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        try {
            try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                body.write(out);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // The export failed already; the partial file is the lesser problem.
            }
            throw new UncheckedIOException("Cannot write the " + what + " to " + target + ": " + e.getMessage(), e);
        }
    }

    /** One line of cells, each already made safe with {@link #text} (or written by Tartan). */
    static void line(Writer out, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(cells.get(i));
        }
        out.write(LINE_END);
    }

    /** A text cell: guarded against formulas, then quoted if it needs to be. */
    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String safe = startsLikeFormula(value) ? "'" + value : value;
        return needsQuotes(safe) ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }

    private static boolean startsLikeFormula(String value) {
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }

    private static boolean needsQuotes(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == ';' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }
}
