package dev.tartan.emulator.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tartan.emulator.items.AccountRecord;
import dev.tartan.emulator.items.ItemRecord;
import dev.tartan.emulator.wire.OperationRequest;
import dev.tartan.emulator.wire.PlaidErrors;

import java.util.Map;
import java.util.Set;

/**
 * Reads a proposed transfer (of {@code /transfer/authorization/create} or {@code /transfer/recurring/create})
 * and decides on it as Plaid's Sandbox does. Requests Plaid refuses outright fail with its errors; the rest
 * get a decision: declined {@code RISK} when the account's available balance is exactly $0, {@code NSF} when
 * it (or, for a credit, the ledger's) is below the amount, {@code TRANSFER_LIMIT_REACHED} above the single
 * transfer limit; {@code user_action_required} for an Item that needs its user to log in again; approved
 * with {@code MANUALLY_VERIFIED_ITEM} for an account verified by micro-deposits; otherwise approved.
 * Call inside the state lock.
 */
final class Authorizer {
    /** Sandbox's single-transfer limit, either way (as /transfer/configuration/get reports it). */
    static final long MAX_SINGLE_TRANSFER_CENTS = 1_000_00;
    /** Network limits of Plaid's error reference. */
    private static final Map<String, Long> NETWORK_LIMITS_CENTS = Map.of(
            "ach", 10_000_000_00L, "same-day-ach", 1_000_000_00L, "rtp", 1_000_000_00L, "wire", 999_999_99L);
    private static final Set<String> TRANSFERABLE_SUBTYPES = Set.of("checking", "savings", "money market", "cash management");
    /** SEC codes Plaid permits per direction. */
    private static final Map<String, Set<String>> ACH_CLASSES = Map.of(
            "debit", Set.of("ccd", "ppd", "tel", "web"), "credit", Set.of("ccd", "ppd"));
    /** First Platypus Bank's test accounts that real-time payments reach, and the routing number of a custom user's. */
    private static final String RTP_INSTITUTION = "ins_109508";
    private static final Set<String> RTP_MASKS = Set.of("0000", "1111");
    private static final String RTP_ROUTING_NUMBER = "322271627";

    private final Transfers transfers;

    Authorizer(Transfers transfers) {
        this.transfers = transfers;
    }

    /** The Item and account a request names by {@code access_token} and {@code account_id}. */
    record Target(ItemRecord item, AccountRecord account) {
    }

    Target target(OperationRequest request) {
        ItemRecord item = transfers.items().itemFor(request.requiredText("access_token"));
        AccountRecord account = item.account(request.requiredText("account_id"))
                .orElseThrow(() -> PlaidErrors.of("INVALID_ACCOUNT_ID"));
        return new Target(item, account);
    }

    /** Whether real-time payments reach the account (what /transfer/capabilities/get reports). */
    static boolean reachedByRtp(ItemRecord item, AccountRecord account) {
        if (account.custom().isMissingNode()) {
            return RTP_INSTITUTION.equals(item.institutionId()) && RTP_MASKS.contains(account.mask());
        }
        return RTP_ROUTING_NUMBER.equals(account.routingNumber());
    }

    /** Reads and checks the proposal of a request, failing with Plaid's error for what it refuses outright. */
    Proposal propose(OperationRequest request, Target target) {
        JsonNode body = request.body();
        if (request.text("originator_client_id") != null) {
            throw TransferErrors.originatorNotFound();
        }
        if (request.text("payment_profile_token") != null) {
            throw PlaidErrors.invalidField("payment_profile_token: Payment Profiles are not emulated; name the account with access_token and account_id");
        }
        String type = request.requiredText("type");
        String network = request.requiredText("network");
        long amount = Money.cents("amount", request.requiredText("amount"));
        String currency = body.hasNonNull("iso_currency_code") ? request.text("iso_currency_code") : "USD";
        if (!"USD".equals(currency)) {
            throw PlaidErrors.invalidField("iso_currency_code: Transfer moves USD only");
        }
        AccountRecord account = target.account();
        if (!account.isDepository() || !TRANSFERABLE_SUBTYPES.contains(account.subtype())) {
            throw TransferErrors.unsupportedAccountType();
        }
        if (!account.numbersVerified()) {
            throw PlaidErrors.invalidField("account_id: the account is still awaiting micro-deposit verification");
        }
        if (transfers.book().blocked(account.accountId())) {
            throw TransferErrors.accountBlocked();
        }
        String achClass = request.text("ach_class");
        checkNetwork(type, network, achClass, target);
        if (amount > NETWORK_LIMITS_CENTS.get(network)) {
            throw TransferErrors.networkLimit(network, NETWORK_LIMITS_CENTS.get(network));
        }
        return new Proposal(target.item().itemId(), account.accountId(), type, network, achClass, amount, currency,
                user(request.object("user")), ledger(request).id(), blankToEmpty(request.text("origination_account_id")),
                request.text("credit_funds_source"), wireDetails(request.object("wire_details")));
    }

