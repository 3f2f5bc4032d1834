package dev.tartan.emulator.watchlist;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What a screening searches for: the customer's data and the program it is screened under. Individuals use
 * the name, date of birth, document and country; entities the name, document, country, email, phone and URL.
 *
 * @param version starts at 1 and grows with each change of the search terms (the program included)
 */
record SearchTerms(String programId, String legalName, LocalDate dateOfBirth, String documentNumber, String country,
                   String emailAddress, String phoneNumber, String url, int version) {

    SearchTerms withVersion(int newVersion) {
        return new SearchTerms(programId, legalName, dateOfBirth, documentNumber, country, emailAddress, phoneNumber, url, newVersion);
    }

    /** The same search, whatever the versions. */
    boolean sameSearch(SearchTerms other) {
        return Objects.equals(programId, other.programId) && Objects.equals(legalName, other.legalName)
                && Objects.equals(dateOfBirth, other.dateOfBirth) && Objects.equals(documentNumber, other.documentNumber)
                && Objects.equals(country, other.country) && Objects.equals(emailAddress, other.emailAddress)
                && Objects.equals(phoneNumber, other.phoneNumber) && Objects.equals(url, other.url);
    }
}
