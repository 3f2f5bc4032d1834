package dev.tartan.service;

import dev.tartan.api.PlaidApiException;
import dev.tartan.api.PlaidClientException;
import dev.tartan.api.PlaidConnectionException;
import dev.tartan.api.PlaidTimeoutException;
import dev.tartan.api.PlaidUnexpectedResponseException;
import dev.tartan.api.Redactor;
import dev.tartan.concurrent.Futures;
import dev.tartan.model.FailureReport;
import dev.tartan.model.FixAction;
import dev.tartan.model.PlaidError;
import dev.tartan.store.NotAVaultException;
import dev.tartan.store.VaultException;
import dev.tartan.store.VaultTooNewException;
import dev.tartan.store.WrongPassphraseException;

/** Turns whatever went wrong into a {@link FailureReport}, so every view shows failures the same way. */
public final class FailureDescriber {

    private FailureDescriber() {
    }

    /** What went wrong, every text redacted: a message may echo whatever was sent or received. */
    public static FailureReport describe(Throwable failure) {
        return redacted(reportOf(failure));
    }

    private static FailureReport reportOf(Throwable failure) {
        Throwable error = Futures.unwrap(failure);
        if (error instanceof PlaidApiException api) {
            return fromPlaid(api);
        }
        String operation = error instanceof PlaidClientException client ? client.method() + " " + client.path() : null;
        if (error instanceof PlaidUnexpectedResponseException unexpected) {
            return new FailureReport("Not a Plaid reply", operation, null, null, unexpected.getMessage(), null, null,
                    unexpected.httpStatus(), null,
                    "Something between Tartan and Plaid answered instead of Plaid (a proxy, a gateway, a captive portal), or the reply was cut off.",
                    "Check the profile's base URL and any proxy; try again.", FixAction.RETRY);
        }
        if (error instanceof PlaidTimeoutException timeout) {
            return new FailureReport("Timed out", operation, null, null, timeout.getMessage(), null, null, null, null,
                    "No reply came within " + timeout.timeout().toSeconds() + " seconds. The call may still have been carried out at Plaid.",
                    "Check whether it took effect before sending it again.", FixAction.RETRY);
        }
        if (error instanceof PlaidConnectionException connection) {
            return new FailureReport("Cannot reach Plaid", operation, null, null, connection.getMessage(), null, null, null, null,
                    "The connection failed before any reply: no network, a wrong base URL, or the server is down.",
                    "Check the network and the profile's environment, then try again.", FixAction.EDIT_PROFILE);
        }
        if (error instanceof WrongPassphraseException wrong) {
            return local("Wrong passphrase", wrong.getMessage(), "Type the passphrase again; check Caps Lock.");
        }
        if (error instanceof NotAVaultException notVault) {
            return local("Not a Tartan vault", notVault.getMessage(), "Move the file away, or start Tartan with another --data-dir.");
        }
        if (error instanceof VaultTooNewException tooNew) {
            return local("Vault from a newer Tartan", tooNew.getMessage(), "Update Tartan to open this vault.");
        }
        if (error instanceof VaultException vault) {
            return local("Vault problem", vault.getMessage(), "Try again; if it keeps failing, the log has the details.");
        }
        if (error instanceof IllegalArgumentException invalid) {
            return new FailureReport("Invalid input", null, null, null, invalid.getMessage(), null,
                    null, null, null, null, "Correct it and try again.", FixAction.NONE);
        }
        String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        return new FailureReport("Something went wrong", operation, null, null, message, null,
                null, null, null, null, "Try again; if it keeps failing, the log has the details.", FixAction.RETRY);
    }

    private static FailureReport local(String title, String message, String nextStep) {
        return new FailureReport(title, null, null, null, message, null, null, null, null, null, nextStep, FixAction.NONE);
    }

    private static FailureReport fromPlaid(PlaidApiException exception) {
        return reportOf(exception.error(), exception.method() + " " + exception.path());
    }

    /**
     * A Plaid error that is not a failed call, such as the {@code error} an Item carries in
     * /item/get: {@code operation} says where it was seen.
     */
    public static FailureReport describe(PlaidError error, String operation) {
        return redacted(reportOf(error, operation));
    }

    private static FailureReport reportOf(PlaidError error, String operation) {
        PlaidErrorGuide.Entry guide = PlaidErrorGuide.forCode(error.errorCode());
        if (guide == null) {
            guide = PlaidErrorGuide.forCode(error.errorType());
        }
        String nextStep = error.suggestedAction() != null ? error.suggestedAction()
                : guide != null ? guide.nextStep()
                : "Read Plaid's page on this error; give Plaid support the request_id if it persists.";
        return new FailureReport(
                error.errorCode() == null ? "Plaid error" : error.errorCode(),
                operation,
                error.errorType(),
                error.errorCode(),
                error.errorMessage(),
                error.displayMessage(),
                error.requestId(),
                error.httpStatus(),
                error.documentationUrl() != null ? error.documentationUrl() : docsFor(error),
                guide == null ? null : guide.meaning(),
                nextStep,
                guide == null ? FixAction.NONE : guide.fix());
    }

    private static FailureReport redacted(FailureReport report) {
        Redactor redactor = Redactor.shared();
        return new FailureReport(redactor.redact(report.title()), redactor.redact(report.operation()),
                redactor.redact(report.errorType()), redactor.redact(report.errorCode()), redactor.redact(report.message()),
                redactor.redact(report.displayMessage()), redactor.redact(report.requestId()), report.httpStatus(),
                redactor.redact(report.documentationUrl()), redactor.redact(report.meaning()), redactor.redact(report.nextStep()), report.fix());
    }

    /** Plaid's error pages are grouped by type: /docs/errors/item/#item_login_required. */
    private static String docsFor(PlaidError error) {
        if (error.errorType() == null || error.errorCode() == null) {
            return "https://plaid.com/docs/errors/";
        }
        String type = error.errorType().toLowerCase(java.util.Locale.ROOT).replace("_error", "").replace('_', '-');
        return "https://plaid.com/docs/errors/" + type + "/#" + error.errorCode().toLowerCase(java.util.Locale.ROOT);
    }
}
