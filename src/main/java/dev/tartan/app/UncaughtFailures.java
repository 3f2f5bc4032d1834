package dev.tartan.app;

import dev.tartan.api.Redactor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * The last word on a failure no code caught, on any thread (the FX thread, OkHttp's, Tartan's):
 * logged with its stack trace redacted, whatever the logging set-up, instead of the JVM printing
 * it raw (its message may hold a token or a secret).
 */
final class UncaughtFailures implements Thread.UncaughtExceptionHandler {

    static final UncaughtFailures INSTANCE = new UncaughtFailures();
    private static final Logger LOG = LoggerFactory.getLogger(UncaughtFailures.class);

    private UncaughtFailures() {
    }

    /** Makes this every thread's handler unless a thread has its own. */
    static void install() {
        Thread.setDefaultUncaughtExceptionHandler(INSTANCE);
    }

    @Override
    public void uncaughtException(Thread thread, Throwable failure) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        LOG.error("Uncaught failure on {}: {}", thread.getName(), Redactor.shared().redact(trace.toString()));
    }
}
