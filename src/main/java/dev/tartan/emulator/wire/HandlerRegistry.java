package dev.tartan.emulator.wire;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stateful handlers by path. A path without a handler is answered from the spec's example, so a
 * product module makes an operation stateful just by registering it here; the router does not change.
 */
public final class HandlerRegistry {
    private final Map<String, OperationHandler> handlers = new ConcurrentHashMap<>();

    /** Registers the handler of {@code path} (as the spec writes it). One handler per path. */
    public void register(String path, OperationHandler handler) {
        OperationHandler previous = handlers.putIfAbsent(path, handler);
        if (previous != null) {
            throw new IllegalStateException("a handler is already registered for " + path);
        }
    }

    public Optional<OperationHandler> find(String path) {
        return Optional.ofNullable(handlers.get(path));
    }
}
