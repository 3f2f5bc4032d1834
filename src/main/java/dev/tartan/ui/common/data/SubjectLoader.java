package dev.tartan.ui.common.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.concurrent.Futures;
import dev.tartan.model.CallRecord;
import dev.tartan.model.FailureReport;
import dev.tartan.model.Profile;
import dev.tartan.service.CachedCalls;
import dev.tartan.ui.common.FxAsync;
import dev.tartan.ui.common.TaskCenter;
import javafx.beans.property.ObjectProperty;
import javafx.collections.ObservableList;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Everything a pane loads for the subject it has open (an Item, a processor token, a transfer):
 * data tabs cache-through (what the vault remembers shows at once, marked as refreshing, then the
 * fresh reply replaces it; a failure shows in its own tab only), and actions whose outcome lands
 * in their own state. Opening another subject cancels the reads still under way, and any answer
 * meant for an earlier subject is dropped, so no tab ever shows another subject's data. Every call
 * made for the subject lands in its call log (the Raw JSON tab). Used on the FX thread.
 */
public final class SubjectLoader {

    private final CachedCalls calls;
    private final TaskCenter tasks;
    private final Function<Throwable, FailureReport> describe;
    private final CallLog log = new CallLog();
    private final List<CompletableFuture<?>> reads = new ArrayList<>();
    /** Which opening this is: answers carry the one they were asked in, and land only if it is still current. */
    private long generation;
    private Profile profile;

    /**
     * @param describe how this pane explains a failure to its users
     */
    public SubjectLoader(CachedCalls calls, TaskCenter tasks, Function<Throwable, FailureReport> describe) {
        this.calls = calls;
        this.tasks = tasks;
        this.describe = describe;
    }

    /**
     * Starts on another subject (or none) of {@code forProfile}: reads still under way are cancelled,
     * and the call log starts empty. Actions under way go on (a change half made is not to be cut
     * off), but their outcome no longer lands here.
     */
    public void open(Profile forProfile) {
        cancelReads();
        generation++;
        profile = forProfile;
        log.clear();
    }

    /** The profile of the subject open now. */
    public Profile profile() {
        return profile;
    }

    /** Every call made for the open subject, newest first. */
    public ObservableList<CallRecord> calls() {
        return log.records();
    }

    /** A log for calls made now (on any thread): their records land while the same subject is open. */
    public Consumer<CallRecord> callLog() {
        long asked = generation;
        return call -> FxAsync.runOnFx(() -> {
            if (asked == generation) {
                log.add(call);
            }
        });
    }

    /** Adds a call to the open subject's log (on the FX thread), for a caller that knows the call is for it. */
    public void log(CallRecord call) {
        log.add(call);
    }

    /**
     * Loads {@code path} into {@code tab}, the vault's copy first. {@code emptyWhen} tells, from a
     * reply, why there is nothing to show (or null when there is something).
     *
     * @return the fresh call; cancelling it stops the load
     */
    public CompletableFuture<CachedCalls.Fetched> read(ObjectProperty<Outcome<JsonNode>> tab, String path, ObjectNode body,
                                                      Function<JsonNode, String> emptyWhen) {
        return read(tab, path, body, emptyWhen, fetched -> { });
    }

    /** As {@link #read(ObjectProperty, String, ObjectNode, Function)}; {@code onFresh} also hears of the fresh reply. */
    public CompletableFuture<CachedCalls.Fetched> read(ObjectProperty<Outcome<JsonNode>> tab, String path, ObjectNode body,
                                                      Function<JsonNode, String> emptyWhen, Consumer<CachedCalls.Fetched> onFresh) {
        return read(tab, "Calling " + path + "\u2026", () -> calls.cached(profile, path, body),
                log -> calls.fetch(profile, path, body, log), emptyWhen, onFresh);
    }

    /**
     * As {@link #read(ObjectProperty, String, ObjectNode, Function)}, for a reply that may be megabytes
     * (an asset report): it shows as soon as it is read, and the vault keeps its copy afterwards
     * ({@link CachedCalls#fetchKeepingLater}).
     */
    public CompletableFuture<CachedCalls.Fetched> readLarge(ObjectProperty<Outcome<JsonNode>> tab, String path, ObjectNode body,
                                                           Function<JsonNode, String> emptyWhen) {
        return read(tab, "Calling " + path + "\u2026", () -> calls.cached(profile, path, body),
                log -> calls.fetchKeepingLater(profile, path, body, log), emptyWhen, fetched -> { });
    }

