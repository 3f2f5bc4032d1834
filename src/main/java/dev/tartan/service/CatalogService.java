package dev.tartan.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.api.catalog.OperationCatalog;
import dev.tartan.concurrent.Futures;
import dev.tartan.model.Operation;
import dev.tartan.model.RequestField;
import dev.tartan.model.SchemaProblem;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The operation catalog for the UI. It loads on first use (a few hundred milliseconds of JSON
 * parsing, off the FX thread), so start-up does not pay for it; everything answers once it is ready.
 */
public final class CatalogService {

    private final Executor io;
    private CompletableFuture<OperationCatalog> loading;

    public CatalogService(Executor io) {
        this.io = io;
    }

    /** Starts loading now if nothing asked yet (for a moment the user will not notice, like an unlock prompt). */
    public void preload() {
        loaded();
    }

    private synchronized CompletableFuture<OperationCatalog> loaded() {
        if (loading == null) {
            loading = CompletableFuture.supplyAsync(OperationCatalog::loadBundled, io);
        }
        return loading;
    }

    /** Every operation, grouped by product, once loaded. */
    public CompletableFuture<List<Operation>> operations() {
        return loaded().thenApply(OperationCatalog::operations);
    }

    public CompletableFuture<List<Operation>> search(String query) {
        return loaded().thenApply(c -> c.search(query));
    }

    public CompletableFuture<Optional<Operation>> find(String pathOrId) {
        return loaded().thenApply(c -> c.find(pathOrId));
    }

    /** A fresh example body for the operation. */
    public CompletableFuture<ObjectNode> exampleRequest(Operation operation) {
        return loaded().thenApply(c -> c.exampleRequest(operation));
    }

    /** The operation's request schema (properties, required, descriptions), for field help. */
    public CompletableFuture<JsonNode> requestSchema(Operation operation) {
        return loaded().thenApply(c -> c.requestSchema(operation));
    }

    /** The fields a form offers for the operation's request body (see {@code OperationCatalog.requestFields}). */
    public CompletableFuture<List<RequestField>> requestFields(Operation operation) {
        return loaded().thenApply(c -> c.requestFields(operation));
    }

    /** The values an enum field of the operation's request accepts ({@code webhook_code}, {@code processor}). */
    public CompletableFuture<List<String>> enumOf(String path, String field) {
        return loaded().thenApply(c -> c.find(path).map(op -> c.enumOf(op, field)).orElse(List.of()));
    }

    /** Problems with a body; the first check of an operation compiles its schema, so it runs off the FX thread. */
    public CompletableFuture<List<SchemaProblem>> validate(Operation operation, JsonNode body) {
        return Futures.flatMap(loaded(), c -> CompletableFuture.supplyAsync(() -> c.validateRequest(operation, body), io));
    }
}
