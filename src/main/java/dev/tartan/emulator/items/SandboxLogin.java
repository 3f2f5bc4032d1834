package dev.tartan.emulator.items;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tartan.emulator.support.Json;
import dev.tartan.emulator.wire.ApiException;
import dev.tartan.emulator.wire.PlaidErrors;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a Sandbox username and password ask for, following Plaid's test credentials:
 * <ul>
 *   <li>{@code user_good} / {@code pass_good}: the standard accounts; the MFA passwords
 *       ({@code mfa_device}, {@code mfa_questions_*}, {@code mfa_selections*}) and {@code microdeposits_good}
 *       are accepted too, the latter creating an Item awaiting automated micro-deposit verification;</li>
 *   <li>any username with password {@code error_<CODE>}: Item creation fails with that error;</li>
 *   <li>{@code user_custom} with a JSON configuration as password (accounts, balances, transactions,
 *       identity, liabilities, holdings, {@code force_error}, ...);</li>
 *   <li>{@code user_transactions_<N>} (emulator extension), any password: the standard accounts with
 *       N generated transactions, N up to {@value #MAX_GENERATED_TRANSACTIONS}, for load tests;</li>
 *   <li>other {@code user_*} test users (user_transactions_dynamic, personas, credit users), any password.</li>
 * </ul>
 *
 * @param username              the username used
 * @param customConfig          the user_custom configuration, or null
 * @param generatedTransactions transactions to generate, or null for the default
 * @param microdeposits         whether the Item awaits automated micro-deposit verification
 */
record SandboxLogin(String username, JsonNode customConfig, Long generatedTransactions, boolean microdeposits) {
    static final long MAX_GENERATED_TRANSACTIONS = 1_000_000;
    private static final int MAX_CUSTOM_ACCOUNTS = 10;
    private static final Pattern GENERATED = Pattern.compile("user_transactions_(\\d+)");
    private static final Pattern MFA_PASSWORD = Pattern.compile("mfa_device|mfa_questions_\\d+_\\d+|mfa_selections(_\\d+_\\d+_\\d+)?");

    static SandboxLogin parse(String username, String password) {
        String user = username == null || username.isBlank() ? "user_good" : username.trim();
        String pass = password == null ? "pass_good" : password;
        if (pass.startsWith("error_")) {
            String code = pass.substring("error_".length());
            throw PlaidErrors.byCode(code).orElseGet(() -> PlaidErrors.of("INVALID_CREDENTIALS"));
        }
        if (user.equals("user_custom")) {
            return custom(pass);
        }
        Matcher generated = GENERATED.matcher(user);
        if (generated.matches()) {
            return new SandboxLogin(user, null, generatedCount(generated.group(1)), false);
        }
        if (user.equals("user_good")) {
            if (pass.equals("pass_good") || MFA_PASSWORD.matcher(pass).matches() || isGoodRecaptcha(pass)) {
                return new SandboxLogin(user, null, null, false);
            }
            if (pass.equals("microdeposits_good")) {
                return new SandboxLogin(user, null, null, true);
            }
            if (pass.contains("\"bad\"") && pass.contains("recaptcha")) {
                throw PlaidErrors.of("RECAPTCHA_BAD");
            }
            throw PlaidErrors.of("INVALID_CREDENTIALS");
        }
        if (user.startsWith("user_") && !pass.isBlank()) {
            return new SandboxLogin(user, null, null, false);
        }
        throw PlaidErrors.of("INVALID_CREDENTIALS");
    }

    private static void checkDate(JsonNode transaction, String field) {
        JsonNode value = transaction.get(field);
        if (value == null || !value.isTextual()) {
            throw PlaidErrors.invalidField("user_custom transactions need " + field + " as a YYYY-MM-DD date");
        }
        try {
            LocalDate.parse(value.asText());
        } catch (DateTimeParseException e) {
            throw PlaidErrors.invalidField("user_custom transaction " + field + " '" + value.asText() + "' is not a YYYY-MM-DD date");
        }
    }

    private static long generatedCount(String digits) {
        long count;
        try {
            count = Long.parseLong(digits);
        } catch (NumberFormatException e) {
            count = Long.MAX_VALUE;
        }
        if (count < 1 || count > MAX_GENERATED_TRANSACTIONS) {
            throw PlaidErrors.invalidField("options.override_username user_transactions_<N> takes N from 1 to "
                    + MAX_GENERATED_TRANSACTIONS + " (got " + digits + ")");
        }
        return count;
    }

    private static boolean isGoodRecaptcha(String password) {
        return password.contains("recaptcha") && password.contains("\"good\"");
    }

    private static SandboxLogin custom(String password) {
        JsonNode config;
        try {
            config = Json.MAPPER.readTree(password.isBlank() ? "{}" : password);
        } catch (JsonProcessingException e) {
            throw PlaidErrors.invalidField("options.override_password must be a JSON configuration object for user_custom: "
                    + e.getOriginalMessage());
        }
        if (config == null || !config.isObject()) {
            throw PlaidErrors.invalidField("options.override_password must be a JSON configuration object for user_custom");
        }
        String forced = config.path("force_error").asText("");
        if (!forced.isEmpty()) {
            ApiException error = PlaidErrors.byCode(forced).orElseThrow(() -> PlaidErrors.invalidField(
                    "user_custom force_error '" + forced + "' is not an error code the Sandbox can simulate"));
            throw error;
        }
        if ("bad".equals(config.path("recaptcha").asText())) {
            throw PlaidErrors.of("RECAPTCHA_BAD");
        }
        JsonNode accounts = config.path("override_accounts");
        if (!accounts.isMissingNode() && !accounts.isArray()) {
            throw PlaidErrors.invalidField("user_custom override_accounts must be an array of accounts");
        }
        if (accounts.size() > MAX_CUSTOM_ACCOUNTS) {
            throw PlaidErrors.invalidField("user_custom supports at most " + MAX_CUSTOM_ACCOUNTS + " accounts (got "
                    + accounts.size() + ")");
        }
        for (JsonNode account : accounts) {
            String type = account.path("type").asText("");
            if (!type.isEmpty() && !ItemFactory.ACCOUNT_TYPES.contains(type)) {
                throw PlaidErrors.invalidField("user_custom account type '" + type + "' is not one of "
                        + String.join(", ", ItemFactory.ACCOUNT_TYPES));
            }
            for (JsonNode transaction : account.path("transactions")) {
                checkDate(transaction, "date_posted");
                checkDate(transaction, "date_transacted");
            }
        }
        return new SandboxLogin("user_custom", config, null, false);
    }
}
