package dev.tartan.emulator.assets;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The Assets state in memory: reports by id and by token, audit copies and relay tokens. It changes only by
 * applying {@link AssetFact}s in the order they happened, so the journal rebuilds it exactly. Not
 * thread-safe: callers hold the state lock.
 */
final class AssetBook {
    private final Map<String, AssetReport> reports = new LinkedHashMap<>();
    private final Map<String, AssetReport> byToken = new HashMap<>();
    private final Map<String, AuditCopy> auditCopies = new LinkedHashMap<>();
    private final Map<String, Relay> relays = new LinkedHashMap<>();

    /** An audit copy: a token an auditor reads a report with. */
    record AuditCopy(String token, String reportId, String auditorId) {
    }

    /** A relay token: a report shared with another Plaid client; refresh moves it to the new report. */
    static final class Relay {
        final String token;
        final String secondaryClientId;
        final String webhook;
        String reportId;

        Relay(AssetFact.RelayCreated created) {
            this.token = created.token();
            this.secondaryClientId = created.secondaryClientId();
            this.webhook = created.webhook();
            this.reportId = created.reportId();
        }
    }

    void apply(AssetFact fact) {
        fact.applyTo(this);
    }

    // ---- applying facts ---------------------------------------------------------------------------------

    void request(AssetFact.Requested requested) {
        AssetReport report = new AssetReport(requested);
        reports.put(report.id(), report);
        byToken.put(report.token(), report);
        if (requested.parentId() != null) {
            AssetReport parent = reports.get(requested.parentId());
            if (parent != null) {
                parent.children.add(report.id());
            }
        }
    }

    void generated(AssetFact.Generated generated) {
        AssetReport report = reports.get(generated.reportId());
        if (generated.reportType() == AssetFact.ReportType.FAST) {
            report.fastGenerated = true;
        } else {
            report.generated = true;
            report.generatedAt = generated.at();
        }
    }

    void failed(AssetFact.Failed failed) {
        reports.get(failed.reportId()).error = failed.error();
    }

    void remove(AssetFact.Removed removed) {
        AssetReport report = reports.get(removed.reportId());
        report.removed = true;
        byToken.remove(report.token());
        auditCopies.values().removeIf(copy -> copy.reportId().equals(report.id()));
        relays.values().removeIf(relay -> relay.reportId.equals(report.id()));
    }

    void createAuditCopy(AssetFact.AuditCopyCreated created) {
        auditCopies.put(created.token(), new AuditCopy(created.token(), created.reportId(), created.auditorId()));
    }

    void removeAuditCopy(AssetFact.AuditCopyRemoved removed) {
        auditCopies.remove(removed.token());
    }

    void createRelay(AssetFact.RelayCreated created) {
        relays.put(created.token(), new Relay(created));
    }

    void moveRelay(AssetFact.RelayMoved moved) {
        relays.get(moved.token()).reportId = moved.reportId();
    }

    void removeRelay(AssetFact.RelayRemoved removed) {
        relays.remove(removed.token());
    }

    // ---- look-ups ---------------------------------------------------------------------------------------

    /** The live report behind a token (a removed report's token leads nowhere). */
    Optional<AssetReport> byToken(String token) {
        return Optional.ofNullable(byToken.get(token));
    }

    Optional<AssetReport> report(String reportId) {
        return Optional.ofNullable(reports.get(reportId));
    }

    Collection<AssetReport> reports() {
        return reports.values();
    }

    Optional<AuditCopy> auditCopy(String token) {
        return Optional.ofNullable(auditCopies.get(token));
    }

    Optional<Relay> relay(String token) {
        return Optional.ofNullable(relays.get(token));
    }
}
