package dev.tartan.emulator.items;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** One account of an Item, as persisted. Mutable only under the state store's write lock. */
public final class AccountRecord {
    String accountId;
    String name;
    String officialName;
    String type;
    String subtype;
    String mask;
    Double current;
    Double available;
    Double limit;
    String currency;
    String verificationStatus;
    /** Account and routing numbers in Plaid's numbering of the institution's country. */
    String accountNumber;
    String routingNumber;
    String wireRoutingNumber;
    /** Canadian numbering. */
    String eftInstitution;
    String eftBranch;
    /** European numbering. */
    String iban;
    String bic;
    String sortCode;
    /** The account holder, in the shape of Plaid's Owner object. */
    ObjectNode owner;
    /** The user_custom {@code override_accounts} entry this account came from, or null. */
    JsonNode custom;

    AccountRecord() {
    }

    public String accountId() {
        return accountId;
    }

    public String name() {
        return name;
    }

    public String officialName() {
        return officialName;
    }

    public String type() {
        return type;
    }

    public String subtype() {
        return subtype;
    }

    public String mask() {
        return mask;
    }

    public Double current() {
        return current;
    }

    public Double available() {
        return available;
    }

    public Double limit() {
        return limit;
    }

    public String currency() {
        return currency;
    }

    public String verificationStatus() {
        return verificationStatus;
    }

    public void verificationStatus(String status) {
        this.verificationStatus = status;
    }

    /** Whether Auth may show the account's numbers: it is verified, or never needed verifying. */
    public boolean numbersVerified() {
        return verificationStatus == null || verificationStatus.equals("automatically_verified")
                || verificationStatus.equals("manually_verified");
    }

    public String accountNumber() {
        return accountNumber;
    }

    public String routingNumber() {
        return routingNumber;
    }

    public String wireRoutingNumber() {
        return wireRoutingNumber;
    }

    public String eftInstitution() {
        return eftInstitution;
    }

    public String eftBranch() {
        return eftBranch;
    }

    public String iban() {
        return iban;
    }

    public String bic() {
        return bic;
    }

    public String sortCode() {
        return sortCode;
    }

    public ObjectNode owner() {
        return owner;
    }

    /** The user_custom settings of this account, or a missing node. */
    public JsonNode custom() {
        return custom == null ? MissingNode.getInstance() : custom;
    }

    public boolean isDepository() {
        return "depository".equals(type);
    }

    /** Accounts that carry card or bank transactions (depository and credit). */
    public boolean hasTransactions() {
        return "depository".equals(type) || "credit".equals(type);
    }
}
