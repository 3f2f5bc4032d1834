package dev.tartan.model;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Objects;

/**
 * A named sequence of simulations that reads like a checklist ("Item needs re-login"), run with one
 * click. Steps pass values on: a step's body may say {@code ${access_token}} for the access token an
 * earlier step's reply carried (any id or token, named as {@link ReplyValues} names it);
 * {@code ${inbox}} is Tartan's webhook inbox (the step is skipped without one), and {@code ${inbox?}}
 * the inbox or, without one, no value at all (the field is left out).
 *
 * @param name        unique among the user's scenarios
 * @param description what it shows, in a sentence or two
 * @param steps       the steps, in order
 * @param builtIn     whether Tartan ships it (it cannot be deleted)
 */
public record Scenario(String name, String description, List<Step> steps, boolean builtIn) {

    public Scenario {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        steps = List.copyOf(steps);
    }

    /**
     * One step.
     *
     * @param title  what happens, as the checklist says it ("The bank asks the user to log in again")
     * @param path   the operation it calls
     * @param body   the request, with {@code ${name}} for values of earlier steps
     * @param expect the webhooks it should cause, {@code TYPE:CODE} or {@code CODE}; the run waits a while for them
     * @param checks what its reply must show for the step to pass
     * @param needsInbox whether it means nothing without Tartan's webhook inbox (firing a webhook at an Item
     *                   that has no webhook URL): it is then skipped
     */
    public record Step(String title, String path, ObjectNode body, List<String> expect, List<Check> checks, boolean needsInbox) {
        public Step {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(path, "path");
            body = body.deepCopy();
            expect = expect == null ? List.of() : List.copyOf(expect);
            checks = checks == null ? List.of() : List.copyOf(checks);
        }

        /** A step that runs with or without the inbox. */
        public Step(String title, String path, ObjectNode body, List<String> expect, List<Check> checks) {
            this(title, path, body, expect, checks, false);
        }

        /** The request; a copy. */
        @Override
        public ObjectNode body() {
            return body.deepCopy();
        }
    }

    /**
     * Something a step's reply must show.
     *
     * @param pointer a JSON pointer into the reply ({@code /item/error/error_code})
     * @param equals  the text the value must have; null: the value must be there and not empty
     * @param words   what it means, for the checklist ("The Item needs its user to log in again")
     */
    public record Check(String pointer, String equals, String words) {
        public Check {
            Objects.requireNonNull(pointer, "pointer");
        }
    }
}
