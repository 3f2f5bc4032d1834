package dev.tartan.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Child JVM for {@link PassphraseChangeTest}.
 * {@code crash-at DIR STEP}: changes the passphrase and halts the JVM (as a crash would) at STEP.
 * {@code flip DIR}: changes the passphrase back and forth forever, printing the one in force after each change.
 * {@code pause-at DIR STEP}: changes the passphrase, printing "paused" at STEP and going on once a line comes on
 * standard input; prints "changed" at the end.
 */
public final class PassphraseChangeProcess {

    private PassphraseChangeProcess() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[1]);
        switch (args[0]) {
            case "crash-at" -> crashAt(dir, PassphraseChange.Step.valueOf(args[2]));
            case "pause-at" -> pauseAt(dir, PassphraseChange.Step.valueOf(args[2]));
            default -> flip(dir);
        }
    }

    private static void crashAt(Path dir, PassphraseChange.Step crashAt) {
        Vault vault = TestVaults.open(dir);
        vault.changePassphrase(TestVaults.passphrase(), TestVaults.otherPassphrase(), step -> {
            if (step == crashAt) {
                Runtime.getRuntime().halt(137);
            }
        });
        System.exit(1); // the step was never reached
    }

    private static void pauseAt(Path dir, PassphraseChange.Step pauseAt) {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try (Vault vault = TestVaults.open(dir)) {
            vault.changePassphrase(TestVaults.passphrase(), TestVaults.otherPassphrase(), step -> {
                if (step == pauseAt) {
                    System.out.println("paused");
                    System.out.flush();
                    try {
                        in.readLine();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
        }
        System.out.println("changed");
        System.out.flush();
    }

    private static void flip(Path dir) {
        String current = TestVaults.PASSPHRASE;
        try (Vault vault = TestVaults.open(dir, current)) {
            while (true) {
                String next = current.equals(TestVaults.PASSPHRASE) ? TestVaults.OTHER_PASSPHRASE : TestVaults.PASSPHRASE;
                vault.changePassphrase(current.toCharArray(), next.toCharArray());
                current = next;
                System.out.println(current.equals(TestVaults.PASSPHRASE) ? "first" : "other");
                System.out.flush();
            }
        }
    }
}
