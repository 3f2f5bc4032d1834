package dev.tartan.model;

/**
 * Something wrong with a request body, found before it is sent.
 *
 * @param field   where, as a dotted path ({@code options.count}, {@code account_ids[0]}); empty for the body itself
 * @param message what is wrong, in plain words
 */
public record SchemaProblem(String field, String message) {
    @Override
    public String toString() {
        return field.isEmpty() ? message : field + ": " + message;
    }
}
