package dev.tartan.app;

import dev.tartan.api.Redactor;

/** Child JVM for {@link UncaughtFailuresTest}: Tartan's handlers in place, a thread dies of a failure naming a token and a secret. */
public final class UncaughtFailureProcess {

    private UncaughtFailureProcess() {
    }

    public static void main(String[] args) throws InterruptedException {
        UncaughtFailures.install();
        Redactor.shared().registerSecret(args[1]);
        Thread dying = new Thread(() -> {
            throw new IllegalStateException("failed with " + args[0] + " and " + args[1]);
        }, "dying-thread");
        dying.start();
        dying.join();
        System.out.println("done");
    }
}
