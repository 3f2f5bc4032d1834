package dev.tartan.concurrent;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs at most one job per key at a time (one sync of an Item, one catch-up of a profile): asked
 * again while its job runs, it hands out the running job's future instead of starting another.
 *
 * @param <T> what a job completes with
 */
public final class OneRunPerKey<T> {

    private final Executor executor;
    private final Map<String, CompletableFuture<T>> running = new ConcurrentHashMap<>();

    public OneRunPerKey(Executor executor) {
        this.executor = executor;
    }

    /**
     * Starts a job for {@code key} on the executor, unless one is running.
     *
     * @param job   makes the job: the future its work completes
     * @param work  does the job's work (on the executor), completing the job
     * @return the running job, or the new one; failed if the executor refuses it (it is shutting down)
     */
    public <R extends CompletableFuture<T>> CompletableFuture<T> start(String key, Supplier<R> job, Consumer<R> work) {
        R fresh = job.get();
        CompletableFuture<T> current = running.putIfAbsent(key, fresh);
        if (current != null) {
            return current;
        }
        fresh.whenComplete((result, error) -> running.remove(key, fresh));
        try {
            executor.execute(() -> work.accept(fresh));
        } catch (RejectedExecutionException e) {
            fresh.completeExceptionally(e);
        }
        return fresh;
    }
}
