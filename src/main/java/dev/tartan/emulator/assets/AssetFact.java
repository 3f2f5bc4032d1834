package dev.tartan.emulator.assets;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;

/**
 * One change to the Assets state, as the journal keeps it. Facts carry everything decided when they
 * happened (ids, tokens, times, errors), so applying them again in order rebuilds the same reports, audit
 * copies and relay tokens. A report's data is not in its facts: it is a snapshot kept beside the journal
 * (see {@link Snapshots}).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "fact")
@JsonSubTypes({
        @JsonSubTypes.Type(value = AssetFact.Requested.class, name = "requested"),
        @JsonSubTypes.Type(value = AssetFact.Generated.class, name = "generated"),
        @JsonSubTypes.Type(value = AssetFact.Failed.class, name = "failed"),
        @JsonSubTypes.Type(value = AssetFact.Removed.class, name = "removed"),
        @JsonSubTypes.Type(value = AssetFact.AuditCopyCreated.class, name = "audit_copy"),
        @JsonSubTypes.Type(value = AssetFact.AuditCopyRemoved.class, name = "audit_copy_removed"),
        @JsonSubTypes.Type(value = AssetFact.RelayCreated.class, name = "relay"),
        @JsonSubTypes.Type(value = AssetFact.RelayMoved.class, name = "relay_moved"),
        @JsonSubTypes.Type(value = AssetFact.RelayRemoved.class, name = "relay_removed")})
sealed interface AssetFact {

    void applyTo(AssetBook book);

    /**
     * A report asked for by /asset_report/create, /asset_report/refresh or /credit/relay/refresh (which name
     * the Items again and generate new data) or by /asset_report/filter (whose data is its parent's, less the
     * excluded accounts, and is stored at once).
     *
     * @param parentId    the report refreshed or filtered, or null for a created one
     * @param excluded    accounts left out of the report (by this filter and every filter before it)
     * @param fastReadyAt when the Fast Asset Report is ready (the fast_assets add-on), or null
     */
    record Requested(String reportId, String token, Origin origin, String parentId, List<String> itemIds, int daysRequested,
                     ReportOptions options, List<String> excluded, Instant createdAt, Instant fastReadyAt,
                     Instant readyAt) implements AssetFact {
        public void applyTo(AssetBook book) {
            book.request(this);
        }
    }

    /** A version of the report became ready (its snapshot is stored): FAST first with the fast_assets add-on, then FULL. */
    record Generated(String reportId, ReportType reportType, Instant at) implements AssetFact {
        public void applyTo(AssetBook book) {
            book.generated(this);
        }
    }

    /** Generation failed; {@code error} is what /asset_report/get and the ERROR webhook report from now on. */
    record Failed(String reportId, JsonNode error, Instant at) implements AssetFact {
        public void applyTo(AssetBook book) {
            book.failed(this);
        }
    }

    /** /asset_report/remove: the token, the report's data, its audit copies and relay tokens are gone. */
    record Removed(String reportId, Instant at) implements AssetFact {
        public void applyTo(AssetBook book) {
            book.remove(this);
        }
    }

    record AuditCopyCreated(String token, String reportId, String auditorId, Instant at) implements AssetFact {
        public void applyTo(AssetBook book) {
            book.createAuditCopy(this);
        }
    }

    record AuditCopyRemoved(String token) implements AssetFact {
        public void applyTo(AssetBook book) {
            book.removeAuditCopy(this);
        }
    }

    record RelayCreated(String token, String reportId, String secondaryClientId, String webhook, Instant at) implements AssetFact {
        public void applyTo(AssetBook book) {
            book.createRelay(this);
        }
    }

    /** /credit/relay/refresh: the relay token now gives the new report. */
    record RelayMoved(String token, String reportId) implements AssetFact {
        public void applyTo(AssetBook book) {
            book.moveRelay(this);
        }
    }

    record RelayRemoved(String token) implements AssetFact {
        public void applyTo(AssetBook book) {
            book.removeRelay(this);
        }
    }

    /** What made a report. */
    enum Origin {
        CREATE, REFRESH, FILTER
    }

    /** Plaid's report_type of the PRODUCT_READY webhook. */
    enum ReportType {
        FAST, FULL
    }
}
