package dev.tartan.model;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Objects;

/**
 * One thing Tartan can make Sandbox (or the emulator) do: an operation, with the values its form
 * starts from and what it simulates in words.
 *
 * @param id       stable and unique (the path, or the path and a variant)
 * @param product  the product it belongs to, for grouping ("Items", "Transfers", ...)
 * @param title    what it does, as a short imperative ("Make the Item need a new login")
 * @param what     what it simulates and what follows from it, in a sentence or two; "" when unknown
 * @param path     the operation it calls
 * @param defaults values the form starts with, over the operation's example; {@code ${inbox}} stands for
 *                 Tartan's webhook inbox and {@code ${today}} for today's date
 * @param webhookTypes the webhook types it can cause that name no Item or transfer (TRANSFER for
 *                 TRANSFER_EVENTS_UPDATE), so they can be told apart from other traffic
 */
public record Simulation(String id, String product, String title, String what, String path, ObjectNode defaults,
                         List<String> webhookTypes) {

    public Simulation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(path, "path");
        what = what == null ? "" : what;
        defaults = defaults == null ? null : defaults.deepCopy();
        webhookTypes = webhookTypes == null ? List.of() : List.copyOf(webhookTypes);
    }

    /** The starting values; a copy the caller may change. */
    @Override
    public ObjectNode defaults() {
        return defaults == null ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode() : defaults.deepCopy();
    }
}
