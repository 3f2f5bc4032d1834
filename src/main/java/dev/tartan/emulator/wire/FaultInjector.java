package dev.tartan.emulator.wire;

import dev.tartan.emulator.FailRates;
import dev.tartan.emulator.Latency;

import java.util.concurrent.ThreadLocalRandom;

/** Decides, per request, the configured extra delay and whether to fail the request on purpose. */
final class FaultInjector {

    enum Fault { NONE, RATE_LIMITED, SERVER_ERROR, DROP }

    private final Latency latency;
    private final FailRates failRates;

    FaultInjector(Latency latency, FailRates failRates) {
        this.latency = latency;
        this.failRates = failRates;
    }

    /** Sleeps for the configured latency. */
    void delay() throws InterruptedException {
        if (!latency.isNone()) {
            Thread.sleep(latency.draw());
        }
    }

    Fault draw() {
        if (failRates.isNone()) {
            return Fault.NONE;
        }
        double roll = ThreadLocalRandom.current().nextDouble();
        if (roll < failRates.dropRate()) {
            return Fault.DROP;
        }
        roll -= failRates.dropRate();
        if (roll < failRates.rate429()) {
            return Fault.RATE_LIMITED;
        }
        roll -= failRates.rate429();
        return roll < failRates.rate500() ? Fault.SERVER_ERROR : Fault.NONE;
    }
}
