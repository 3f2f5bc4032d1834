package dev.tartan.emulator.assets;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One asset report as the book keeps it. Changed only by applying facts, under the state lock. */
final class AssetReport {
    final AssetFact.Requested request;
    boolean fastGenerated;
    boolean generated;
    Instant generatedAt;
    /** Why generation failed (Plaid's error object), or null. */
    JsonNode error;
    boolean removed;
    /** Reports made from this one by refresh or filter, oldest first. */
    final List<String> children = new ArrayList<>();

    AssetReport(AssetFact.Requested request) {
        this.request = request;
    }

    String id() {
        return request.reportId();
    }

    String token() {
        return request.token();
    }

    enum Status {
        PENDING, READY, FAILED, REMOVED
    }

    Status status() {
        if (removed) {
            return Status.REMOVED;
        }
        if (error != null) {
            return Status.FAILED;
        }
        return generated ? Status.READY : Status.PENDING;
    }

    /** Whether a step of generation (the fast version, or the full one) is due at {@code now} and not done. */
    boolean due(Instant now) {
        if (removed || error != null || generated) {
            return false;
        }
        Instant fastAt = request.fastReadyAt();
        boolean fastDue = fastAt != null && !fastGenerated && !now.isBefore(fastAt);
        return fastDue || !now.isBefore(request.readyAt());
    }

    /** When the next step of generation is due, or null when nothing is left to do. */
    Instant nextDue() {
        if (removed || error != null || generated) {
            return null;
        }
        return request.fastReadyAt() != null && !fastGenerated ? request.fastReadyAt() : request.readyAt();
    }

    /** Whether its data is stored: a step of generation is done (or it is a filtered report, stored when asked for). */
    boolean hasSnapshot() {
        return fastGenerated || generated || request.origin() == AssetFact.Origin.FILTER;
    }
}
