package dev.tartan.store;

import java.nio.file.Path;

/**
 * Child JVM for {@link PassphraseChangeTest}.
 * {@code crash-at DIR STEP}: changes the passphrase and halts the JVM (as a crash would) at STEP.
 * {@code flip DIR}: changes the passphrase back and forth forever, printing the one in force after each change.
 */
public final class PassphraseChangeProcess {

    private PassphraseChangeProcess() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[1]);
        if (args[0].equals("crash-at")) {
            PassphraseChange.Step crashAt = PassphraseChange.Step.valueOf(args[2]);
            Vault vault = TestVaults.open(dir);
            vault.changePassphrase(TestVaults.passphrase(), TestVaults.otherPassphrase(), step -> {
                if (step == crashAt) {
                    Runtime.getRuntime().halt(137);
                }
            });
            System.exit(1); // the step was never reached
        }
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
