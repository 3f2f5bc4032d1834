package dev.tartan.emulator.watchlist;

import dev.tartan.emulator.wire.EmulatorModule;
import dev.tartan.emulator.wire.HandlerRegistry;

/**
 * Monitor (watchlist screening), stateful: programs and Dashboard users, screenings of individuals and entities
 * screened against bundled watchlists with fuzzy name matching, hits, reviews, updates and their history,
 * status webhooks, and a Sandbox rescan (see docs/emulator.md).
 */
public final class WatchlistModule implements EmulatorModule {
    private final Watchlist watchlist;

    public WatchlistModule(Watchlist watchlist) {
        this.watchlist = watchlist;
    }

    @Override
    public void register(HandlerRegistry registry) {
        Routes routes = new Routes(registry, watchlist);
        Screenings screenings = new Screenings(watchlist);
        new ScreeningOperations(screenings).register(routes);
        new ReviewOperations(screenings).register(routes);
        new DirectoryOperations(screenings).register(routes);
        new RescanOperations(screenings).register(routes);
    }
}
