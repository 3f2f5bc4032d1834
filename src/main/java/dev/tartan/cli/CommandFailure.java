package dev.tartan.cli;

/**
 * A command could not do its job for a reason the user can act on; the message says which. By
 * default it is bad input ({@link ExitCodes#USAGE}).
 */
final class CommandFailure extends RuntimeException {

    private final int exitCode;

    CommandFailure(String message) {
        this(message, ExitCodes.USAGE);
    }

    CommandFailure(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
