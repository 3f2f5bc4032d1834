package dev.tartan.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What a customer is screened by: the program that screens them and their details as the client
 * gave them. Individuals have a date of birth; entities an email address, phone number and website.
 * Fields not given are null.
 *
 * @param version 1 for the terms a screening was created with, one more for each edit
 */
public record ScreeningTerms(String programId, String legalName, LocalDate dateOfBirth, String documentNumber, String country,
                             String emailAddress, String phoneNumber, String url, int version) {

    /** The terms of a new individual screening. */
    public static ScreeningTerms individual(String programId, String legalName, LocalDate dateOfBirth, String documentNumber,
                                            String country) {
        return new ScreeningTerms(programId, legalName, dateOfBirth, documentNumber, country, null, null, null, 1);
    }

    /** The terms of a new entity screening. */
    public static ScreeningTerms entity(String programId, String legalName, String documentNumber, String country, String emailAddress,
                                        String phoneNumber, String url) {
        return new ScreeningTerms(programId, legalName, null, documentNumber, country, emailAddress, phoneNumber, url, 1);
    }

    /** The same terms in another program. */
    public ScreeningTerms inProgram(String otherProgramId) {
        return new ScreeningTerms(otherProgramId, legalName, dateOfBirth, documentNumber, country, emailAddress, phoneNumber, url, version);
    }

    /** Whether {@code other} searches for the same customer (the version and program aside). */
    public boolean sameSearch(ScreeningTerms other) {
        return other != null && Objects.equals(legalName, other.legalName) && Objects.equals(dateOfBirth, other.dateOfBirth)
                && Objects.equals(documentNumber, other.documentNumber) && Objects.equals(country, other.country)
                && Objects.equals(emailAddress, other.emailAddress) && Objects.equals(phoneNumber, other.phoneNumber)
                && Objects.equals(url, other.url);
    }
}
