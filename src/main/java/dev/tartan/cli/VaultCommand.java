package dev.tartan.cli;

import dev.tartan.model.AuditVerification;
import dev.tartan.model.VaultStatus;
import dev.tartan.store.Passphrases;
import dev.tartan.store.Vault;
import dev.tartan.store.VaultLocation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code tartan vault init|status|passwd|verify-audit}: the encrypted vault itself. */
@Command(name = "vault",
        description = "Create the encrypted vault, see what it holds, change its passphrase, check its audit log.",
        mixinStandardHelpOptions = true,
        subcommands = {VaultCommand.Init.class, VaultCommand.Status.class, VaultCommand.Passwd.class,
            VaultCommand.VerifyAudit.class})
public final class VaultCommand {

    @Command(name = "init", mixinStandardHelpOptions = true,
            description = "Create the vault, locked with a passphrase you choose (asked twice, or from --passphrase-file / "
                    + Passphrases.VARIABLE + ").")
    static final class Init implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            return VaultAccess.run(spec, () -> {
                VaultAccess access = new VaultAccess(spec);
                VaultLocation location = access.location();
                if (Vault.exists(location)) {
                    throw new CommandFailure("There is already a vault at " + location.file() + ".");
                }
                char[] passphrase = access.newPassphrase(GlobalOptions.of(spec).passphraseFile(), Passphrases.VARIABLE);
                try (Vault vault = Vault.create(location, passphrase)) {
                    vault.audit().append("vault.init", List.of(location.file().toString()), "success", null);
                } finally {
                    Passphrases.clear(passphrase);
                }
                access.out().println("Created the vault at " + location.file() + ".");
                access.out().println("Keep the passphrase safe: without it nothing in the vault can be recovered.");
                return 0;
            });
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "Where the vault is and what it holds.")
    static final class Status implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            return VaultAccess.run(spec, () -> {
                VaultAccess access = new VaultAccess(spec);
                VaultLocation location = access.location();
                if (!Vault.exists(location)) {
                    throw new CommandFailure("There is no vault at " + location.file() + " yet. Create one with 'tartan vault init'.",
                            ExitCodes.FAILURE);
                }
                VaultStatus status;
                try (Vault vault = access.open()) {
                    status = vault.status();
                }
                PrintWriter out = access.out();
                out.printf("Vault:          %s (%.1f MB)%n", status.file(), status.fileBytes() / 1e6);
                out.printf("Encryption:     %s%n", status.encryption());
                out.printf("Schema version: %d%n", status.schemaVersion());
                out.printf("Profiles:       %d%n", status.profiles());
                out.printf("Tokens:         %d%n", status.tokens());
                out.printf("Cached replies: %d%n", status.cachedResults());
                out.printf("API calls kept: %d%n", status.historyEntries());
                out.printf("Audit entries:  %d%n", status.auditEntries());
                out.printf("Transactions:   %d%n", status.transactions());
                return 0;
            });
        }
    }

    @Command(name = "passwd", mixinStandardHelpOptions = true,
            description = "Change the vault's passphrase. No other Tartan may have the vault open meanwhile.")
    static final class Passwd implements Callable<Integer> {
        static final String NEW_VARIABLE = Passphrases.NEW_VARIABLE;

        @Spec
        CommandSpec spec;

        @Option(names = "--new-passphrase-file", paramLabel = "FILE",
                description = "Read the new passphrase from FILE (first line) instead of asking; " + NEW_VARIABLE + " works too.")
        Path newPassphraseFile;

        @Override
        public Integer call() throws Exception {
            return VaultAccess.run(spec, () -> {
                VaultAccess access = new VaultAccess(spec);
                char[] current = access.currentPassphrase();
                char[] replacement = null;
                try (Vault vault = Vault.open(access.location(), current)) {
                    replacement = access.newPassphrase(newPassphraseFile, NEW_VARIABLE);
                    vault.changePassphrase(current, replacement);
                    vault.audit().append("vault.passwd", List.of(access.location().file().toString()), "success", null);
                } finally {
                    Passphrases.clear(current, replacement);
                }
                access.out().println("The passphrase is changed. Update any passphrase file or " + Passphrases.VARIABLE
                        + " that scripts use.");
                return 0;
            });
        }
    }

    @Command(name = "verify-audit", mixinStandardHelpOptions = true,
            description = "Check the audit log's hash chain; report the first entry where it breaks (exit code "
                    + ExitCodes.AUDIT_BROKEN + ").")
    static final class VerifyAudit implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            return VaultAccess.run(spec, () -> {
                VaultAccess access = new VaultAccess(spec);
                AuditVerification result;
                try (Vault vault = access.open()) {
                    result = vault.audit().verify();
                }
                if (result.isIntact()) {
                    access.out().println("The audit log is intact: " + result.entriesChecked() + " entries, every link holds.");
                    return 0;
                }
                throw new CommandFailure("The audit log is broken at entry #" + result.firstBrokenSeq().getAsLong() + ": "
                        + result.problem() + ".", ExitCodes.AUDIT_BROKEN);
            });
        }
    }
}
