package dev.tartan.emulator.transfer;

/**
 * The terms of a transfer as authorized (or as a recurring transfer repeats them): whose account, which
 * way, over which network, how much, and which ledger funds it.
 *
 * @param type    {@code debit} (money in) or {@code credit} (money out)
 * @param network {@code ach}, {@code same-day-ach}, {@code rtp} or {@code wire}
 */
record Proposal(String itemId, String accountId, String type, String network, String achClass, long amountCents,
                String isoCurrencyCode, TransferUser user, String ledgerId, String originationAccountId,
                String creditFundsSource, WireDetails wireDetails) {

    record WireDetails(String messageToBeneficiary, String wireReturnFee) {
    }

    boolean isDebit() {
        return "debit".equals(type);
    }

    boolean isAch() {
        return "ach".equals(network) || "same-day-ach".equals(network);
    }

    /** ACH debits are the only transfers whose funds wait on a hold before they become available. */
    boolean isAchDebit() {
        return isDebit() && isAch();
    }
}
