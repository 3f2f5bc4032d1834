package dev.tartan.emulator.assets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.emulator.items.Items;
import dev.tartan.emulator.support.Ids;
import dev.tartan.emulator.support.Json;
import dev.tartan.emulator.wire.HandlerRegistry;
import dev.tartan.emulator.wire.OperationRequest;
import dev.tartan.emulator.wire.PlaidErrors;
import dev.tartan.emulator.wire.Reply;

/**
 * /credit/relay/*: an asset report shared with another Plaid client through a relay token, read (JSON or PDF)
 * and refreshed by that client with the same machinery as /asset_report/*. The emulator has one client, so
 * {@code secondary_client_id} is kept but not checked against the caller.
 */
final class RelayOperations {
    private static final String RELAY_TOKEN = "relay_token";

    private final Reports reports;
    private final AssetReports state;

    RelayOperations(Reports reports) {
        this.reports = reports;
        this.state = reports.state();
    }

    void register(HandlerRegistry registry) {
        registry.register("/credit/relay/create", this::create);
        registry.register("/credit/relay/get", this::get);
        registry.register("/credit/relay/pdf/get", this::pdf);
        registry.register("/credit/relay/refresh", this::refresh);
        registry.register("/credit/relay/remove", this::remove);
    }

    /** A relay token for one asset report (Plaid takes at most one report token of each type, and only asset reports). */
    private Reply create(OperationRequest request) {
        JsonNode tokens = request.body().path("report_tokens");
        if (!tokens.isArray() || tokens.isEmpty()) {
            throw PlaidErrors.of("MISSING_FIELDS", "the following required fields are missing: report_tokens");
        }
        if (tokens.size() > 1) {
            throw PlaidErrors.invalidField("report_tokens: give at most one report token of each type; only asset report"
                    + " tokens can be relayed, so give one");
        }
        String field = "report_tokens[0]";
        String reportToken = tokens.get(0).asText();
        String secondaryClientId = request.requiredText("secondary_client_id");
        String webhook = Items.webhookUrl("webhook", request.text("webhook"));
        Reports.Finder finder = Reports.byReportToken(reportToken, field);
        reports.caughtUp(finder);
        String relayToken = state.write(() -> {
            AssetReport report = finder.apply(state.book());
            if (report.status() == AssetReport.Status.FAILED) {
                throw AssetErrors.invalidParent(field, report.id());
            }
            String made = Ids.token("relay");
            state.record(new AssetFact.RelayCreated(made, report.id(), secondaryClientId, webhook, state.now()));
            return made;
        });
        return Reply.json(Json.object().put(RELAY_TOKEN, relayToken));
    }

    private Reply get(OperationRequest request) {
        ObjectNode data = reports.readable(Reports.byRelay(Reports.token(request, RELAY_TOKEN), RELAY_TOKEN), false);
        boolean insights = request.body().path("include_insights").asBoolean(false);
        return Reply.json(ReportViews.response(data, new ReportViews.View(insights, false, null)));
    }

    private Reply pdf(OperationRequest request) {
        ObjectNode data = reports.readable(Reports.byRelay(Reports.token(request, RELAY_TOKEN), RELAY_TOKEN), false);
        return Reply.binary("application/pdf", AssetReportPdf.render(ReportViews.report(data, ReportViews.View.STANDARD)));
    }

    /**
     * A new report over the same Items, accounts and days with today's data; the relay token now gives it. Its
     * PRODUCT_READY goes to the {@code webhook} of this request (the original report's webhook is its owner's).
     */
    private Reply refresh(OperationRequest request) {
        String token = Reports.token(request, RELAY_TOKEN);
        String webhook = Items.webhookUrl("webhook", request.text("webhook"));
        Reports.Finder finder = Reports.byRelay(token, RELAY_TOKEN);
        reports.caughtUp(finder);
        AssetFact.Requested requested = state.write(() -> {
            AssetReport parent = Reports.requireGenerated(finder.apply(state.book()), RELAY_TOKEN);
            AssetFact.Requested original = parent.request;
            AssetFact.Requested made = reports.newRequest(AssetFact.Origin.REFRESH, parent.id(), original.itemIds(),
                    original.daysRequested(), original.options().withWebhook(webhook), original.excluded());
            state.record(made);
            state.record(new AssetFact.RelayMoved(token, made.reportId()));
            return made;
        });
        state.schedule(requested);
        return Reply.json(Json.object().put(RELAY_TOKEN, token).put("asset_report_id", requested.reportId()));
    }

    private Reply remove(OperationRequest request) {
        String token = Reports.token(request, RELAY_TOKEN);
        state.write(() -> {
            state.book().relay(token).orElseThrow(() -> AssetErrors.invalidRelayToken(RELAY_TOKEN));
            state.record(new AssetFact.RelayRemoved(token));
            return null;
        });
        return Reply.json(Json.object().put("removed", true));
    }
}
