package dev.tartan.api.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tartan.model.OperationFlag;

import java.util.EnumSet;
import java.util.Set;

/**
 * Tartan's judgement of what an operation does, from its path alone. The spec does not say which
 * calls change state or move money, so these rules are ours: the catalog turns them into badges,
 * the client uses them to decide what it may retry, and the Production guard what it must confirm.
 */
public final class OperationRules {

    /** Last path segments of operations that only read. */
    private static final Set<String> READING_VERBS = Set.of(
            "get", "list", "search", "sync", "get_by_id", "match", "download", "introspect",
            "enrich", "precheck");

    /** Last path segments of operations that remove, invalidate or cancel something for good. */
    private static final Set<String> DESTROYING_VERBS = Set.of(
            "remove", "invalidate", "cancel", "delete", "revoke", "unlink", "terminate",
            "deactivate", "unregister", "unsubscribe", "reverse");

    /** Operations that move real money outside the Sandbox. */
    private static final Set<String> MONEY_MOVERS = Set.of(
            "/transfer/create",
            "/transfer/recurring/create",
            "/transfer/refund/create",
            "/transfer/ledger/deposit",
            "/transfer/ledger/withdraw",
            "/transfer/ledger/distribute",
            "/bank_transfer/create",
            "/processor/bank_transfer/create",
            "/payment_initiation/payment/create",
            "/payment_initiation/payment/reverse",
            "/payment_initiation/consent/payment/execute",
            "/wallet/transaction/execute");

    /** Operations that wait on the institution and may take tens of seconds. */
    private static final Set<String> SLOW = Set.of(
            "/accounts/balance/get",
            "/processor/balance/get",
            "/signal/evaluate",
            "/processor/signal/evaluate");

    private OperationRules() {
    }

    /** The flags these rules give an operation; {@code deprecated} comes from the spec. */
    public static Set<OperationFlag> flagsOf(String method, String path, boolean deprecated) {
        EnumSet<OperationFlag> flags = EnumSet.noneOf(OperationFlag.class);
        if (isReadOnly(method, path)) {
            flags.add(OperationFlag.READ_ONLY);
        }
        if (!isSandboxOnly(path) && DESTROYING_VERBS.contains(lastSegment(path))) {
            flags.add(OperationFlag.DESTRUCTIVE);
        }
        if (MONEY_MOVERS.contains(path)) {
            flags.add(OperationFlag.MOVES_MONEY);
        }
        if (isSandboxOnly(path)) {
            flags.add(OperationFlag.SANDBOX_ONLY);
        }
        if (deprecated) {
            flags.add(OperationFlag.DEPRECATED);
        }
        return flags;
    }

    public static boolean isReadOnly(String method, String path) {
        return "GET".equalsIgnoreCase(method) || READING_VERBS.contains(lastSegment(path));
    }

    public static boolean isSandboxOnly(String path) {
        return path.startsWith("/sandbox/");
    }

    /**
     * Whether a failed attempt may be sent again without asking: reads always, and writes that carry
     * an idempotency key (Plaid then answers a repeat with the first result instead of acting twice).
     */
    public static boolean isSafeToRepeat(String method, String path, JsonNode body) {
        if (isReadOnly(method, path)) {
            return true;
        }
        JsonNode key = body == null ? null : body.get("idempotency_key");
        return key != null && key.isTextual() && !key.asText().isBlank();
    }

    /** Operations that may legitimately take long: real-time balance, refreshes, file downloads. */
    public static boolean isSlow(String path) {
        String last = lastSegment(path);
        return SLOW.contains(path) || last.equals("refresh") || path.endsWith("/pdf/get") || last.equals("download");
    }

    private static String lastSegment(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }
}
