package dev.tartan.emulator.watchlist;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One entry of one watchlist: a listed person or organisation ({@link Profile}, shared by every list that
 * names them, under one {@code plaid_uid}) as a given list publishes them. A screening hit is a listing.
 *
 * @param sourceUid       the list's own identifier for the entry, null when it publishes none
 * @param inactiveSince   when the entry stopped being active on the list, or null
 * @param historicalSince when the entry became historical (delisted), or null
 */
record Listing(Kind kind, String plaidUid, String listCode, String sourceUid, List<String> subPrograms, Instant firstActive,
               Instant inactiveSince, Instant historicalSince, Profile profile) {

    /** What identifies a listing among a screening's hits: the same person on another list is another hit. */
    String key() {
        return plaidUid + "/" + listCode;
    }

    /** What a list knows of a person or organisation. Entities have no dates of birth; individuals no emails, phones or URLs. */
    record Profile(List<ListedName> names, List<DateRange> datesOfBirth, List<Place> locations, List<Document> documents,
                   List<String> emailAddresses, List<Phone> phoneNumbers, List<String> urls) {
    }

    /**
     * A name the list gives, the primary one or an alias.
     *
     * @param weak Plaid's {@code weak_alias_determination}: {@code none}, or {@code source} for an alias the list itself calls
     *             low quality; a weak alias never makes a hit alone
     */
    record ListedName(String full, boolean primary, String weak) {
        static final String NOT_WEAK = "none";

        boolean isWeak() {
            return !NOT_WEAK.equals(weak);
        }
    }

    /** A birth date as lists give them: a day, or a span when only the year (or a few possible years) is known. */
    record DateRange(LocalDate beginning, LocalDate ending) {
        boolean contains(LocalDate date) {
            return !date.isBefore(beginning) && !date.isAfter(ending);
        }
    }

    record Place(String full, String country) {
    }

    record Document(String type, String number) {
    }

    record Phone(String type, String number) {
    }
}
