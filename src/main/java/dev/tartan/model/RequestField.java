package dev.tartan.model;

import java.util.List;
import java.util.Objects;

/**
 * One field a form can offer for an operation's request body, read from the request schema: nested
 * objects are flattened into dotted paths ({@code options.override_username}); what a form cannot
 * split into fields (a list of objects, a free-form object) is one {@link Type#JSON} field.
 *
 * @param path        dotted, from the body's top ({@code failure_reason.ach_return_code})
 * @param type        how a form edits it
 * @param required    whether the body must have it: required here and in every object above it
 * @param description the schema's description (Markdown), "" when it has none
 * @param allowed     the values an enum allows (for {@link Type#CHOICE} and {@link Type#CHOICES}), else empty
 * @param format      the schema's format (date, date-time, url, ...), or ""
 */
public record RequestField(String path, Type type, boolean required, String description, List<String> allowed, String format) {

    /** How a form edits a field. */
    public enum Type {
        /** A string (dates and URLs too). */
        TEXT,
        INTEGER,
        NUMBER,
        BOOLEAN,
        /** One value of an enum. */
        CHOICE,
        /** A list of values of an enum. */
        CHOICES,
        /** A list of plain values, typed comma-separated. */
        LIST,
        /** Anything else, typed as JSON. */
        JSON
    }

    public RequestField {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(type, "type");
        description = description == null ? "" : description;
        allowed = allowed == null ? List.of() : List.copyOf(allowed);
        format = format == null ? "" : format;
    }

    /** The last part of the path: {@code ach_return_code}. */
    public String name() {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    /** The description's first sentence, without Markdown's backticks and links, for a hint under the field. */
    public String hint() {
        String text = description.replaceAll("\\[([^\\]]*)]\\([^)]*\\)", "$1").replace("`", "").replace("**", "").strip();
        int newline = text.indexOf('\n');
        if (newline > 0) {
            text = text.substring(0, newline).strip();
        }
        int stop = text.indexOf(". ");
        return stop > 0 ? text.substring(0, stop + 1) : text;
    }
}
