package dev.tartan.emulator.assets;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.tartan.emulator.wire.ApiException;
import dev.tartan.emulator.wire.PlaidErrors;

/**
 * The errors of Plaid's Assets pages (ASSET_REPORT_ERROR) and of the tokens Assets issues. Every message names
 * the request field it is about; none carries a token.
 */
final class AssetErrors {
    private static final String ASSET_REPORT_ERROR = "ASSET_REPORT_ERROR";
    private static final String INVALID_INPUT = "INVALID_INPUT";

    private AssetErrors() {
    }

    private static ApiException assets(String code, String message) {
        return new ApiException(ASSET_REPORT_ERROR, code, message, null, 400);
    }

    /** A token that is not an asset report token the emulator issued, or whose report was removed. */
    static ApiException invalidToken(String field) {
        return new ApiException(INVALID_INPUT, "INVALID_ASSET_REPORT_TOKEN", field
                + ": could not find matching asset report token (it was never issued, or its report was removed)", null, 400);
    }

    /**
     * A report asked for without a token: the spec lets /asset_report/get name a report by user_token instead,
     * and lets /asset_report/create leave access_tokens out (for reports on a Plaid user), so the request is well
     * formed; what it lacks is a token the emulator knows.
     */
    static ApiException noToken(String field, String code, String what) {
        return new ApiException(INVALID_INPUT, code, field + ": give " + what + " (none was given)", null, 400);
    }

    /** The emulator keeps no Plaid users (/user/create answers from examples), so no user_token leads to a report. */
    static ApiException invalidUserToken() {
        return new ApiException(INVALID_INPUT, "INVALID_USER_TOKEN", "user_token: the emulator keeps no Plaid users;"
                + " name the report by its asset_report_token", null, 400);
    }

    static ApiException invalidAuditCopyToken(String field) {
        return new ApiException(INVALID_INPUT, "INVALID_AUDIT_COPY_TOKEN", field
                + ": could not find matching audit copy token (it was never issued, or it or its report was removed)", null, 400);
    }

    /** Plaid documents no error for a relay token; the emulator answers as it does for audit copy tokens. */
    static ApiException invalidRelayToken(String field) {
        return new ApiException(INVALID_INPUT, "INVALID_RELAY_TOKEN", field
                + ": could not find matching relay token (it was never issued, or it or its report was removed)", null, 400);
    }

    static ApiException notReady(String reportId) {
        return assets("PRODUCT_NOT_READY", "the asset report " + reportId + " is not ready yet: wait for the PRODUCT_READY webhook,"
                + " or try the request again later");
    }

    static ApiException productNotEnabled(String field, String itemId) {
        return assets("PRODUCT_NOT_ENABLED", field + ": the 'assets' product is not enabled for the Item " + itemId
                + "; create the Item with 'assets' among its products");
    }

    /** A report made from another (filter, audit copy, relay, refresh) whose original was never generated. */
    static ApiException invalidParent(String field, String reportId) {
        return assets("INVALID_PARENT", field + ": the asset report " + reportId
                + " was never successfully created, so no report can be made from it");
    }

    /** Some Items could not be read; {@code causes} holds each one's error and item_id. */
    static ApiException dataUnavailable(ArrayNode causes) {
        return assets("DATA_UNAVAILABLE", "unable to pull sufficient data for all items to generate this report."
                + " please see the \"causes\" field for more details").withCauses(causes);
    }

    static ApiException generationFailed(String message) {
        return assets("ASSET_REPORT_GENERATION_FAILED", message);
    }

    static ApiException accountNotInReport(String field, String accountId) {
        return PlaidErrors.of("INVALID_ACCOUNT_ID", field + ": the account " + accountId + " is not in this asset report");
    }
}
