package dev.tartan.ui.common.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.model.CallRecord;
import dev.tartan.model.Profile;
import dev.tartan.service.CachedCalls;
import dev.tartan.service.FailureDescriber;
import dev.tartan.ui.common.FxAsync;
import javafx.beans.property.ObjectProperty;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Fills data tabs cache-through: what the vault remembers appears at once (marked as refreshing),
 * then the fresh reply replaces it; a failure shows in its own tab only. All loads of one subject
 * (an Item, a processor token) can be cancelled together when the user moves on.
 */
public final class TabLoader {

    private final CachedCalls calls;
    private final Consumer<CallRecord> log;
    private final List<CompletableFuture<?>> inFlight = new ArrayList<>();
    /** Bumped by {@link #cancelAll()}: an answer for an earlier subject must not land in a tab reused for a new one. */
    private long generation;

    /**
     * @param log receives every call made (on any thread), for the Raw JSON tab
     */
    public TabLoader(CachedCalls calls, Consumer<CallRecord> log) {
        this.calls = calls;
        this.log = log;
    }

    /**
     * Loads {@code path} into {@code tab}. {@code emptyWhen} tells, from a reply, why there is
     * nothing to show (or null when there is something).
     *
     * @return the fresh call; cancelling it stops the load
     */
    public CompletableFuture<CachedCalls.Fetched> load(ObjectProperty<TabState> tab, Profile profile, String path, ObjectNode body, Function<JsonNode, String> emptyWhen) {
        long current = generation;
        tab.set(TabState.loading("Calling " + path + "\u2026"));
        CompletableFuture<java.util.Optional<CachedCalls.Fetched>> cached = calls.cached(profile, path, body);
        inFlight.add(cached);
        FxAsync.whenDone(cached, hit -> hit.ifPresent(found -> {
            if (current == generation && tab.get().kind() == TabState.Kind.LOADING) {
                tab.set(shown(found.json(), found, true, emptyWhen));
            }
        }), error -> { });
        CompletableFuture<CachedCalls.Fetched> fresh = calls.fresh(profile, path, body, log);
        inFlight.add(fresh);
        fresh.whenComplete((reply, error) -> FxAsync.runOnFx(() -> inFlight.remove(fresh)));
        cached.whenComplete((reply, error) -> FxAsync.runOnFx(() -> inFlight.remove(cached)));
        FxAsync.whenDone(fresh, fetched -> {
            if (current == generation) {
                tab.set(shown(fetched.json(), fetched, false, emptyWhen));
            }
        }, error -> {
            if (current == generation) {
                tab.set(TabState.failed(FailureDescriber.describe(error)));
            }
        });
        return fresh;
    }

    private static TabState shown(JsonNode json, CachedCalls.Fetched fetched, boolean refreshing, Function<JsonNode, String> emptyWhen) {
        String why = emptyWhen == null ? null : emptyWhen.apply(json);
        return why != null ? TabState.empty(why) : TabState.data(json, fetched.fetchedAt(), refreshing);
    }

    /** Stops every load still under way (their tabs keep what they show). */
    public void cancelAll() {
        generation++;
        new ArrayList<>(inFlight).forEach(future -> future.cancel(true));
        inFlight.clear();
    }
}
