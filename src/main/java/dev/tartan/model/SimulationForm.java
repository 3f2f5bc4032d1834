package dev.tartan.model;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * The form of a simulation: its fields, read from the operation's request schema, each with the
 * choices Sandbox's documentation gives for it, and the body the form starts from.
 *
 * @param simulation what it simulates
 * @param operation  the operation it calls
 * @param fields     the fields, in the schema's order
 * @param start      the body the form starts from (the operation's example with the simulation's defaults over it)
 */
public record SimulationForm(Simulation simulation, Operation operation, List<Field> fields, ObjectNode start) {

    public SimulationForm {
        fields = List.copyOf(fields);
        start = start.deepCopy();
    }

    /** The body the form starts from; a copy. */
    @Override
    public ObjectNode start() {
        return start.deepCopy();
    }

    /**
     * One field of the form.
     *
     * @param field   what the schema says of it
     * @param token   the kind of token it holds (picked from the token book), or null
     * @param choices values the documentation gives for it, with their meaning; any other may be typed
     *                (for an enum, every allowed value, the documented ones first)
     */
    public record Field(RequestField field, TokenKind token, List<SandboxFacts.Choice> choices) {
        public Field {
            choices = List.copyOf(choices);
        }

        public String path() {
            return field.path();
        }
    }
}
