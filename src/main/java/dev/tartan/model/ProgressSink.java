package dev.tartan.model;

/** Where long work reports how far it has got. Called from any thread. */
@FunctionalInterface
public interface ProgressSink {

    /** Discards every report. */
    ProgressSink NONE = (done, total, message) -> { };

    /**
     * @param done    units finished so far
     * @param total   units in all, or a negative number while unknown
     * @param message what is happening now, for the user
     */
    void report(long done, long total, String message);
}
