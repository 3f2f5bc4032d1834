package dev.tartan.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.api.catalog.OperationCatalog;
import dev.tartan.model.Futures;
import dev.tartan.model.Operation;
import dev.tartan.model.SchemaProblem;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The operation catalog for the UI. It starts loading when this service is made (a few hundred
 * milliseconds of JSON parsing, off the FX thread); everything answers once it is ready.
 */
public final class CatalogService {

    private final CompletableFuture<OperationCatalog> catalog;
    private final Executor io;

    public CatalogService(Executor io) {
        this.io = io;
        this.catalog = CompletableFuture.supplyAsync(OperationCatalog::loadBundled, io);
    }

    /** Every operation, grouped by product, once loaded. */
    public CompletableFuture<List<Operation>> operations() {
        return catalog.thenApply(OperationCatalog::operations);
    }

    public CompletableFuture<List<Operation>> search(String query) {
        return catalog.thenApply(c -> c.search(query));
    }

    public CompletableFuture<Optional<Operation>> find(String pathOrId) {
        return catalog.thenApply(c -> c.find(pathOrId));
    }

    /** A fresh example body for the operation. */
    public CompletableFuture<ObjectNode> exampleRequest(Operation operation) {
        return catalog.thenApply(c -> c.exampleRequest(operation));
    }

    /** The operation's request schema (properties, required, descriptions), for field help. */
    public CompletableFuture<JsonNode> requestSchema(Operation operation) {
        return catalog.thenApply(c -> c.requestSchema(operation));
    }

    /** The values an enum field of the operation's request accepts ({@code webhook_code}, {@code processor}). */
    public CompletableFuture<List<String>> enumOf(String path, String field) {
        return catalog.thenApply(c -> c.find(path).map(op -> c.enumOf(op, field)).orElse(List.of()));
    }

    /** Problems with a body; the first check of an operation compiles its schema, so it runs off the FX thread. */
    public CompletableFuture<List<SchemaProblem>> validate(Operation operation, JsonNode body) {
        return Futures.flatMap(catalog, c -> CompletableFuture.supplyAsync(() -> c.validateRequest(operation, body), io));
    }
}
