package dev.tartan.emulator.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.emulator.wire.HandlerRegistry;
import dev.tartan.emulator.wire.OperationRequest;
import dev.tartan.emulator.wire.PlaidErrors;
import dev.tartan.emulator.wire.Reply;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Registers Transfer's handlers: each runs under the state lock (shared for reads, exclusive for changes),
 * after the wall clock's recurring originations have caught up. Also the request reading lists share.
 */
final class Routes {
    private final HandlerRegistry registry;
    private final Transfers transfers;
    private final Recurrences recurrences;

    Routes(HandlerRegistry registry, Transfers transfers, Recurrences recurrences) {
        this.registry = registry;
        this.transfers = transfers;
        this.recurrences = recurrences;
    }

    /** An operation that only reads. */
    void read(String path, Function<OperationRequest, ObjectNode> handler) {
        registry.register(path, request -> {
            if (transfers.read(recurrences::wallClockDue)) {
                transfers.write(() -> {
                    recurrences.catchUp();
                    return null;
                });
            }
            return Reply.json(transfers.read(() -> handler.apply(request)));
        });
    }

    /** An operation that may change state. */
    void write(String path, Function<OperationRequest, ObjectNode> handler) {
        registry.register(path, request -> Reply.json(transfers.write(() -> {
            if (recurrences.wallClockDue()) {
                recurrences.catchUp();
            }
            return handler.apply(request);
        })));
    }

    /** A list request's paging ({@code count}, at most what the schema allows, and {@code offset}) and date range. */
    record Window(int count, int offset, Instant start, Instant end) {
        static Window of(OperationRequest request, int defaultCount, String startField, String endField) {
            JsonNode body = request.body();
            int count = body.hasNonNull("count") ? body.get("count").asInt() : defaultCount;
            int offset = body.hasNonNull("offset") ? body.get("offset").asInt() : 0;
            return new Window(count, offset, instant(request, startField), instant(request, endField));
        }

        boolean covers(Instant at) {
            return (start == null || !at.isBefore(start)) && (end == null || !at.isAfter(end));
        }

        /** The page of matching items, newest first (the list is kept oldest first). */
        <T> Page<T> newestFirst(List<T> oldestFirst, Predicate<? super T> matches) {
            List<T> page = new ArrayList<>(Math.min(count + 1, 64));
            int skipped = 0;
            for (int i = oldestFirst.size() - 1; i >= 0 && page.size() <= count; i--) {
                T item = oldestFirst.get(i);
                if (matches.test(item)) {
                    if (skipped < offset) {
                        skipped++;
                    } else {
                        page.add(item);
                    }
                }
            }
            boolean more = page.size() > count;
            return new Page<>(more ? page.subList(0, count) : page, more);
        }
    }

    /** A page of a list, and whether more items follow it. */
    record Page<T>(List<T> items, boolean hasMore) {
    }

    static Instant instant(OperationRequest request, String field) {
        String text = field == null ? null : request.text(field);
        return text == null ? null : OffsetDateTime.parse(text).toInstant();
    }

    /** The request's {@code failure_reason}, with its ACH return code checked. */
    static Failure failure(OperationRequest request) {
        JsonNode reason = request.body().path("failure_reason");
        if (!reason.isObject()) {
            return null;
        }
        String code = Authorizer.text(reason, "ach_return_code");
        if (code != null && !ReturnCodes.known(code)) {
            throw PlaidErrors.invalidField("failure_reason.ach_return_code " + code + " is not an ACH return code (R01 to R85)");
        }
        return new Failure(Authorizer.text(reason, "failure_code"), code, Authorizer.text(reason, "description"));
    }

    /** Refuses requests made for another originator: the emulator has no Transfer for Platforms originators. */
    static void requireOwnOriginator(OperationRequest request) {
        if (request.text("originator_client_id") != null) {
            throw TransferErrors.originatorNotFound();
        }
    }
}
