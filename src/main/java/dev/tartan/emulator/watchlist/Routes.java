package dev.tartan.emulator.watchlist;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.emulator.wire.HandlerRegistry;
import dev.tartan.emulator.wire.OperationRequest;
import dev.tartan.emulator.wire.Reply;

import java.util.function.Function;

/** Registers Monitor's handlers, each under the Watchlist's lock: shared for reads, exclusive for changes. */
final class Routes {
    private final HandlerRegistry registry;
    private final Watchlist watchlist;

    Routes(HandlerRegistry registry, Watchlist watchlist) {
        this.registry = registry;
        this.watchlist = watchlist;
    }

    void read(String path, Function<OperationRequest, ObjectNode> handler) {
        registry.register(path, request -> Reply.json(watchlist.read(() -> handler.apply(request))));
    }

    void write(String path, Function<OperationRequest, ObjectNode> handler) {
        registry.register(path, request -> Reply.json(watchlist.write(() -> handler.apply(request))));
    }
}
