package dev.tartan.concurrent;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * {@link CompletableFuture} stages that pass cancellation back to their source. A plain
 * {@code thenApply} stage forgets where it came from, so cancelling it would leave an HTTP call
 * running; the stages made here cancel the source too.
 */
public final class Futures {
    private Futures() {
    }

    /** Like {@code source.thenApply(fn)}, but cancelling the result cancels {@code source}. */
    public static <T, R> CompletableFuture<R> map(CompletableFuture<T> source, Function<? super T, ? extends R> fn) {
        CompletableFuture<R> result = linkedTo(source);
        source.whenComplete((value, error) -> {
            if (error != null) {
                result.completeExceptionally(unwrap(error));
                return;
            }
            try {
                result.complete(fn.apply(value));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    /** Like {@code source.thenCompose(fn)}, but cancelling the result cancels whichever stage is running. */
    public static <T, R> CompletableFuture<R> flatMap(CompletableFuture<T> source,
                                                      Function<? super T, ? extends CompletionStage<R>> fn) {
        CompletableFuture<R> result = linkedTo(source);
        source.whenComplete((value, error) -> {
            if (error != null) {
                result.completeExceptionally(unwrap(error));
                return;
            }
            try {
                CompletableFuture<R> next = fn.apply(value).toCompletableFuture();
                result.whenComplete((r, e) -> {
                    if (result.isCancelled()) {
                        next.cancel(true);
                    }
                });
                next.whenComplete((r, e) -> {
                    if (e != null) {
                        result.completeExceptionally(unwrap(e));
                    } else {
                        result.complete(r);
                    }
                });
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    /**
     * {@code source}, with {@code sideEffect} run when it completes and before the result does:
     * whoever waits on the result knows the side effect has happened. Cancelling the result
     * cancels {@code source}.
     */
    public static <T> CompletableFuture<T> tap(CompletableFuture<T> source, java.util.function.BiConsumer<? super T, Throwable> sideEffect) {
        CompletableFuture<T> result = linkedTo(source);
        source.whenComplete((value, error) -> {
            try {
                sideEffect.accept(value, error);
            } finally {
                if (error != null) {
                    result.completeExceptionally(unwrap(error));
                } else {
                    result.complete(value);
                }
            }
        });
        return result;
    }

    /**
     * Completes (normally) once every one of {@code parts} has, however each ended: the loads of
     * a view's tabs, tracked as one task. Cancelling it cancels them all.
     */
    public static CompletableFuture<Void> whenAllSettled(List<? extends CompletableFuture<?>> parts) {
        CompletableFuture<Void> all = new CompletableFuture<>() {
            @Override
            public boolean cancel(boolean mayInterruptIfRunning) {
                parts.forEach(part -> part.cancel(mayInterruptIfRunning));
                return super.cancel(mayInterruptIfRunning);
            }
        };
        CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).whenComplete((value, error) -> all.complete(null));
        return all;
    }

    /** The error a failed stage really carries, without CompletableFuture's wrapping. */
    public static Throwable unwrap(Throwable error) {
        Throwable current = error;
        while (current instanceof CompletionException && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    private static <T, R> CompletableFuture<R> linkedTo(CompletableFuture<T> source) {
        return new CompletableFuture<>() {
            @Override
            public boolean cancel(boolean mayInterruptIfRunning) {
                boolean cancelled = super.cancel(mayInterruptIfRunning);
                source.cancel(mayInterruptIfRunning);
                return cancelled;
            }
        };
    }
}
