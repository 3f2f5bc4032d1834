package dev.tartan.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What Plaid's Sandbox documentation says a simulation can be given, in Tartan's words: the test
 * users and passwords, the Sandbox institutions, what each webhook code and status means, the names
 * that hit a watchlist. Forms offer them as choices; anything else can still be typed.
 */
public final class SandboxFacts {

    /** A value a field can take, and what it makes Sandbox do. */
    public record Choice(String value, String meaning) {
    }

    public static final String USER_CUSTOM = "user_custom";

    /** A custom user that starts from Plaid's documented shape: one checking account with two transactions. */
    public static final String USER_CUSTOM_TEMPLATE = """
            {
              "override_accounts": [
                {
                  "type": "depository",
                  "subtype": "checking",
                  "starting_balance": 1250.00,
                  "meta": { "name": "Custom Checking" },
                  "transactions": [
                    { "date_transacted": "2024-01-10", "date_posted": "2024-01-11", "amount": 42.50,
                      "description": "Corner Bakery", "currency": "USD" },
                    { "date_transacted": "2024-01-12", "date_posted": "2024-01-12", "amount": -1500.00,
                      "description": "Payroll", "currency": "USD" }
                  ]
                }
              ]
            }""";

    private static final Set<String> USER_CUSTOM_FIELDS = Set.of("seed", "override_accounts", "force_error", "recaptcha", "mfa");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final List<Choice> TEST_USERS = List.of(
            new Choice("user_good", "the standard accounts; works with every institution"),
            new Choice(USER_CUSTOM, "accounts, balances and transactions you describe in JSON (the password)"),
            new Choice("user_transactions_dynamic", "realistic transactions; each /transactions/refresh posts pending ones and adds new ones"),
            new Choice("user_ewa_user", "transactions of an earned-wage-access user"),
            new Choice("user_yuppie", "transactions of a young professional"),
            new Choice("user_small_business", "transactions of a small business"),
            new Choice("user_bank_income", "many kinds of income streams (password {})"),
            new Choice("user_credit_bonus", "two salaries, one paying bonuses separately"),
            new Choice("user_credit_joint_account", "two salaries and two owners on the account"),
            new Choice("user_credit_profile_poor", "money going out faster than it comes in, no steady income"),
            new Choice("user_credit_profile_good", "balanced cash flow from several gig incomes"),
            new Choice("user_credit_profile_excellent", "a high salary and rental income"),
            new Choice("user_prism_1", "steady Partner Insights values (user_prism_1 to user_prism_8)"),
            new Choice("user_transactions_100000", "emulator only: the standard accounts with 100,000 transactions"));

    /** The errors a user_good Item can be made to fail with at creation (password error_CODE). */
    private static final List<String> CREATION_ERRORS = List.of(
            "COUNTRY_NOT_SUPPORTED", "INSTITUTION_DOWN", "INSTITUTION_NOT_RESPONDING", "INSTITUTION_NO_LONGER_SUPPORTED",
            "INSUFFICIENT_CREDENTIALS", "INTERNAL_SERVER_ERROR", "INVALID_CREDENTIALS", "INVALID_MFA", "INVALID_SEND_METHOD",
            "ITEM_LOCKED", "ITEM_NOT_SUPPORTED", "MFA_NOT_SUPPORTED", "NO_ACCOUNTS", "PAYMENT_INVALID_RECIPIENT",
            "USER_INPUT_TIMEOUT", "USER_SETUP_REQUIRED");

    private static final List<Choice> INSTITUTIONS = List.of(
            new Choice("ins_109508", "First Platypus Bank: no OAuth, takes every test user"),
            new Choice("ins_130016", "First Platypus Balance Bank: no OAuth"),
            new Choice("ins_109509", "First Gingham Credit Union: no OAuth"),
            new Choice("ins_109510", "Tattersall Federal Credit Union: no OAuth"),
            new Choice("ins_109511", "Tartan Bank: no OAuth"),
            new Choice("ins_109512", "Houndstooth Bank: Instant Match, automated micro-deposits"),
            new Choice("ins_135858", "Windowpane Bank: instant micro-deposits"),
            new Choice("ins_43", "Tartan-Dominion Bank of Canada"),
            new Choice("ins_116834", "Flexible Platypus Open Banking (UK)"),
            new Choice("ins_117650", "Royal Bank of Plaid (UK)"),
            new Choice("ins_127287", "Platypus OAuth Bank: the OAuth flow"),
            new Choice("ins_132241", "First Platypus OAuth App2App Bank"),
            new Choice("ins_132363", "Unhealthy Platypus Bank: degraded"),
            new Choice("ins_132361", "Unhealthy Platypus Bank: down"),
            new Choice("ins_133402", "Unsupported Platypus Bank: institution not supported"));

