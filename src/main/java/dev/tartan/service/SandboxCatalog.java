package dev.tartan.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.api.PlaidJson;
import dev.tartan.model.Operation;
import dev.tartan.model.RequestField;
import dev.tartan.model.SandboxFacts;
import dev.tartan.model.SandboxFacts.Choice;
import dev.tartan.model.Simulation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every simulation of the Sandbox pane: each {@code /sandbox/*} operation of the catalog, named and
 * explained where Tartan knows it (an operation it does not know yet still appears, under its
 * product, with the spec's summary), and the product calls that act as simulations in Sandbox
 * (screening a sanctioned name, creating an asset report). Panes of new products add their
 * simulations to {@link #KNOWN}.
 */
final class SandboxCatalog {

    /** The products in the order the pane lists them; others follow alphabetically. */
    static final List<String> PRODUCTS = List.of("Items", "Transactions", "Processor", "Transfers", "Bank transfers",
            "Watchlist", "Assets", "Income", "Consumer Report", "Payment Initiation");

    private static final String INBOX = "${inbox}";

    /** The simulations Tartan names and explains, in the order the pane lists them within a product. */
    private static final List<Simulation> KNOWN = List.of(
            // Items
            sim("Items", "/sandbox/public_token/create", "Create a sandbox Item",
                    "A new Item, as if a user linked it: the institution, the products and the test user (user_custom takes a JSON "
                            + "configuration; the password error_ITEM_LOCKED makes creation fail). Tartan exchanges the public token "
                            + "and keeps the access token in the token book.",
                    """
                    {"institution_id": "ins_109508", "initial_products": ["transactions"],
                     "options": {"webhook": "${inbox}", "override_username": "user_good", "override_password": "pass_good"}}"""),
            sim("Items", "/sandbox/item/reset_login", "Make the Item need a new login",
                    "The Item goes into ITEM_LOGIN_REQUIRED, as when the user changes their bank password: the app should send "
                            + "the user through Link's update mode. Sandbox Items also do this by themselves after 30 days.", null),
            sim("Items", "/sandbox/item/fire_webhook", "Fire an Item webhook",
                    "Plaid posts the webhook of the chosen code to the Item's webhook URL (the Item needs one), so the app's "
                            + "handling can be tried without waiting for the event.",
                    """
                    {"webhook_code": "SYNC_UPDATES_AVAILABLE"}"""),
            sim("Items", "/sandbox/item/set_verification_status", "Finish or expire micro-deposit verification",
                    "For an Item made with the password microdeposits_good at Houndstooth Bank: the account's automated "
                            + "micro-deposits succeed (its numbers become usable) or expire. An AUTH webhook follows.",
                    """
                    {"verification_status": "automatically_verified"}"""),
            sim("Items", "/sandbox/user/reset_login", "Make a user's Items need a new login",
                    "Every Item of the user (or those listed) goes into ITEM_LOGIN_REQUIRED.", null),
            sim("Items", "/sandbox/item/application/seed", "Seed a connected application",
                    "Adds a connected application to the Item, as the Permissions Manager would list it.", null),
            sim("Items", "/sandbox/oauth/select_accounts", "Choose accounts at the OAuth bank",
                    "Saves which accounts the user picked at Platypus OAuth Bank, as the OAuth screen would.", null),
            // Transactions
            sim("Transactions", "/sandbox/transactions/create", "Add transactions to an Item",
                    "For an Item of user_transactions_dynamic: the transactions are added to its history, and the Item's "
                            + "webhook hears of them as after a refresh.",
                    """
                    {"transactions": [{"date_transacted": "${today}", "date_posted": "${today}", "amount": 12.34,
                                       "description": "Tartan test purchase", "iso_currency_code": "USD"}]}"""),
            // Processor
            sim("Processor", "/sandbox/processor_token/create", "Create a test Item and a processor token",
                    "A new Item and a processor token for one of its accounts, in one call; Tartan keeps the token in the "
                            + "token book for the Processor pane.",
                    """
                    {"institution_id": "ins_109508", "options": {"override_username": "user_good", "override_password": "pass_good"}}"""),
            // Transfers
            sim("Transfers", "/sandbox/transfer/simulate", "Move a transfer to its next status",
                    "pending \u2192 posted or failed; posted \u2192 settled or returned; settled \u2192 funds_available (ACH debits) or "
                            + "returned. A return takes an ACH return code (R01 when none is given). The transfer webhook goes to "
                            + "the URL given here.",
                    """
                    {"event_type": "posted", "webhook": "${inbox}"}""", "TRANSFER"),
            sim("Transfers", "/sandbox/transfer/refund/simulate", "Move a refund to its next status",
                    "pending \u2192 posted (once its transfer settled) or failed; posted \u2192 settled or returned.",
                    """
                    {"event_type": "posted", "webhook": "${inbox}"}""", "TRANSFER"),
            sim("Transfers", "/sandbox/transfer/fire_webhook", "Fire a Transfer webhook",
                    "Plaid posts TRANSFER_EVENTS_UPDATE to the URL: the app should call /transfer/event/sync. On the emulator "
                            + "the URL also becomes the Transfer webhook later transfers report to.",
                    """
                    {"webhook": "${inbox}"}""", "TRANSFER"),
            sim("Transfers", "/sandbox/transfer/sweep/simulate", "Sweep the transfers",
                    "Moves the money of settled transfers to or from the business's account, as the daily sweep does.",
                    """
                    {"webhook": "${inbox}"}""", "TRANSFER"),
            sim("Transfers", "/sandbox/transfer/ledger/simulate_available", "Make pending ledger money available",
                    "Settled debits and deposits become available in the Plaid Ledger, as when their hold ends.",
                    """
                    {"webhook": "${inbox}"}""", "TRANSFER"),
            sim("Transfers", "/sandbox/transfer/ledger/deposit/simulate", "Move a ledger deposit to its next status",
                    "A deposit into the Plaid Ledger posts, settles, fails or is returned.",
                    """
                    {"event_type": "sweep.posted"}""", "TRANSFER"),
            sim("Transfers", "/sandbox/transfer/ledger/withdraw/simulate", "Move a ledger withdrawal to its next status",
                    "A withdrawal from the Plaid Ledger posts, settles, fails or is returned.",
                    """
                    {"event_type": "sweep.posted"}""", "TRANSFER"),
            sim("Transfers", "/sandbox/transfer/repayment/simulate", "Repay guaranteed returns",
                    "Plaid repays the returned transfers it guaranteed.", null, "TRANSFER"),
            sim("Transfers", "/sandbox/transfer/test_clock/create", "Create a test clock",
                    "A clock for recurring transfers that moves only when told to.", null),
            sim("Transfers", "/sandbox/transfer/test_clock/advance", "Advance a test clock",
                    "Moves the clock forward (never back): recurring transfers on it originate as if the time had passed.", null,
                    "TRANSFER"),
            sim("Transfers", "/sandbox/transfer/test_clock/get", "Look at a test clock", "", null),
            sim("Transfers", "/sandbox/transfer/test_clock/list", "List test clocks", "", null),
            sim("Transfers", "/sandbox/payment_profile/reset_login", "Make a payment profile need a new login",
                    "The payment profile's Item goes into ITEM_LOGIN_REQUIRED.", null),
            // Bank transfers (legacy)
            sim("Bank transfers", "/sandbox/bank_transfer/simulate", "Move a bank transfer to its next status",
                    "Bank Transfers (the older product): posted, failed or reversed.",
                    """
                    {"event_type": "posted"}""", "BANK_TRANSFERS"),
            sim("Bank transfers", "/sandbox/bank_transfer/fire_webhook", "Fire a Bank Transfers webhook",
                    "Plaid posts BANK_TRANSFERS_EVENTS_UPDATE to the URL.",
                    """
                    {"webhook": "${inbox}"}""", "BANK_TRANSFERS"),
            // Watchlist
            sim("Watchlist", "/watchlist_screening/individual/create", "Screen a person on a sanctions list",
                    "Sandbox screens against real lists: a sanctioned name comes back with hits, pending review. Needs Monitor "
                            + "in Sandbox and a program id (/watchlist_screening/individual/program/list).",
                    """
                    {"search_terms": {"legal_name": "Joseph Kony", "date_of_birth": "1964-09-18", "country": "CF"}}"""),
            sim("Watchlist", "/watchlist_screening/entity/create", "Screen a sanctioned company",
                    "As for people: a listed company comes back with hits, pending review.",
                    """
                    {"search_terms": {"legal_name": "Iran Mobin Electronic Development Company", "country": "IR"}}"""),
            // Assets
            sim("Assets", "/asset_report/create", "Create an asset report",
                    "Plaid starts building the report and posts PRODUCT_READY (or ERROR) to the webhook when it is done; "
                            + "until then /asset_report/get answers PRODUCT_NOT_READY.",
                    """
                    {"days_requested": 30, "options": {"webhook": "${inbox}"}}"""),
            new Simulation("/sandbox/item/fire_webhook#assets", "Assets", "Announce an asset report ready",
                    "Fires the Assets PRODUCT_READY webhook for an Item, without building a report.", "/sandbox/item/fire_webhook",
                    json("""
                    {"webhook_type": "ASSETS", "webhook_code": "PRODUCT_READY"}"""), List.of()),
            // Income
            sim("Income", "/sandbox/income/fire_webhook", "Fire an Income webhook",
                    "Plaid posts INCOME_VERIFICATION (with the chosen status) or INCOME_VERIFICATION_RISK_SIGNALS to the URL.",
                    """
                    {"webhook": "${inbox}", "webhook_code": "INCOME_VERIFICATION",
                     "verification_status": "VERIFICATION_STATUS_PROCESSING_COMPLETE"}""", "INCOME"),
            sim("Income", "/sandbox/bank_income/fire_webhook", "Fire a Bank Income webhook",
                    "Plaid posts BANK_INCOME_REFRESH_UPDATE or BANK_INCOME_REFRESH_COMPLETE for the user.",
                    """
                    {"webhook_override": "${inbox}", "webhook_code": "BANK_INCOME_REFRESH_COMPLETE"}""", "INCOME"),
            // Consumer Report
            sim("Consumer Report", "/sandbox/cra/cashflow_updates/update", "Trigger Cash Flow Updates",
                    "Plaid re-checks the user's cash flow and sends the insight webhooks asked for.", null, "CRA_MONITORING"),
            // Payment Initiation
            sim("Payment Initiation", "/sandbox/payment/simulate", "Set a payment's status",
                    "The payment (UK and Europe) moves to the status; Plaid posts PAYMENT_STATUS_UPDATE to the webhook.",
                    """
                    {"status": "PAYMENT_STATUS_EXECUTED", "webhook": "${inbox}"}""", "PAYMENT_INITIATION"));

    private SandboxCatalog() {
    }

    private static Simulation sim(String product, String path, String title, String what, String defaults, String... webhookTypes) {
        return new Simulation(path, product, title, what, path, defaults == null ? null : json(defaults), List.of(webhookTypes));
    }

    private static ObjectNode json(String text) {
        try {
            return (ObjectNode) PlaidJson.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A simulation's defaults are not JSON: " + text, e);
        }
    }

    /**
     * The simulations for a catalog: the known ones whose operation it has, then every other
     * {@code /sandbox/*} operation under its product; grouped by product in {@link #PRODUCTS} order.
     */
    static List<Simulation> simulations(List<Operation> operations) {
        Map<String, Operation> byPath = new LinkedHashMap<>();
        operations.forEach(op -> byPath.put(op.path(), op));
        List<Simulation> all = new ArrayList<>();
        for (Simulation known : KNOWN) {
            if (byPath.containsKey(known.path())) {
                all.add(known);
            }
        }
        Set<String> covered = new java.util.HashSet<>();
        KNOWN.forEach(s -> covered.add(s.path()));
        for (Operation op : operations) {
            if (op.path().startsWith("/sandbox/") && !covered.contains(op.path())) {
                all.add(new Simulation(op.path(), productOf(op.path()), op.summary().isBlank() ? op.path() : op.summary(), "",
                        op.path(), null, List.of()));
            }
        }
        List<Simulation> sorted = new ArrayList<>(all);
        sorted.sort(Comparator.comparing((Simulation s) -> productRank(s.product())).thenComparing(Simulation::product)
                .thenComparing(s -> all.indexOf(s)));
        return sorted;
    }

    private static int productRank(String product) {
        int rank = PRODUCTS.indexOf(product);
        return rank < 0 ? PRODUCTS.size() : rank;
    }

    /** The product a {@code /sandbox/*} path belongs to. */
    static String productOf(String path) {
        String rest = path.startsWith("/sandbox/") ? path.substring("/sandbox/".length()) : path.substring(1);
        String first = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
        return switch (first) {
            case "item", "public_token", "user", "oauth" -> "Items";
            case "transactions" -> "Transactions";
            case "processor_token" -> "Processor";
            case "transfer", "payment_profile" -> "Transfers";
            case "bank_transfer" -> "Bank transfers";
            case "income", "bank_income" -> "Income";
            case "cra" -> "Consumer Report";
            case "payment" -> "Payment Initiation";
            case "watchlist_screening" -> "Watchlist";
            case "asset_report" -> "Assets";
            default -> first.isEmpty() ? "Other" : Character.toUpperCase(first.charAt(0)) + first.substring(1).replace('_', ' ');
        };
    }

    /**
     * What the documentation offers for a field of an operation, with meanings: for an enum, every
     * allowed value (the documented ones first, with theirs); else the documented values, if any.
     */
    static List<Choice> choicesFor(String path, RequestField field) {
        List<Choice> documented = documented(path, field);
        if (field.allowed().isEmpty()) {
            return documented;
        }
        List<Choice> choices = new ArrayList<>();
        for (Choice choice : documented) {
            if (field.allowed().contains(choice.value())) {
                choices.add(choice);
            }
        }
        for (String value : field.allowed()) {
            if (choices.stream().noneMatch(c -> c.value().equals(value))) {
                choices.add(new Choice(value, ""));
            }
        }
        return choices;
    }

    private static List<Choice> documented(String path, RequestField field) {
        String name = field.name();
        return switch (name) {
            case "override_username" -> SandboxFacts.testUsers();
            case "override_password" -> SandboxFacts.passwords();
            case "institution_id" -> SandboxFacts.institutions();
            case "ach_return_code" -> SignalExplanations.returnCodes().stream()
                    .map(code -> new Choice(code.code(), code.description())).toList();
            case "webhook_code" -> path.equals("/sandbox/item/fire_webhook") ? SandboxFacts.itemWebhookCodes() : List.of();
            case "verification_status" -> path.equals("/sandbox/item/set_verification_status") ? SandboxFacts.verificationStatuses() : List.of();
            case "event_type" -> switch (path) {
                case "/sandbox/transfer/simulate" -> SandboxFacts.transferEvents();
                case "/sandbox/transfer/refund/simulate" -> SandboxFacts.refundEvents();
                case "/sandbox/bank_transfer/simulate" -> SandboxFacts.bankTransferEvents();
                default -> List.of();
            };
            case "status" -> path.equals("/sandbox/payment/simulate") ? SandboxFacts.paymentStatuses() : List.of();
            case "legal_name" -> switch (path) {
                case "/watchlist_screening/individual/create" -> SandboxFacts.watchlistPeople();
                case "/watchlist_screening/entity/create" -> SandboxFacts.watchlistEntities();
                default -> List.of();
            };
            default -> List.of();
        };
    }
}
