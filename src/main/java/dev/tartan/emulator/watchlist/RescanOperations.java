package dev.tartan.emulator.watchlist;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.emulator.support.Ids;
import dev.tartan.emulator.wire.OperationRequest;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Emulator extension: {@code /sandbox/watchlist_screening/individual/rescan} and {@code .../entity/rescan} play
 * the daily rescan after a list update that names the customer. A new entry, made from the screening's own
 * search terms, is published on the first list of its program (US_SDN when the program screens it), and the
 * screening is rescanned: it gains that entry as a new pending hit, turns {@code pending_review} and fires its
 * status webhook, as Plaid's ongoing screening would. The entry stays on the list, so later screenings of the
 * same name hit it too. Refused, naming the field, for a rejected screening (rejected customers get no new
 * hits) and for a program with rescanning off.
 */
final class RescanOperations {
    /** The lists a list update publishes on, in this order of preference. */
    private static final List<String> PREFERRED = List.of("US_SDN", "UK_HMC", "EU_CON", "IZ_UNC");

    private final Screenings screenings;

    RescanOperations(Screenings screenings) {
        this.screenings = screenings;
    }

    void register(Routes routes) {
        for (Kind kind : Kind.values()) {
            routes.write("/sandbox/watchlist_screening/" + kind.word + "/rescan", request -> rescan(kind, request));
        }
    }

    private ObjectNode rescan(Kind kind, OperationRequest request) {
        Screening screening = screenings.require(kind, request);
        Version current = screening.current();
        if (current.status() == ScreeningStatus.REJECTED) {
            throw WatchlistErrors.invalid(kind.screeningIdField, "the screening " + screening.id
                    + " is rejected, and rejected customers receive no new hits");
        }
        Program program = screenings.program(kind, kind.screeningIdField, current.terms().programId(), false);
        if (!program.rescanning()) {
            throw WatchlistErrors.invalid(kind.screeningIdField, "the screening's program " + program.id() + " (" + program.name()
                    + ") has rescanning turned off, so list updates never reach its screenings");
        }
        Watchlist watchlist = screenings.watchlist();
        Instant now = watchlist.now();
        watchlist.record(new Fact.Published(listing(kind, current.terms(), program, now)));
        Screenings.HitChanges changes = screenings.rescreen(screening, current.terms());
        ScreeningStatus status = Screenings.settledAfter(screening, changes);
        screenings.change(screening, current.withStatus(status, AuditTrail.system(now)), changes);
        return WatchlistViews.screening(screening);
    }

    /** The entry a list update publishes about the customer: their name, date of birth, country and document. */
    private static Listing listing(Kind kind, SearchTerms terms, Program program, Instant now) {
        String listCode = PREFERRED.stream().filter(program::screens).findFirst().orElse(program.lists().get(0));
        List<Listing.DateRange> births = terms.dateOfBirth() == null ? List.of()
                : List.of(new Listing.DateRange(terms.dateOfBirth(), terms.dateOfBirth()));
        List<Listing.Place> places = terms.country() == null ? List.of()
                : List.of(new Listing.Place(new Locale("", terms.country()).getDisplayCountry(Locale.ENGLISH), terms.country()));
        List<Listing.Document> documents = terms.documentNumber() == null ? List.of()
                : List.of(new Listing.Document(kind == Kind.INDIVIDUAL ? "passport" : "other", terms.documentNumber()));
        Listing.Profile profile = new Listing.Profile(List.of(new Listing.ListedName(terms.legalName(), true, Listing.ListedName.NOT_WEAK)),
                births, places, documents, List.of(), List.of(), List.of());
        return new Listing(kind, Watchlist.newId("uid_"), listCode, "TARTAN-" + Ids.hex(8).toUpperCase(Locale.ROOT), List.of(), now,
                null, null, profile);
    }
}