    private static final List<Choice> ITEM_WEBHOOK_CODES = List.of(
            new Choice("SYNC_UPDATES_AVAILABLE", "transactions changed: call /transactions/sync"),
            new Choice("DEFAULT_UPDATE", "new data for a product (transactions by default; webhook_type says which)"),
            new Choice("NEW_ACCOUNTS_AVAILABLE", "the user has accounts they have not shared yet: offer update mode"),
            new Choice("PENDING_DISCONNECT", "the Item will stop working soon unless the user acts"),
            new Choice("USER_PERMISSION_REVOKED", "the user withdrew the app's access to the Item"),
            new Choice("USER_ACCOUNT_REVOKED", "the user withdrew access to one account"),
            new Choice("LOGIN_REPAIRED", "the Item works again without update mode"),
            new Choice("ERROR", "the Item went into an error (ITEM_LOGIN_REQUIRED, say)"),
            new Choice("RECURRING_TRANSACTIONS_UPDATE", "recurring streams changed: call /transactions/recurring/get"),
            new Choice("SMS_MICRODEPOSITS_VERIFICATION", "the user answered the micro-deposit text message"),
            new Choice("AUTHORIZATION_GRANTED", "the user granted access at an OAuth institution"),
            new Choice("PRODUCT_READY", "an asset report is ready to fetch (Assets)"));

    private static final List<Choice> VERIFICATION_STATUSES = List.of(
            new Choice("automatically_verified", "the automated micro-deposits went through: the account's numbers are usable"),
            new Choice("verification_expired", "Plaid could not verify the account in time: start again"));

    private static final List<Choice> TRANSFER_EVENTS = List.of(
            new Choice("posted", "the bank has the transfer (from pending)"),
            new Choice("settled", "the money moved (from posted)"),
            new Choice("funds_available", "the money can be used (ACH debits, from settled)"),
            new Choice("failed", "the transfer failed before posting (from pending)"),
            new Choice("returned", "the bank sent it back (from posted or later); give an ACH return code"));

    private static final List<Choice> REFUND_EVENTS = List.of(
            new Choice("posted", "the bank has the refund"),
            new Choice("settled", "the refund reached the customer"),
            new Choice("failed", "the refund failed before posting"),
            new Choice("returned", "the customer's bank sent the refund back"));

    private static final List<Choice> BANK_TRANSFER_EVENTS = List.of(
            new Choice("posted", "the bank has the transfer"),
            new Choice("failed", "the transfer failed"),
            new Choice("reversed", "the transfer was reversed after posting"));

    private static final List<Choice> PAYMENT_STATUSES = List.of(
            new Choice("PAYMENT_STATUS_INITIATED", "the bank accepted the payment"),
            new Choice("PAYMENT_STATUS_EXECUTED", "the money left the payer's account"),
            new Choice("PAYMENT_STATUS_SETTLED", "the money reached a virtual account"),
            new Choice("PAYMENT_STATUS_INSUFFICIENT_FUNDS", "the payer had too little money"),
            new Choice("PAYMENT_STATUS_FAILED", "the payment failed"),
            new Choice("PAYMENT_STATUS_CANCELLED", "the payment was cancelled"),
            new Choice("PAYMENT_STATUS_REJECTED", "the bank rejected the payment"));

    private static final List<Choice> SANCTIONED_PEOPLE = List.of(
            new Choice("Joseph Kony", "on real sanctions lists (born 1964-09-18, CF): the screening waits for review"),
            new Choice("Jianshu Zhou", "on real sanctions lists (born 1971-07-15, CN, document E09598913)"),
            new Choice("Ermias Ghermay", "on real sanctions lists (born in 1980, LY)"),
            new Choice("Leslie Knope", "Identity Verification's test person: expect no hits"));

