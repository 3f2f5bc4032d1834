package dev.tartan.emulator.spec;

import java.util.List;

/**
 * What is wrong with a request body, in the three shapes Plaid reports: required fields that are
 * missing, fields the operation does not know, or one field with a wrong type or value.
 *
 * @param kind    which of the three
 * @param fields  the fields concerned, as dotted paths ({@code options.count}, {@code user.address.city})
 * @param message the sentence to show; names the fields
 */
public record RequestProblem(Kind kind, List<String> fields, String message) {

    public enum Kind { MISSING_FIELDS, UNKNOWN_FIELDS, INVALID_FIELD }

    static RequestProblem missing(List<String> fields) {
        return new RequestProblem(Kind.MISSING_FIELDS, List.copyOf(fields),
                "the following required fields are missing: " + String.join(", ", fields));
    }

    static RequestProblem unknown(List<String> fields) {
        return new RequestProblem(Kind.UNKNOWN_FIELDS, List.copyOf(fields),
                "the following fields are not recognized by this endpoint: " + String.join(", ", fields));
    }

    static RequestProblem invalid(String field, String message) {
        return new RequestProblem(Kind.INVALID_FIELD, List.of(field), message);
    }
}
