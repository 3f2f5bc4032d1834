package dev.tartan.emulator.assets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.emulator.support.Ids;
import dev.tartan.emulator.wire.OperationRequest;
import dev.tartan.emulator.wire.PlaidErrors;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * What the Assets operations share: finding the report a token leads to, catching up on its generation,
 * checking it can be read or built upon, reading its data, and asking for new reports.
 */
final class Reports {
    private final AssetReports reports;

    Reports(AssetReports reports) {
        this.reports = reports;
    }

    AssetReports state() {
        return reports;
    }

    /** How a request's token leads to a report: throws the token's own error when it leads nowhere. Call under the lock. */
    @FunctionalInterface
    interface Finder extends Function<AssetBook, AssetReport> {
    }

    static Finder byReportToken(String token, String field) {
        return book -> book.byToken(token).orElseThrow(() -> AssetErrors.invalidToken(field));
    }

    static Finder byAuditCopy(String token, String field) {
        return book -> book.auditCopy(token).flatMap(copy -> book.report(copy.reportId()))
                .orElseThrow(() -> AssetErrors.invalidAuditCopyToken(field));
    }

    static Finder byRelay(String token, String field) {
        return book -> book.relay(token).flatMap(relay -> book.report(relay.reportId))
                .orElseThrow(() -> AssetErrors.invalidRelayToken(field));
    }

    /** The report {@code finder} leads to, once what was due for it has been generated. Returns its id. */
    String caughtUp(Finder finder) {
        String id = reports.read(() -> finder.apply(reports.book()).id());
        reports.advance(id);
        return id;
    }

    /**
     * The stored data of a report that can be read: ready (or, for {@code fast}, its fast version ready).
     * A report still being generated answers PRODUCT_NOT_READY; a failed one, the error it failed with.
     */
    ObjectNode readable(Finder finder, boolean fast) {
        caughtUp(finder);
        String id = reports.read(() -> {
            AssetReport report = finder.apply(reports.book());
            if (fast && !report.request.options().fast()) {
                throw PlaidErrors.invalidField("fast_report: the report " + report.id()
                        + " was created without the fast_assets add-on, so it has no fast version");
            }
            switch (report.status()) {
                case FAILED -> throw AssetReports.errorOf(report.error);
                case PENDING -> {
                    if (!(fast && report.fastGenerated)) {
                        throw AssetErrors.notReady(report.id());
                    }
                }
                default -> {
                }
            }
            return report.id();
        });
        return data(id);
    }

    /** A report something new is made from (a refresh, a filtered copy, an audit copy): it must have been generated. */
    static AssetReport requireGenerated(AssetReport report, String field) {
        return switch (report.status()) {
            case FAILED -> throw AssetErrors.invalidParent(field, report.id());
            case PENDING -> throw AssetErrors.notReady(report.id());
            default -> report;
        };
    }

    /** The data of a generated report. */
    ObjectNode data(String reportId) {
        return reports.snapshots().get(reportId).orElseThrow(() -> AssetErrors.generationFailed("the data of the asset report "
                + reportId + " is missing from the emulator's folder; create the report again"));
    }

    /** A new report's request: a fresh id and token, ready after the configured delay (the fast version halfway). */
    AssetFact.Requested newRequest(AssetFact.Origin origin, String parentId, List<String> itemIds, int daysRequested,
                                   ReportOptions options, List<String> excluded) {
        return newRequest(UUID.randomUUID().toString(), origin, parentId, itemIds, daysRequested, options, excluded);
    }

    /** A new report's request under an id chosen beforehand (a filtered report's data is made before it is recorded). */
    AssetFact.Requested newRequest(String reportId, AssetFact.Origin origin, String parentId, List<String> itemIds,
                                   int daysRequested, ReportOptions options, List<String> excluded) {
        Instant now = reports.now();
        Instant readyAt = now.plus(reports.delay());
        Instant fastReadyAt = options.fast() ? now.plus(reports.delay().dividedBy(2)) : null;
        return new AssetFact.Requested(reportId, Ids.token("assets"), origin, parentId, List.copyOf(itemIds),
                daysRequested, options, List.copyOf(excluded), now, fastReadyAt, readyAt);
    }

    /** The body of create, refresh and filter answers. */
    static ObjectNode created(AssetFact.Requested requested) {
        ObjectNode body = dev.tartan.emulator.support.Json.object();
        body.put("asset_report_token", requested.token());
        body.put("asset_report_id", requested.reportId());
        return body;
    }

    /** A request's token field, which the schema may leave optional but the emulator needs. */
    static String token(OperationRequest request, String field) {
        String token = request.text(field);
        if (token == null || token.isBlank()) {
            throw PlaidErrors.of("MISSING_FIELDS", "the following required fields are missing: " + field);
        }
        return token;
    }

    /** {@code options.days_to_include}, or null when absent. */
    static Integer daysToInclude(OperationRequest request) {
        JsonNode days = request.object("options").get("days_to_include");
        return days == null || days.isNull() ? null : days.asInt();
    }
}
