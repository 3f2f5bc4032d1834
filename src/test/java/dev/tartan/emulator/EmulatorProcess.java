package dev.tartan.emulator;

import java.io.IOException;

/**
 * Child JVM for {@link ConnectionLimitsTest}: the emulator in a process of its own, so that the JDK
 * server's settings are the emulator's (they are read once per process). Prints
 * {@code PORT CLIENT_ID SECRET}, then serves until standard input closes.
 */
public final class EmulatorProcess {

    private EmulatorProcess() {
    }

    public static void main(String[] args) throws IOException {
        try (PlaidEmulator emulator = PlaidEmulator.start(EmulatorConfig.inMemory())) {
            System.out.println(emulator.port() + " " + emulator.clientId() + " " + emulator.secret());
            System.out.flush();
            System.in.transferTo(java.io.OutputStream.nullOutputStream());
        }
    }
}
