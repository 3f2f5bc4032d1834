package dev.tartan.emulator.transfer;

import java.util.Map;

/** The NACHA return codes an ACH transfer can come back with, and what each means. */
final class ReturnCodes {
    private static final Map<String, String> MEANING = Map.ofEntries(
            Map.entry("R01", "Insufficient funds"),
            Map.entry("R02", "Account closed"),
            Map.entry("R03", "No account or unable to locate account"),
            Map.entry("R04", "Invalid account number"),
            Map.entry("R05", "Unauthorized debit to consumer account"),
            Map.entry("R06", "Returned at the originating bank's request"),
            Map.entry("R07", "Authorization revoked by customer"),
            Map.entry("R08", "Payment stopped"),
            Map.entry("R09", "Uncollected funds"),
            Map.entry("R10", "Customer advises not authorized"),
            Map.entry("R11", "Check truncation entry return"),
            Map.entry("R12", "Branch sold to another bank"),
            Map.entry("R13", "Invalid ACH routing number"),
            Map.entry("R14", "Representative payee deceased"),
            Map.entry("R15", "Beneficiary or account holder deceased"),
            Map.entry("R16", "Account frozen"),
            Map.entry("R17", "File record edit criteria"),
            Map.entry("R18", "Improper effective entry date"),
            Map.entry("R19", "Amount field error"),
            Map.entry("R20", "Non-transaction account"),
            Map.entry("R21", "Invalid company identification"),
            Map.entry("R22", "Invalid individual ID number"),
            Map.entry("R23", "Credit entry refused by receiver"),
            Map.entry("R24", "Duplicate entry"),
            Map.entry("R25", "Addenda error"),
            Map.entry("R26", "Mandatory field error"),
            Map.entry("R27", "Trace number error"),
            Map.entry("R28", "Routing number check digit error"),
            Map.entry("R29", "Corporate customer advises not authorized"),
            Map.entry("R30", "Receiving bank not in the check truncation program"),
            Map.entry("R31", "Permissible return entry"),
            Map.entry("R32", "Receiving bank non-settlement"),
            Map.entry("R33", "Return of XCK entry"),
            Map.entry("R34", "Limited participation bank"),
            Map.entry("R35", "Return of improper debit entry"),
            Map.entry("R36", "Return of improper credit entry"),
            Map.entry("R37", "Source document presented for payment"),
            Map.entry("R38", "Stop payment on source document"),
            Map.entry("R39", "Improper source document"),
            Map.entry("R40", "Return of ENR entry by a federal agency"),
            Map.entry("R41", "Invalid transaction code (ENR)"),
            Map.entry("R42", "Routing number check digit error (ENR)"),
            Map.entry("R43", "Invalid account number (ENR)"),
            Map.entry("R44", "Invalid individual ID number (ENR)"),
            Map.entry("R45", "Invalid individual or company name (ENR)"),
            Map.entry("R46", "Invalid representative payee indicator (ENR)"),
            Map.entry("R47", "Duplicate enrollment"),
            Map.entry("R50", "State law affecting RCK acceptance"),
            Map.entry("R51", "Item ineligible, notice not provided or signature not genuine"),
            Map.entry("R52", "Stop payment on item"),
            Map.entry("R53", "Item and entry presented for payment"),
            Map.entry("R61", "Misrouted return"),
            Map.entry("R62", "Incorrect trace number"),
            Map.entry("R63", "Incorrect dollar amount"),
            Map.entry("R64", "Incorrect individual identification"),
            Map.entry("R65", "Incorrect transaction code"),
            Map.entry("R66", "Incorrect company identification"),
            Map.entry("R67", "Duplicate return"),
            Map.entry("R68", "Untimely return"),
            Map.entry("R69", "Multiple errors"),
            Map.entry("R70", "Permissible return entry not accepted"),
            Map.entry("R71", "Misrouted dishonored return"),
            Map.entry("R72", "Untimely dishonored return"),
            Map.entry("R73", "Timely original return"),
            Map.entry("R74", "Corrected return"),
            Map.entry("R80", "Cross-border payment coding error"),
            Map.entry("R81", "Non-participant in cross-border program"),
            Map.entry("R82", "Invalid foreign receiving bank identification"));

    private ReturnCodes() {
    }

    static boolean known(String code) {
        return MEANING.containsKey(code);
    }

    static String describe(String code) {
        return MEANING.getOrDefault(code, "Returned");
    }

    /** Returns after which Plaid stops accepting transfers for the account: the account cannot be used (closed, missing, invalid, frozen). */
    static boolean blocksAccount(String code) {
        return "R02".equals(code) || "R03".equals(code) || "R04".equals(code) || "R16".equals(code);
    }
}
