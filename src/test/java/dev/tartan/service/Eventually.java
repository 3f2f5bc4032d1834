package dev.tartan.service;

import java.util.concurrent.locks.LockSupport;

/** Waits for what is written beside the caller: call logs and the gateway's history and audit entries land as the reply comes back. */
final class Eventually {

    private Eventually() {
    }

    /** Runs {@code assertion} until it passes, for up to five seconds; then its last failure is thrown. */
    static void eventually(Runnable assertion) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (true) {
            try {
                assertion.run();
                return;
            } catch (AssertionError e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                LockSupport.parkNanos(20_000_000L);
            }
        }
    }
}
