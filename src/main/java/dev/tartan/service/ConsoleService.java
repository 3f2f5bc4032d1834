package dev.tartan.service;

import dev.tartan.api.PlaidClient;
import dev.tartan.api.PlaidJson;
import dev.tartan.api.PlaidRequest;
import dev.tartan.api.Redactor;
import dev.tartan.model.HistoryEntry;
import dev.tartan.model.Masking;
import dev.tartan.model.Operation;
import dev.tartan.model.PlaidResponse;
import dev.tartan.model.Profile;
import dev.tartan.model.TokenEntry;
import dev.tartan.model.TokenFingerprints;
import dev.tartan.model.TokenKind;
import dev.tartan.store.DownloadFolder;
import dev.tartan.store.Vault;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.regex.Matcher;

/** What the API console does: send any operation, list past calls, restore them, copy them as curl. */
public final class ConsoleService {

    private final PlaidCalls plaid;
    private final Vault vault;
    private final DownloadFolder downloads;
    private final Executor io;

    public ConsoleService(PlaidCalls plaid, Vault vault, DownloadFolder downloads, Executor io) {
        this.plaid = plaid;
        this.vault = vault;
        this.downloads = downloads;
        this.io = io;
    }

    /**
     * Sends the body exactly as typed.
     *
     * @throws IllegalArgumentException at once if the body is not a JSON object (nothing is sent)
     */
    public CompletableFuture<PlaidResponse> send(Profile profile, Operation operation, String body) {
        PlaidRequest request = operation.method().equals("GET")
                ? PlaidRequest.get(operation.path())
                : PlaidRequest.post(operation.path(), body);
        return plaid.call(profile, request);
    }

    /** Writes a binary reply where the user chose. */
    public CompletableFuture<Path> saveReply(Path target, byte[] bytes) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return Files.write(target, bytes);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not save " + target + ": " + e.getMessage(), e);
            }
        }, io);
    }

    /** Writes a binary reply to the data folder's downloads, for the system's viewer to open. */
    public CompletableFuture<Path> keepForViewer(String name, byte[] bytes) {
        return CompletableFuture.supplyAsync(() -> downloads.write(name, bytes), io);
    }

    /** Recent calls, newest first, whose operation, profile, status or request_id contains {@code filter}. */
    public CompletableFuture<List<HistoryEntry>> history(String filter, int limit) {
        String needle = filter == null ? "" : filter.trim().toLowerCase(Locale.ROOT);
        return CompletableFuture.supplyAsync(() -> vault.history().recent(needle.isEmpty() ? limit : 5 * limit).stream()
                .filter(entry -> needle.isEmpty() || matches(entry, needle))
                .limit(limit)
                .toList(), io);
    }

    private static boolean matches(HistoryEntry entry, String needle) {
        return entry.operation().toLowerCase(Locale.ROOT).contains(needle)
                || String.valueOf(entry.profile()).toLowerCase(Locale.ROOT).contains(needle)
                || String.valueOf(entry.httpStatus()).equals(needle)
                || String.valueOf(entry.requestId()).toLowerCase(Locale.ROOT).contains(needle);
    }

    /**
     * A past request body ready to send again: the history keeps tokens masked, so each masked token
     * is replaced by the token-book token whose fingerprint the history kept for that mask (an entry
     * recorded before fingerprints were kept restores no token: the user picks it).
     *
     * @return the body, and the masked tokens that could not be restored
     */
    public CompletableFuture<RestoredBody> restore(HistoryEntry entry) {
        return CompletableFuture.supplyAsync(() -> {
            String body = entry.requestBody() == null ? "{}" : entry.requestBody();
            List<TokenEntry> book = vault.tokens().list(null);
            Matcher masked = Masking.MASKED_TOKEN.matcher(body);
            StringBuilder restored = new StringBuilder();
            List<String> unresolved = new ArrayList<>();
            while (masked.find()) {
                // Only the very token the call was made with: a mask alone fits every token sharing its last four.
                String fingerprint = entry.tokenFingerprints().get(masked.group());
                Optional<String> token = fingerprint == null ? Optional.empty() : book.stream()
                        .map(TokenEntry::value)
                        .filter(value -> TokenFingerprints.fingerprint(value).equals(fingerprint))
                        .findFirst();
                if (token.isEmpty()) {
                    unresolved.add(masked.group());
                }
                masked.appendReplacement(restored, Matcher.quoteReplacement(token.orElse(masked.group())));
            }
            masked.appendTail(restored);
            return new RestoredBody(pretty(restored.toString()), List.copyOf(unresolved));
        }, io);
    }

    /** A history body made sendable again, with the masked tokens it could not restore. */
    public record RestoredBody(String body, List<String> unresolvedTokens) {
    }

    /**
     * The call as a curl command. Secrets and tokens are masked unless {@code reveal} is true
     * (the user asked for a command they can paste and run).
     */
    public CompletableFuture<String> curl(Profile profile, Operation operation, String body, boolean reveal) {
        return plaid.endpointOf(profile).thenApply(endpoint -> {
            String url = resolve(endpoint.baseUrl(), operation.path());
            String secret = reveal ? endpoint.credentials().secret() : Masking.maskSecret(endpoint.credentials().secret());
            String data = reveal ? body : Redactor.shared().redactJsonText(body);
            StringBuilder curl = new StringBuilder("curl -X ").append(operation.method()).append(' ').append(quote(url));
            if (operation.method().equals("POST")) {
                curl.append(" \\\n  -H 'Content-Type: application/json'");
            }
            curl.append(" \\\n  -H ").append(quote("PLAID-CLIENT-ID: " + endpoint.credentials().clientId()));
            curl.append(" \\\n  -H ").append(quote("PLAID-SECRET: " + secret));
            curl.append(" \\\n  -H ").append(quote("Plaid-Version: " + PlaidClient.API_VERSION));
            if (data != null && operation.method().equals("POST")) {
                curl.append(" \\\n  -d ").append(quote(data));
            }
            return curl.toString();
        });
    }

    private static String resolve(URI base, String path) {
        String text = base.toString();
        return (text.endsWith("/") ? text.substring(0, text.length() - 1) : text) + path;
    }

    /** POSIX single quotes: everything literal; a quote inside becomes '\''. */
    private static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }

    private static String pretty(String json) {
        try {
            return PlaidJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(PlaidJson.mapper().readTree(json));
        } catch (IOException e) {
            return json;
        }
    }

    /** The kinds of token a field of this name holds, for the token picker's first choice. */
    public static TokenKind tokenKindForField(String fieldName) {
        return switch (fieldName) {
            case "access_token" -> TokenKind.ACCESS;
            case "processor_token" -> TokenKind.PROCESSOR;
            case "public_token" -> TokenKind.PUBLIC;
            case "link_token" -> TokenKind.LINK;
            case "user_token" -> TokenKind.USER;
            case "asset_report_token" -> TokenKind.ASSET_REPORT;
            case "audit_copy_token" -> TokenKind.AUDIT_COPY;
            default -> null;
        };
    }
}
