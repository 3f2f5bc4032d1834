package dev.tartan.cli;

/** What a Tartan command's exit status means, for scripts. */
public final class ExitCodes {
    /** It worked. */
    public static final int OK = 0;
    /** Plaid answered with an error (its error_code is on standard error). */
    public static final int PLAID_ERROR = 1;
    /** The command line or its input was wrong; nothing was sent. */
    public static final int USAGE = 2;
    /** No usable answer: timeout, unreachable host, a reply that was not Plaid's; a vault that cannot be used. */
    public static final int FAILURE = 3;
    /** tartan vault verify-audit: the audit log's hash chain is broken. */
    public static final int AUDIT_BROKEN = 4;

    private ExitCodes() {
    }
}