    /**
     * As {@link #read(ObjectProperty, String, ObjectNode, Function, Consumer)}, for data that takes more
     * than one call (a list paged with cursors, say): {@code cached} is what the vault remembers of it,
     * {@code fresh} makes the calls (reporting them to the log it is given) and remembers the result.
     */
    public CompletableFuture<CachedCalls.Fetched> read(ObjectProperty<Outcome<JsonNode>> tab, String loading,
                                                      Supplier<CompletableFuture<Optional<CachedCalls.Fetched>>> cachedRead,
                                                      Function<Consumer<CallRecord>, CompletableFuture<CachedCalls.Fetched>> freshRead,
                                                      Function<JsonNode, String> emptyWhen, Consumer<CachedCalls.Fetched> onFresh) {
        long asked = generation;
        tab.set(Outcome.loading(loading));
        CompletableFuture<Optional<CachedCalls.Fetched>> cached = tracked(cachedRead.get());
        // A cache that cannot be read only means waiting for the call.
        FxAsync.whenDone(cached, hit -> hit.ifPresent(found -> {
            if (asked == generation && tab.get().isLoading()) {
                tab.set(shown(found, true, emptyWhen));
            }
        }), error -> { });
        CompletableFuture<CachedCalls.Fetched> fresh = tracked(freshRead.apply(callLog()));
        FxAsync.whenDone(fresh, fetched -> {
            if (asked == generation) {
                tab.set(shown(fetched, false, emptyWhen));
                onFresh.accept(fetched);
            }
        }, error -> {
            if (asked == generation) {
                tab.set(Outcome.failed(describe.apply(error)));
            }
        });
        return fresh;
    }

    private static Outcome<JsonNode> shown(CachedCalls.Fetched fetched, boolean refreshing, Function<JsonNode, String> emptyWhen) {
        String why = emptyWhen == null ? null : emptyWhen.apply(fetched.json());
        return why != null ? Outcome.empty(why) : Outcome.data(fetched.json(), fetched.fetchedAt(), refreshing);
    }

    /**
     * Runs an action for the open subject, shown in the task centre. Its outcome lands in
     * {@code state}, and {@code afterSuccess} runs, unless another subject was opened meanwhile.
     * Bad input (an {@link IllegalArgumentException}) becomes the state's failure: nothing is sent.
     *
     * @param action makes the calls, reporting them to the log it is given
     * @return the action; cancelling it cancels its calls
     */
    public <T> CompletableFuture<T> run(ObjectProperty<Outcome<T>> state, String title,
                                        Function<Consumer<CallRecord>, CompletableFuture<T>> action, Consumer<T> afterSuccess) {
        return start(state, title, action, value -> {
            afterSuccess.accept(value);
            return value;
        });
    }

    /**
     * As {@link #run}, for an action whose outcome is a sentence: {@code achieved} (run on the FX
     * thread, only while the subject is still open) does what follows from the result and says what
     * the action achieved.
     */
    public <T> CompletableFuture<T> act(ObjectProperty<Outcome<String>> state, String title,
                                        Function<Consumer<CallRecord>, CompletableFuture<T>> action, Function<T, String> achieved) {
        return start(state, title, action, achieved);
    }

    private <T, R> CompletableFuture<T> start(ObjectProperty<Outcome<R>> state, String title,
                                              Function<Consumer<CallRecord>, CompletableFuture<T>> action, Function<T, R> shown) {
        long asked = generation;
        state.set(Outcome.loading(title + "\u2026"));
        Consumer<CallRecord> callLog = callLog();
        CompletableFuture<T> future;
        try {
            future = tasks.run(title, () -> action.apply(callLog));
        } catch (IllegalArgumentException e) {
            future = CompletableFuture.failedFuture(e);
        }
        FxAsync.whenDone(future, value -> {
            if (asked == generation) {
                state.set(Outcome.data(shown.apply(value), Instant.now(), false));
            }
        }, error -> {
            if (asked == generation) {
                state.set(Outcome.failed(describe.apply(error)));
            }
        });
        return future;
    }

    /**
     * A lookup for the open subject that is not one of its data tabs (a value Tartan remembers, say):
     * cancelled like the reads, its answer dropped if another subject opened meanwhile.
     */
    public <T> void whenCurrent(CompletableFuture<T> lookup, Consumer<T> onSuccess, Consumer<FailureReport> onFailure) {
        long asked = generation;
        FxAsync.whenDone(tracked(lookup), value -> {
            if (asked == generation) {
                onSuccess.accept(value);
            }
        }, error -> {
            if (asked == generation) {
                onFailure.accept(describe.apply(error));
            }
        });
    }

    /** Shows an opening's loads as one task in the status bar; cancelling it cancels them all. */
    public void trackOpening(String title, List<? extends CompletableFuture<?>> loads) {
        tasks.run(title, () -> Futures.whenAllSettled(loads));
    }

    /** How this pane explains a failure. */
    public FailureReport describe(Throwable failure) {
        return describe.apply(failure);
    }

    private <T> CompletableFuture<T> tracked(CompletableFuture<T> future) {
        reads.add(future);
        future.whenComplete((value, error) -> FxAsync.runOnFx(() -> reads.remove(future)));
        return future;
    }

    private void cancelReads() {
        List.copyOf(reads).forEach(future -> future.cancel(true));
        reads.clear();
    }
}
