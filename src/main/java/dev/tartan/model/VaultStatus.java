package dev.tartan.model;

import java.nio.file.Path;

/**
 * What an unlocked vault holds, for {@code tartan vault status} and the settings pane.
 *
 * @param file           the vault file
 * @param fileBytes      its size on disk (without the write-ahead log)
 * @param schemaVersion  the schema version it is at
 * @param encryption     how it is encrypted, e.g. "SQLCipher 4 (AES-256-CBC, HMAC-SHA512, PBKDF2-SHA512 256000 iterations)"
 * @param profiles       how many profiles
 * @param tokens         how many tokens in the token book
 * @param cachedResults  how many cached replies
 * @param historyEntries how many calls in the request history
 * @param auditEntries   how many entries in the audit log
 * @param transactions   how many transactions stored, of every Item and processor token
 */
public record VaultStatus(
        Path file,
        long fileBytes,
        int schemaVersion,
        String encryption,
        long profiles,
        long tokens,
        long cachedResults,
        long historyEntries,
        long auditEntries,
        long transactions) {
}