    private static void checkNetwork(String type, String network, String achClass, Target target) {
        boolean ach = "ach".equals(network) || "same-day-ach".equals(network);
        if (!ach && "debit".equals(type)) {
            throw PlaidErrors.invalidField("network: " + network + " carries credits only; debit over ach or same-day-ach");
        }
        if ("rtp".equals(network) && !reachedByRtp(target.item(), target.account())) {
            throw PlaidErrors.invalidField("account_id: the account is ineligible for Instant Payouts (see /transfer/capabilities/get)");
        }
        if (ach && achClass == null) {
            throw PlaidErrors.invalidField("ach_class is required for ach and same-day-ach transfers");
        }
        if (ach && !ACH_CLASSES.get(type).contains(achClass)) {
            throw TransferErrors.forbiddenAchClass(achClass, type);
        }
    }

    /** The ledger a request names by {@code ledger_id} or {@code funding_account_id}, else the default one. */
    Ledger ledger(OperationRequest request) {
        TransferBook book = transfers.book();
        String ledgerId = request.text("ledger_id");
        String fundingAccountId = request.text("funding_account_id");
        Ledger ledger = ledgerId == null ? book.defaultLedger()
                : book.ledger(ledgerId).orElseThrow(() -> TransferErrors.notFound("ledger_id", "ledger", ledgerId));
        if (fundingAccountId != null) {
            Ledger funded = book.ledgerOfFundingAccount(fundingAccountId)
                    .orElseThrow(() -> TransferErrors.notFound("funding_account_id", "funding account", fundingAccountId));
            if (ledgerId != null && funded != ledger) {
                throw PlaidErrors.invalidField("funding_account_id belongs to another ledger than ledger_id");
            }
            return funded;
        }
        return ledger;
    }

    /** The decision on a proposal. Declines and user actions are decisions, not errors. */
    Verdict decide(Proposal proposal, Target target) {
        ItemRecord item = target.item();
        AccountRecord account = target.account();
        if ("ITEM_LOGIN_REQUIRED".equals(item.errorCode())) {
            return new Verdict(Verdict.USER_ACTION_REQUIRED, "ITEM_LOGIN_REQUIRED",
                    "The Item needs its user to log in again (Link's update mode) before Plaid can assess the transfer", null, null);
        }
        if (item.errorCode() != null) {
            return Verdict.approved("ERROR", "The account's balance could not be read: the Item is in error " + item.errorCode());
        }
        if (account.verificationStatus() != null) {
            return Verdict.approved("MANUALLY_VERIFIED_ITEM", "The account was verified by micro-deposits, so Plaid has no balance to assess");
        }
        if (proposal.amountCents() > MAX_SINGLE_TRANSFER_CENTS) {
            return Verdict.declined("TRANSFER_LIMIT_REACHED", "The amount is above the single " + proposal.type()
                    + " transfer limit of " + Money.format(MAX_SINGLE_TRANSFER_CENTS));
        }
        if (!proposal.isDebit()) {
            Ledger ledger = transfers.book().ledger(proposal.ledgerId()).orElseThrow();
            return ledger.available < proposal.amountCents()
                    ? Verdict.declined("NSF", "The ledger's available balance (" + Money.format(ledger.available) + ") does not cover the credit")
                    : Verdict.approved();
        }
        Double balance = account.available() != null ? account.available() : account.current();
        if (balance == null) {
            return Verdict.approved("ERROR", "The institution reported no balance for the account");
        }
        long availableCents = Math.round(balance * 100);
        if (availableCents == 0) {
            return Verdict.declined("RISK", "The account's available balance is $0.00");
        }
        if (availableCents < proposal.amountCents()) {
            return Verdict.declined("NSF", "The account's available balance does not cover the amount");
        }
        return Verdict.approved();
    }

    private static TransferUser user(JsonNode user) {
        JsonNode address = user.path("address");
        return new TransferUser(text(user, "legal_name"), text(user, "phone_number"), text(user, "email_address"),
                address.isObject() ? new TransferUser.Address(text(address, "street"), text(address, "city"),
                        text(address, "region"), text(address, "postal_code"), text(address, "country")) : null);
    }

    private static Proposal.WireDetails wireDetails(JsonNode details) {
        return details.isObject() && !details.isEmpty()
                ? new Proposal.WireDetails(text(details, "message_to_beneficiary"), text(details, "wire_return_fee")) : null;
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String blankToEmpty(String text) {
        return text == null ? "" : text;
    }
}
