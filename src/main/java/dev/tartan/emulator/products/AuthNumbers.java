package dev.tartan.emulator.products;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.emulator.items.AccountRecord;
import dev.tartan.emulator.support.Json;

import java.util.List;

/** Account and routing numbers in Plaid's numbers object (ACH, EFT, international, BACS). */
public final class AuthNumbers {
    private AuthNumbers() {
    }

    /** The numbers of {@code accounts} for /auth/get: one array per numbering scheme. */
    public static ObjectNode forAccounts(List<AccountRecord> accounts) {
        ObjectNode numbers = Json.object();
        ArrayNode ach = numbers.putArray("ach");
        ArrayNode eft = numbers.putArray("eft");
        ArrayNode international = numbers.putArray("international");
        ArrayNode bacs = numbers.putArray("bacs");
        for (AccountRecord account : accounts) {
            addIfPresent(ach, ach(account));
            addIfPresent(eft, eft(account));
            addIfPresent(international, international(account));
            addIfPresent(bacs, bacs(account));
        }
        return numbers;
    }

    /** The numbers of one account, one object per scheme it has, as the processor endpoints return them. */
    public static ObjectNode forAccount(AccountRecord account) {
        ObjectNode numbers = Json.object();
        putIfPresent(numbers, "ach", ach(account));
        putIfPresent(numbers, "eft", eft(account));
        putIfPresent(numbers, "international", international(account));
        putIfPresent(numbers, "bacs", bacs(account));
        return numbers;
    }

    private static void putIfPresent(ObjectNode numbers, String scheme, ObjectNode entry) {
        if (entry != null) {
            numbers.set(scheme, entry);
        }
    }

    private static void addIfPresent(ArrayNode array, ObjectNode entry) {
        if (entry != null) {
            array.add(entry);
        }
    }

    private static ObjectNode ach(AccountRecord account) {
        if (account.routingNumber() == null) {
            return null;
        }
        ObjectNode ach = Json.object();
        ach.put("account_id", account.accountId());
        ach.put("account", account.accountNumber());
        ach.put("routing", account.routingNumber());
        ach.put("wire_routing", account.wireRoutingNumber());
        ach.put("can_transfer_in", true);
        ach.put("can_transfer_out", true);
        return ach;
    }

    private static ObjectNode eft(AccountRecord account) {
        if (account.eftInstitution() == null) {
            return null;
        }
        ObjectNode eft = Json.object();
        eft.put("account_id", account.accountId());
        eft.put("account", account.accountNumber());
        eft.put("institution", account.eftInstitution());
        eft.put("branch", account.eftBranch());
        return eft;
    }

    private static ObjectNode international(AccountRecord account) {
        if (account.iban() == null) {
            return null;
        }
        ObjectNode international = Json.object();
        international.put("account_id", account.accountId());
        international.put("iban", account.iban());
        international.put("bic", account.bic());
        return international;
    }

    private static ObjectNode bacs(AccountRecord account) {
        if (account.sortCode() == null) {
            return null;
        }
        ObjectNode bacs = Json.object();
        bacs.put("account_id", account.accountId());
        bacs.put("account", account.accountNumber());
        bacs.put("sort_code", account.sortCode());
        return bacs;
    }
}
