package dev.tartan.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.api.PlaidJson;
import dev.tartan.model.Scenario;
import dev.tartan.model.Scenario.Check;
import dev.tartan.model.Scenario.Step;

import java.util.List;

/**
 * The scenarios Tartan ships: each starts from a new sandbox Item (its webhooks sent to Tartan's
 * inbox when there is one), so one click runs it anywhere Sandbox runs.
 */
final class BuiltInScenarios {

    static final String RELOGIN = "Item needs re-login";
    static final String NEW_TRANSACTIONS = "New transactions arrive";
    static final String TRANSFER_RETURNED = "Transfer returned R01";
    static final String MICRODEPOSITS = "Micro-deposits verified";

    private BuiltInScenarios() {
    }

    static List<Scenario> all() {
        return List.of(relogin(), newTransactions(), transferReturned(), microdeposits());
    }

    private static Scenario relogin() {
        return new Scenario(RELOGIN, "The user's bank login stops working (they changed their password): the Item goes into "
                + "ITEM_LOGIN_REQUIRED, the app hears ITEM: ERROR and should send the user through Link's update mode; once the "
                + "login works again, LOGIN_REPAIRED follows.", List.of(
                linkItem("ins_109508", "user_good", "pass_good", "transactions"),
                new Step("The bank asks the user to log in again", "/sandbox/item/reset_login", body("""
                        {"access_token": "${access_token}"}"""), List.of("ITEM:ERROR"), List.of()),
                new Step("The Item reports ITEM_LOGIN_REQUIRED", "/item/get", body("""
                        {"access_token": "${access_token}"}"""), List.of(),
                        List.of(new Check("/item/error/error_code", "ITEM_LOGIN_REQUIRED", "The Item needs its user to log in again"))),
                new Step("The login works again (LOGIN_REPAIRED)", "/sandbox/item/fire_webhook", body("""
                        {"access_token": "${access_token}", "webhook_code": "LOGIN_REPAIRED"}"""), List.of("ITEM:LOGIN_REPAIRED"),
                        List.of(), true)), true);
    }

    private static Scenario newTransactions() {
        return new Scenario(NEW_TRANSACTIONS, "An Item with live-looking transactions: the app syncs its history, the bank "
                + "reports new transactions, Plaid sends SYNC_UPDATES_AVAILABLE, and the next sync brings them in.", List.of(
                linkItem("ins_109508", "user_transactions_dynamic", "any", "transactions"),
                new Step("The app syncs the history", "/transactions/sync", body("""
                        {"access_token": "${access_token}"}"""), List.of(),
                        List.of(new Check("/next_cursor", null, "The sync gave a cursor to continue from"))),
                new Step("The bank reports new transactions", "/transactions/refresh", body("""
                        {"access_token": "${access_token}"}"""), List.of("TRANSACTIONS:SYNC_UPDATES_AVAILABLE"), List.of()),
                new Step("The app syncs again and gets them", "/transactions/sync", body("""
                        {"access_token": "${access_token}", "cursor": "${next_cursor}"}"""), List.of(),
                        List.of(new Check("/added/0/transaction_id", null, "New transactions came with the sync")))), true);
    }

    private static Scenario transferReturned() {
        return new Scenario(TRANSFER_RETURNED, "A $25.00 ACH debit is authorized, created and posted, then the customer's bank "
                + "returns it for insufficient funds (R01). Each simulation sends TRANSFER_EVENTS_UPDATE to Tartan's inbox.", List.of(
                linkItem("ins_109508", "user_good", "pass_good", "auth"),
                new Step("The app reads the Item's accounts", "/accounts/get", body("""
                        {"access_token": "${access_token}"}"""), List.of(),
                        List.of(new Check("/accounts/0/account_id", null, "The Item has an account to debit"))),
                new Step("Authorize a $25.00 debit", "/transfer/authorization/create", body("""
                        {"access_token": "${access_token}", "account_id": "${account_id}", "type": "debit", "network": "ach",
                         "amount": "25.00", "ach_class": "ppd", "user": {"legal_name": "Leslie Knope"}}"""), List.of(),
                        List.of(new Check("/authorization/decision", "approved", "Plaid approved the debit"))),
                new Step("Create the transfer", "/transfer/create", body("""
                        {"access_token": "${access_token}", "account_id": "${account_id}", "authorization_id": "${authorization_id}",
                         "description": "Tartan QA"}"""), List.of(),
                        List.of(new Check("/transfer/status", "pending", "The transfer is pending"))),
                new Step("The bank posts it", "/sandbox/transfer/simulate", body("""
                        {"transfer_id": "${transfer_id}", "event_type": "posted", "webhook": "${inbox?}"}"""),
                        List.of("TRANSFER:TRANSFER_EVENTS_UPDATE"), List.of()),
                new Step("The customer's bank returns it: R01, insufficient funds", "/sandbox/transfer/simulate", body("""
                        {"transfer_id": "${transfer_id}", "event_type": "returned",
                         "failure_reason": {"ach_return_code": "R01", "description": "Insufficient funds"}, "webhook": "${inbox?}"}"""),
                        List.of("TRANSFER:TRANSFER_EVENTS_UPDATE"), List.of()),
                new Step("The transfer reads returned, R01", "/transfer/get", body("""
                        {"transfer_id": "${transfer_id}"}"""), List.of(),
                        List.of(new Check("/transfer/status", "returned", "The transfer is returned"),
                                new Check("/transfer/failure_reason/ach_return_code", "R01", "The return code is R01")))), true);
    }

    private static Scenario microdeposits() {
        return new Scenario(MICRODEPOSITS, "An account linked with automated micro-deposits at Houndstooth Bank waits for "
                + "verification; Plaid verifies it (AUTH: AUTOMATICALLY_VERIFIED) and its numbers become readable.", List.of(
                linkItem("ins_109512", "user_good", "microdeposits_good", "auth"),
                new Step("The app reads the account awaiting verification", "/accounts/get", body("""
                        {"access_token": "${access_token}"}"""), List.of(),
                        List.of(new Check("/accounts/0/account_id", null, "The Item has the account"))),
                new Step("Plaid verifies the micro-deposits", "/sandbox/item/set_verification_status", body("""
                        {"access_token": "${access_token}", "account_id": "${account_id}",
                         "verification_status": "automatically_verified"}"""), List.of("AUTH:AUTOMATICALLY_VERIFIED"), List.of()),
                new Step("The account's numbers can be read", "/auth/get", body("""
                        {"access_token": "${access_token}"}"""), List.of(),
                        List.of(new Check("/numbers/ach/0/account", null, "Auth returns the account number")))), true);
    }

    /** The first step of each: a user links a new Item, its webhooks going to the inbox when there is one. */
    private static Step linkItem(String institution, String username, String password, String product) {
        ObjectNode create = body("""
                {"initial_products": [], "options": {"webhook": "${inbox?}"}}""");
        create.put("institution_id", institution);
        create.withArray("initial_products").add(product);
        ((ObjectNode) create.get("options")).put("override_username", username).put("override_password", password);
        List<String> expect = product.equals("transactions") ? List.of("TRANSACTIONS:SYNC_UPDATES_AVAILABLE") : List.of();
        return new Step("A user links an Item (" + username + ")", SandboxService.CREATE_ITEM, create, expect,
                List.of(new Check("/item_id", null, "Tartan has the Item's access token")));
    }

    private static ObjectNode body(String json) {
        try {
            return (ObjectNode) PlaidJson.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A built-in scenario's body is not JSON: " + json, e);
        }
    }
}
