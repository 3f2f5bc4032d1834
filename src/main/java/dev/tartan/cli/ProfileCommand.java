package dev.tartan.cli;

import dev.tartan.model.Credentials;
import dev.tartan.model.Masking;
import dev.tartan.model.PlaidEnvironment;
import dev.tartan.model.Profile;
import dev.tartan.store.Vault;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code tartan profile add|list|remove}: named Plaid credentials, kept in the vault. */
@Command(name = "profile",
        description = "Add, list and remove profiles: named Plaid credentials (client_id and secret) and their environment.",
        mixinStandardHelpOptions = true,
        subcommands = {ProfileCommand.Add.class, ProfileCommand.ListProfiles.class, ProfileCommand.Remove.class})
public final class ProfileCommand {

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a profile (or replace one, with --replace).")
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME", description = "The profile's name, e.g. sandbox or prod-eu.")
        String name;

        @Option(names = "--env", required = true, paramLabel = "ENV", converter = EnvironmentConverter.class,
                description = "sandbox, production, emulator, or a base URL (http:// or https://).")
        PlaidEnvironment environment;

        @Option(names = "--production", negatable = true,
                description = "Whether the --env URL reaches Plaid Production (a proxy in front of it, say). Required for a URL "
                        + "that is neither this machine nor one of Plaid's hosts: Tartan cannot tell from the URL, and in "
                        + "Production it asks before anything destructive or money-moving.")
        Boolean markedProduction;

        @Option(names = "--allow-insecure-http",
                description = "Allow an http:// --env URL on another machine; the secret and tokens then cross the network unencrypted.")
        boolean plainHttpAllowed;

        @Option(names = "--client-id", required = true, paramLabel = "ID", description = "The Plaid client_id.")
        String clientId;

        @Option(names = "--secret", paramLabel = "SECRET|-",
                description = "The Plaid secret; '-' reads it from standard input (keeps it out of the process list "
                        + "and shell history). Asked on the terminal when left out.")
        String secret;

        @Option(names = "--replace", description = "Replace a profile of the same name.")
        boolean replace;

        @Override
        public Integer call() throws Exception {
            return VaultAccess.run(spec, () -> {
                VaultAccess access = new VaultAccess(spec);
                PlaidEnvironment target = answered(environment);
                Profile profile;
                // Unlock first, so that nobody types a secret into a vault that will not open.
                try (Vault vault = access.open()) {
                    Credentials credentials = new Credentials(clientId.strip(), readSecret());
                    credentials.problem().ifPresent(problem -> {
                        throw new CommandFailure(problem + " Nothing was saved.");
                    });
                    profile = new Profile(name, target, credentials);
                    if (replace) {
                        vault.profiles().save(profile);
                    } else {
                        vault.profiles().add(profile);
                    }
                    vault.audit().append(replace ? "profile.save" : "profile.add",
                            List.of(profile.name(), describe(target)), "success", null);
                }
                access.out().printf("Saved profile %s (%s, client_id %s, secret %s).%n", profile.name(),
                        target.displayName() + (target.isProduction() ? ", Production" : ""), profile.credentials().clientId(),
                        Masking.maskSecret(profile.credentials().secret()));
                return 0;
            });
        }

        /** {@code given} with what --production and --allow-insecure-http say, refused where they are needed and missing. */
        private PlaidEnvironment answered(PlaidEnvironment given) {
            if (given.kind() != PlaidEnvironment.Kind.CUSTOM) {
                if (Boolean.TRUE.equals(markedProduction) || plainHttpAllowed) {
                    throw new CommandFailure("--production and --allow-insecure-http are for an --env URL, not --env " + given.asText());
                }
                return given;
            }
            if (markedProduction == null && given.needsProductionAnswer()) {
                throw new CommandFailure("Does " + given.baseUrl() + " reach Plaid Production? Tartan cannot tell from the URL: "
                        + "add --production (Tartan then asks before anything destructive or money-moving) or --no-production.");
            }
            PlaidEnvironment target = given.withProductionMark(Boolean.TRUE.equals(markedProduction))
                    .withPlainHttpAllowed(plainHttpAllowed);
            target.plainHttpRefusal().ifPresent(refusal -> {
                throw new CommandFailure(refusal + " Nothing was saved.");
            });
            return target;
        }

        private String readSecret() throws IOException {
            if ("-".equals(secret)) {
                BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                String line = in.readLine();
                if (line == null || line.isBlank()) {
                    throw new CommandFailure("--secret -: standard input gave no secret (it should be the first line).");
                }
                return line.strip();
            }
            if (secret != null) {
                return secret.strip();
            }
            Console console = System.console();
            if (console == null) {
                throw new CommandFailure("Give the secret with --secret - (read from standard input) or --secret SECRET.");
            }
            char[] typed = console.readPassword("Secret for %s: ", name);
            return typed == null ? "" : new String(typed).strip();
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the profiles (secrets masked).")
    static final class ListProfiles implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            return VaultAccess.run(spec, () -> {
                VaultAccess access = new VaultAccess(spec);
                List<Profile> profiles;
                try (Vault vault = access.open()) {
                    profiles = vault.profiles().list();
                }
                PrintWriter out = access.out();
                if (profiles.isEmpty()) {
                    out.println("No profiles yet. Add one with: tartan profile add NAME --env sandbox --client-id ID --secret -");
                    return 0;
                }
                int nameWidth = Math.max(4, profiles.stream().mapToInt(p -> p.name().length()).max().orElse(0));
                int envWidth = Math.max(11, profiles.stream().mapToInt(p -> describe(p.environment()).length()).max().orElse(0));
                int idWidth = Math.max(9, profiles.stream().mapToInt(p -> p.credentials().clientId().length()).max().orElse(0));
                String format = "%-" + nameWidth + "s  %-" + envWidth + "s  %-" + idWidth + "s  %s%n";
                out.printf(format, "NAME", "ENVIRONMENT", "CLIENT ID", "SECRET");
                for (Profile p : profiles) {
                    out.printf(format, p.name(), describe(p.environment()), p.credentials().clientId(),
                            Masking.maskSecret(p.credentials().secret()));
                }
                return 0;
            });
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a profile.")
    static final class Remove implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME", description = "The profile to remove.")
        String name;

        @Override
        public Integer call() throws Exception {
            return VaultAccess.run(spec, () -> {
                VaultAccess access = new VaultAccess(spec);
                try (Vault vault = access.open()) {
                    Profile profile = vault.profiles().require(name);
                    vault.profiles().remove(profile.name());
                    vault.audit().append("profile.remove", List.of(profile.name()), "success", null);
                    access.out().println("Removed profile " + profile.name() + ".");
                }
                return 0;
            });
        }
    }

    /** The environment as typed, with what its user said about a custom URL. */
    static String describe(PlaidEnvironment environment) {
        return environment.asText() + (environment.markedProduction() ? " (production)" : "")
                + (environment.plainHttpAllowed() ? " (plain http allowed)" : "");
    }

    /** Reads --env with the model's own parser, so that its message reaches the user. */
    static final class EnvironmentConverter implements ITypeConverter<PlaidEnvironment> {
        @Override
        public PlaidEnvironment convert(String value) {
            try {
                return PlaidEnvironment.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