    private static final List<Choice> SANCTIONED_ENTITIES = List.of(
            new Choice("Iran Mobin Electronic Development Company", "on real sanctions lists (IR, document 10103492170)"),
            new Choice("Islamic Radio And Television Union", "on real sanctions lists (AF)"));

    private SandboxFacts() {
    }

    /** The Sandbox test users. */
    public static List<Choice> testUsers() {
        return TEST_USERS;
    }

    /** The passwords that make a test user behave differently (MFA, micro-deposits, an error at creation). */
    public static List<Choice> passwords() {
        List<Choice> passwords = new ArrayList<>(List.of(
                new Choice("pass_good", "logs in at once"),
                new Choice("mfa_device", "asks for a device code (1234)"),
                new Choice("mfa_questions_1_1", "asks one security question (answer_0_0)"),
                new Choice("mfa_selections", "asks the user to pick an answer (Yes)"),
                new Choice("microdeposits_good", "an account waiting for automated micro-deposits (Houndstooth Bank)")));
        CREATION_ERRORS.forEach(code -> passwords.add(new Choice("error_" + code, "creation fails with " + code)));
        return List.copyOf(passwords);
    }

    public static List<Choice> institutions() {
        return INSTITUTIONS;
    }

    /** The codes /sandbox/item/fire_webhook can send, and what each tells the app. */
    public static List<Choice> itemWebhookCodes() {
        return ITEM_WEBHOOK_CODES;
    }

    public static List<Choice> verificationStatuses() {
        return VERIFICATION_STATUSES;
    }

    public static List<Choice> transferEvents() {
        return TRANSFER_EVENTS;
    }

    public static List<Choice> refundEvents() {
        return REFUND_EVENTS;
    }

    public static List<Choice> bankTransferEvents() {
        return BANK_TRANSFER_EVENTS;
    }

    public static List<Choice> paymentStatuses() {
        return PAYMENT_STATUSES;
    }

    /** Names that hit a watchlist in Sandbox (it screens against real lists), and one that does not. */
    public static List<Choice> watchlistPeople() {
        return SANCTIONED_PEOPLE;
    }

    public static List<Choice> watchlistEntities() {
        return SANCTIONED_ENTITIES;
    }

    /** The meaning of {@code value} among {@code choices}, or null. */
    public static String meaningOf(List<Choice> choices, String value) {
        return choices.stream().filter(c -> c.value().equals(value)).map(Choice::meaning).findFirst().orElse(null);
    }

    /** Why a user_custom configuration would be refused, or null when it looks right. */
    public static String userCustomProblem(String text) {
        JsonNode config;
        try {
            config = JSON.readTree(text == null ? "" : text);
        } catch (JsonProcessingException e) {
            return "The user_custom configuration is not valid JSON (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + "): " + e.getOriginalMessage();
        }
        if (config == null || !config.isObject()) {
            return "The user_custom configuration must be a JSON object.";
        }
        for (var names = config.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!USER_CUSTOM_FIELDS.contains(name)) {
                return "user_custom has no field \"" + name + "\" (it knows " + String.join(", ", USER_CUSTOM_FIELDS.stream().sorted().toList()) + ").";
            }
        }
        JsonNode accounts = config.path("override_accounts");
        if (!accounts.isMissingNode() && !accounts.isArray()) {
            return "override_accounts must be a list of accounts.";
        }
        for (int i = 0; i < accounts.size(); i++) {
            JsonNode account = accounts.get(i);
            if (!account.hasNonNull("type") || !account.hasNonNull("subtype")) {
                return "override_accounts[" + i + "] needs a type and a subtype (e.g. depository / checking).";
            }
        }
        return null;
    }

    /** A user_custom configuration on one line, as the password field carries it; the text itself if it is not JSON. */
    public static String compactJson(String json) {
        try {
            return JSON.readTree(json).toString();
        } catch (JsonProcessingException e) {
            return json;
        }
    }
}
