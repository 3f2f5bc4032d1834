package dev.tartan.model;

import java.util.List;
import java.util.Set;

/**
 * A transfer the user proposes (what /transfer/authorization/create, /transfer/create and
 * /transfer/recurring/create take), checked before anything is sent.
 *
 * @param accessToken the Item's access token
 * @param accountId   the account money moves from (debit) or to (credit)
 * @param type        debit or credit
 * @param network     ach, same-day-ach, rtp or wire
 * @param achClass    ccd, ppd, tel or web for ACH; null for rtp and wire
 * @param amountCents the amount in cents
 * @param legalName   the account holder's legal name
 * @param description what the statement says (10 characters over ACH, 15 otherwise)
 * @param testClockId a Sandbox test clock the transfer lives on, or null
 */
public record TransferProposal(String accessToken, String accountId, String type, String network, String achClass, long amountCents,
                               String legalName, String description, String testClockId) {

    public static final List<String> TYPES = List.of("debit", "credit");
    public static final List<String> NETWORKS = List.of("ach", "same-day-ach", "rtp", "wire");
    public static final List<String> ACH_CLASSES = List.of("ppd", "ccd", "web", "tel");
    private static final Set<String> ACH = Set.of("ach", "same-day-ach");
    /** The ACH classes Plaid permits for credits. */
    private static final Set<String> CREDIT_ACH_CLASSES = Set.of("ppd", "ccd");
    static final int ACH_DESCRIPTION = 10;
    static final int DESCRIPTION = 15;

    public boolean isAch() {
        return ACH.contains(network);
    }

    /** The proposal, or why it cannot be sent: an {@link IllegalArgumentException} with a sentence for the user. */
    public TransferProposal checked() {
        require(accessToken, "Pick the Item the account belongs to.");
        require(accountId, "Pick the account.");
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("Pick debit (money in from the account) or credit (money out to it).");
        }
        if (!NETWORKS.contains(network)) {
            throw new IllegalArgumentException("Pick a network: ach, same-day-ach, rtp or wire.");
        }
        if (!isAch() && "debit".equals(type)) {
            throw new IllegalArgumentException(network + " carries credits only: debit over ach or same-day-ach.");
        }
        if (isAch() && !ACH_CLASSES.contains(achClass)) {
            throw new IllegalArgumentException("Pick the ACH class (SEC code): ppd for consumers, ccd for businesses, web or tel.");
        }
        if (isAch() && "credit".equals(type) && !CREDIT_ACH_CLASSES.contains(achClass)) {
            throw new IllegalArgumentException("ACH credits go as ppd or ccd; " + achClass + " is for debits only.");
        }
        if (amountCents <= 0) {
            throw new IllegalArgumentException("The amount must be more than $0.00.");
        }
        require(legalName, "Give the account holder's legal name.");
        require(description, "Give a description: it shows on the account holder's statement.");
        int limit = isAch() ? ACH_DESCRIPTION : DESCRIPTION;
        if (description.strip().length() > limit) {
            throw new IllegalArgumentException("The description holds at most " + limit + " characters over " + network
                    + "; \"" + description.strip() + "\" has " + description.strip().length() + ".");
        }
        return new TransferProposal(accessToken.strip(), accountId.strip(), type, network, isAch() ? achClass : null, amountCents,
                legalName.strip(), description.strip(), testClockId == null || testClockId.isBlank() ? null : testClockId.strip());
    }

    private static void require(String value, String missing) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(missing);
        }
    }
}
