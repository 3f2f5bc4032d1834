package dev.tartan.emulator.transfer;

import java.time.Instant;

/** A Sandbox test clock: a timeline of its own whose time only moves forward. */
final class TestClock {
    final String id;
    Instant virtualTime;

    TestClock(String id, Instant virtualTime) {
        this.id = id;
        this.virtualTime = virtualTime;
    }
}
