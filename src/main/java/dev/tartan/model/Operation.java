package dev.tartan.model;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One Plaid API operation as the catalog describes it.
 *
 * @param method              HTTP method, "POST" for all but a few FDX reads
 * @param path                e.g. {@code /accounts/get}; FDX paths may carry {@code {placeholders}}
 * @param operationId         the spec's id, e.g. {@code accountsGet}
 * @param group               the product it belongs to, e.g. "Transactions"
 * @param summary             one line
 * @param description         Markdown, as the spec gives it
 * @param docsUrl             Plaid's documentation page, or null
 * @param flags               effect badges
 * @param specVersion         the spec version the definition comes from
 * @param responseContentType what a successful reply carries: JSON, or a PDF or zip file
 */
public record Operation(
        String method,
        String path,
        String operationId,
        String group,
        String summary,
        String description,
        String docsUrl,
        Set<OperationFlag> flags,
        String specVersion,
        String responseContentType) {

    public Operation {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
    }

    public boolean is(OperationFlag flag) {
        return flags.contains(flag);
    }

    /** True when a successful reply is a file (PDF, zip) rather than JSON. */
    public boolean returnsFile() {
        return responseContentType != null && !responseContentType.contains("json");
    }

    /** True when Tartan must ask before running this in Production. */
    public boolean needsProductionConfirmation() {
        return is(OperationFlag.DESTRUCTIVE) || is(OperationFlag.MOVES_MONEY);
    }
}
