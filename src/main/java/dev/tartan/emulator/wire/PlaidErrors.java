package dev.tartan.emulator.wire;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The Plaid errors the emulator produces, each with its error_type, HTTP status and usual message
 * (see the errors pages of Plaid's docs). {@link #byCode} also serves the sandbox's
 * {@code error_<CODE>} passwords and {@code force_error} settings.
 */
public final class PlaidErrors {
    private static final Map<String, Definition> BY_CODE = new HashMap<>();

    private record Definition(String type, int status, String message, String displayMessage) {
    }

    private static final String ITEM = "ITEM_ERROR";
    private static final String INSTITUTION = "INSTITUTION_ERROR";
    private static final String INPUT = "INVALID_INPUT";
    private static final String REQUEST = "INVALID_REQUEST";

    static {
        define(REQUEST, "MISSING_FIELDS", 400, "the following required fields are missing", null);
        define(REQUEST, "UNKNOWN_FIELDS", 400, "the following fields are not recognized by this endpoint", null);
        define(REQUEST, "INVALID_FIELD", 400, "a field of the request is invalid", null);
        define(REQUEST, "INVALID_BODY", 400, "body could not be parsed as JSON", null);
        define(REQUEST, "INVALID_HEADERS", 400, "the request is missing a required header", null);
        define(REQUEST, "NOT_FOUND", 404, "not found", null);
        define(REQUEST, "COUNTRY_NOT_SUPPORTED", 400, "the institution does not support the requested country", null);

        define(INPUT, "INVALID_API_KEYS", 400, "invalid client_id or secret provided", null);
        define(INPUT, "INVALID_ACCESS_TOKEN", 400, "could not find matching access token", null);
        define(INPUT, "INVALID_PUBLIC_TOKEN", 400, "could not find matching public token", null);
        define(INPUT, "INVALID_LINK_TOKEN", 400, "invalid link_token provided", null);
        define(INPUT, "INVALID_PROCESSOR_TOKEN", 400, "could not find matching processor token", null);
        define(INPUT, "INVALID_INSTITUTION", 400, "invalid institution_id provided", null);
        define(INPUT, "INVALID_PRODUCT", 400, "client is not authorized to access the requested product", null);
        define(INPUT, "INVALID_ACCOUNT_ID", 400, "failed to find requested account ID for requested item", null);
        define(INPUT, "INVALID_WEBHOOK_VERIFICATION_KEY_ID", 400,
                "invalid key_id provided. note that key_ids are specific to Plaid environments", null);

        define(ITEM, "ITEM_LOGIN_REQUIRED", 400, "the login details of this item have changed (credentials, MFA, or required user action)"
                + " and a user login is required to update this information. use Link's update mode to restore the item to a good state",
                "The login details for this account have changed. Please log in again.");
        define(ITEM, "ITEM_NOT_FOUND", 400, "The Item you requested cannot be found. This Item does not exist, has been previously"
                + " removed via /item/remove, or has had access removed by the user.", null);
        define(ITEM, "ITEM_LOCKED", 400, "the account is locked. prompt the user to visit the institution's site and unlock their account",
                "This account is locked by the bank. Unlock it on the bank's website, then try again.");
        define(ITEM, "INVALID_CREDENTIALS", 400, "the provided credentials were not correct",
                "The username or password is not correct. Please try again.");
        define(ITEM, "INVALID_MFA", 400, "the provided MFA response(s) were not correct",
                "The security answers were not correct. Please try again.");
        define(ITEM, "INVALID_SEND_METHOD", 400, "the provided MFA send_method was invalid", null);
        define(ITEM, "INSUFFICIENT_CREDENTIALS", 400, "insufficient authorization was provided to complete the request", null);
        define(ITEM, "ITEM_NOT_SUPPORTED", 400, "this account is currently not supported",
                "This account is not supported at this bank yet.");
        define(ITEM, "MFA_NOT_SUPPORTED", 400, "this account requires a MFA type that we do not currently support for the institution",
                "This account's security check is not supported yet.");
        define(ITEM, "NO_ACCOUNTS", 400, "no valid accounts were found for this item",
                "No usable accounts were found at this bank.");
        define(ITEM, "NO_AUTH_ACCOUNTS", 400, "There are no valid checking or savings account(s) associated with this Item.", null);
        define(ITEM, "NO_INVESTMENT_ACCOUNTS", 400, "There are no valid investment account(s) associated with this Item.", null);
        define(ITEM, "NO_LIABILITY_ACCOUNTS", 400, "There are no valid liability account(s) associated with this Item.", null);
        define(ITEM, "PRODUCT_NOT_READY", 400, "the requested product is not yet ready. please provide a webhook or try the request again later", null);
        define(ITEM, "PRODUCTS_NOT_SUPPORTED", 400, "the institution does not support the requested products", null);
        define(ITEM, "PASSWORD_RESET_REQUIRED", 400, "user must reset their password", "Please reset your password at your bank, then try again.");
        define(ITEM, "USER_SETUP_REQUIRED", 400, "the account has not been fully set up. prompt the user to visit the issuing institution's site"
                + " and finish the setup process", "This account is not fully set up. Finish setting it up on the bank's website.");
        define(ITEM, "USER_INPUT_TIMEOUT", 400, "user must retry this operation", "The session timed out waiting for input.");
        define(ITEM, "ACCESS_NOT_GRANTED", 400, "access to this product was not granted for the account", null);
        define(ITEM, "INVALID_PHONE_NUMBER", 400, "the provided phone number was invalid", null);
        define(ITEM, "INVALID_OTP", 400, "the provided OTP was invalid", null);

        String institutionBusy = "this institution is not currently responding to this request. please try again soon";
        define(INSTITUTION, "INSTITUTION_DOWN", 400, institutionBusy, "This bank is not available right now. Please try again later.");
        define(INSTITUTION, "INSTITUTION_NOT_RESPONDING", 400, institutionBusy, "This bank is not responding. Please try again later.");
        define(INSTITUTION, "INSTITUTION_NOT_AVAILABLE", 400, institutionBusy, "This bank is not available right now.");
        define(INSTITUTION, "INSTITUTION_NO_LONGER_SUPPORTED", 400, "this institution is no longer supported",
                "This bank is no longer supported.");

        define("API_ERROR", "INTERNAL_SERVER_ERROR", 500, "an unexpected error occurred", null);
        define("API_ERROR", "PLANNED_MAINTENANCE", 503, "the Plaid API is temporarily unavailable due to planned maintenance", null);
        define("RATE_LIMIT_EXCEEDED", "RATE_LIMIT", 429, "rate limit exceeded for attempts to access this item. please try again later", null);
        define("TRANSACTIONS_ERROR", "TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION", 400,
                "Underlying transaction data changed since last page was fetched. Please restart pagination from last update.", null);
        define("SANDBOX_ERROR", "SANDBOX_PRODUCT_NOT_ENABLED", 400, "the requested product is not enabled on this item", null);
        define("SANDBOX_ERROR", "SANDBOX_WEBHOOK_INVALID", 400,
                "Webhook for this item is either not set up, or invalid. Please update the item's webhook and try again.", null);
        define("SIGNAL_ERROR", "CLIENT_TRANSACTION_ID_ALREADY_IN_USE", 400,
                "Client transaction id has already been used in a different transaction", null);
        define("SIGNAL_ERROR", "SIGNAL_TRANSACTION_NOT_INITIATED", 400,
                "Transactions previously reported as not initiated cannot be reported as returned", null);
        define("RECAPTCHA_ERROR", "RECAPTCHA_BAD", 400, "The provided challenge response was denied. Please try again", null);
        define("PAYMENT_ERROR", "PAYMENT_INVALID_RECIPIENT", 400, "payment recipient invalid", null);
    }

    private PlaidErrors() {
    }

    private static void define(String type, String code, int status, String message, String displayMessage) {
        BY_CODE.put(code, new Definition(type, status, message, displayMessage));
    }

    /** The error with this code and its usual message. Fails for codes the emulator does not know. */
    public static ApiException of(String code) {
        return byCode(code).orElseThrow(() -> new IllegalArgumentException("unknown Plaid error code " + code));
    }

    /** The error with this code and a specific message. */
    public static ApiException of(String code, String message) {
        return of(code).withMessage(message);
    }

    /** The error with this code, if the emulator knows it (codes are matched case-insensitively). */
    public static Optional<ApiException> byCode(String code) {
        Definition definition = BY_CODE.get(code.toUpperCase(Locale.ROOT));
        if (definition == null) {
            return Optional.empty();
        }
        return Optional.of(new ApiException(definition.type(), code.toUpperCase(Locale.ROOT), definition.message(),
                definition.displayMessage(), definition.status()));
    }

    public static ApiException invalidField(String message) {
        return of("INVALID_FIELD", message);
    }

    public static ApiException rateLimited(String path) {
        return of("RATE_LIMIT").withCode(rateLimitCode(path));
    }

    /** Plaid names most rate-limit errors after the endpoint. */
    static String rateLimitCode(String path) {
        return switch (path) {
            case "/accounts/get" -> "ACCOUNTS_LIMIT";
            case "/accounts/balance/get" -> "ACCOUNTS_BALANCE_GET_LIMIT";
            case "/auth/get" -> "AUTH_LIMIT";
            case "/identity/get" -> "IDENTITY_LIMIT";
            case "/institutions/get" -> "INSTITUTIONS_GET_LIMIT";
            case "/institutions/get_by_id" -> "INSTITUTIONS_GET_BY_ID_LIMIT";
            case "/item/get" -> "ITEM_GET_LIMIT";
            case "/investments/holdings/get" -> "INVESTMENT_HOLDINGS_GET_LIMIT";
            case "/investments/transactions/get" -> "INVESTMENT_TRANSACTIONS_LIMIT";
            case "/transactions/get" -> "TRANSACTIONS_LIMIT";
            case "/transactions/sync" -> "TRANSACTIONS_SYNC_LIMIT";
            case "/transactions/refresh" -> "TRANSACTIONS_REFRESH_LIMIT";
            default -> "RATE_LIMIT";
        };
    }
}
