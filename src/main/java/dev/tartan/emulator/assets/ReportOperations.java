package dev.tartan.emulator.assets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.emulator.items.ItemRecord;
import dev.tartan.emulator.items.Items;
import dev.tartan.emulator.support.Ids;
import dev.tartan.emulator.support.Json;
import dev.tartan.emulator.wire.ApiException;
import dev.tartan.emulator.wire.HandlerRegistry;
import dev.tartan.emulator.wire.OperationRequest;
import dev.tartan.emulator.wire.PlaidErrors;
import dev.tartan.emulator.wire.Reply;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * /asset_report/*: create, get, pdf/get, refresh, filter, remove, and the audit copies (create, get, pdf/get,
 * remove).
 */
final class ReportOperations {
    private static final String TOKEN = "asset_report_token";
    private static final String AUDIT_COPY_TOKEN = "audit_copy_token";
    private static final String PDF = "application/pdf";

    private final Reports reports;
    private final AssetReports state;

    ReportOperations(Reports reports) {
        this.reports = reports;
        this.state = reports.state();
    }

    void register(HandlerRegistry registry) {
        registry.register("/asset_report/create", this::create);
        registry.register("/asset_report/get", this::get);
        registry.register("/asset_report/pdf/get", this::pdf);
        registry.register("/asset_report/refresh", this::refresh);
        registry.register("/asset_report/filter", this::filter);
        registry.register("/asset_report/remove", this::remove);
        registry.register("/asset_report/audit_copy/create", this::createAuditCopy);
        registry.register("/asset_report/audit_copy/get", this::getAuditCopy);
        registry.register("/asset_report/audit_copy/pdf/get", this::auditCopyPdf);
        registry.register("/asset_report/audit_copy/remove", this::removeAuditCopy);
    }

    private Reply create(OperationRequest request) {
        JsonNode tokens = request.body().path("access_tokens");
        if (!tokens.isArray() || tokens.isEmpty()) {
            throw AssetErrors.noToken("access_tokens", "INVALID_ACCESS_TOKEN", "the access tokens of the Items the report is about");
        }
        int days = request.body().path("days_requested").asInt();
        ReportOptions options = options(request.object("options"));
        AssetFact.Requested requested = state.write(() -> {
            List<String> itemIds = new ArrayList<>();
            for (int i = 0; i < tokens.size(); i++) {
                String field = "access_tokens[" + i + "]";
                ItemRecord item = item(tokens.get(i).asText(), field);
                if (!item.billedProducts().contains("assets")) {
                    throw AssetErrors.productNotEnabled(field, item.itemId());
                }
                if (itemIds.contains(item.itemId())) {
                    throw PlaidErrors.invalidField(field + ": the Item " + item.itemId() + " is already in this report");
                }
                itemIds.add(item.itemId());
            }
            AssetFact.Requested made = reports.newRequest(AssetFact.Origin.CREATE, null, itemIds, days, options, List.of());
            state.record(made);
            return made;
        });
        state.schedule(requested);
        return Reply.json(Reports.created(requested));
    }

    /** The Item behind an access token of the request; an Item in an error state is accepted (generation reports it). */
    private ItemRecord item(String accessToken, String field) {
        try {
            return state.items().itemFor(accessToken);
        } catch (ApiException e) {
            throw e.withMessage(field + ": " + e.getMessage());
        }
    }

    /** The options of /asset_report/create, with the older spellings of the add-ons (include_fast_report, products). */
    private static ReportOptions options(JsonNode options) {
        String webhook = Items.webhookUrl("options.webhook", ReportOptions.text(options, "webhook"));
        Set<String> addOns = new LinkedHashSet<>();
        options.path("add_ons").forEach(addOn -> addOns.add(addOn.asText()));
        if (options.path("include_fast_report").asBoolean(false)) {
            addOns.add(ReportOptions.FAST_ASSETS);
        }
        options.path("products").forEach(product -> addOns.add(product.asText()));
        JsonNode requireAll = options.get("require_all_items");
        boolean requireAllItems = requireAll == null || requireAll.isNull() || requireAll.asBoolean();
        ReportOptions.ReportUser user = options.path("user").isObject()
                ? ReportOptions.ReportUser.of(options.get("user")) : ReportOptions.ReportUser.NONE;
        return new ReportOptions(ReportOptions.text(options, "client_report_id"), webhook, user, List.copyOf(addOns), requireAllItems);
    }

    private Reply get(OperationRequest request) {
        String token = request.text(TOKEN);
        if (token == null || token.isBlank()) {
            throw request.text("user_token") != null ? AssetErrors.invalidUserToken()
                    : AssetErrors.noToken(TOKEN, "INVALID_ASSET_REPORT_TOKEN", "the token of the report to get");
        }
        boolean fast = request.body().path("fast_report").asBoolean(false);
        ObjectNode data = reports.readable(Reports.byReportToken(token, TOKEN), fast);
        ReportViews.View view = new ReportViews.View(request.body().path("include_insights").asBoolean(false), fast,
                Reports.daysToInclude(request));
        return Reply.json(ReportViews.response(data, view));
    }

    private Reply pdf(OperationRequest request) {
        ObjectNode data = reports.readable(Reports.byReportToken(Reports.token(request, TOKEN), TOKEN), false);
        return Reply.binary(PDF, AssetReportPdf.render(ReportViews.report(data,
                new ReportViews.View(false, false, Reports.daysToInclude(request)))));
    }

    private Reply refresh(OperationRequest request) {
        String token = Reports.token(request, TOKEN);
        JsonNode daysGiven = request.body().get("days_requested");
        JsonNode given = request.object("options");
        String webhook = given.has("webhook") ? Items.webhookUrl("options.webhook", ReportOptions.text(given, "webhook")) : null;
        Reports.Finder finder = Reports.byReportToken(token, TOKEN);
        reports.caughtUp(finder);
        AssetFact.Requested requested = state.write(() -> {
            AssetReport parent = Reports.requireGenerated(finder.apply(state.book()), TOKEN);
            AssetFact.Requested original = parent.request;
            int days = daysGiven == null || daysGiven.isNull() ? original.daysRequested() : daysGiven.asInt();
            AssetFact.Requested made = reports.newRequest(AssetFact.Origin.REFRESH, parent.id(), original.itemIds(), days,
                    original.options().refreshedWith(given, webhook), original.excluded());
            state.record(made);
            return made;
        });
        state.schedule(requested);
        return Reply.json(Reports.created(requested));
    }

    /** A new report with the parent's data less some accounts: stored at once, ready after the delay like any other. */
    private Reply filter(OperationRequest request) {
        String token = Reports.token(request, TOKEN);
        JsonNode exclude = request.body().path("account_ids_to_exclude");
        Reports.Finder finder = Reports.byReportToken(token, TOKEN);
        String parentId = reports.caughtUp(finder);
        state.read(() -> Reports.requireGenerated(finder.apply(state.book()), TOKEN));
        ObjectNode parentData = reports.data(parentId);
        Set<String> inReport = new HashSet<>();
        parentData.path("items").forEach(item -> item.path("accounts").forEach(account -> inReport.add(account.path("account_id").asText())));
        Set<String> excluded = new LinkedHashSet<>();
        for (int i = 0; i < exclude.size(); i++) {
            String accountId = exclude.get(i).asText();
            if (!inReport.contains(accountId)) {
                throw AssetErrors.accountNotInReport("account_ids_to_exclude[" + i + "]", accountId);
            }
            excluded.add(accountId);
        }
        String childId = UUID.randomUUID().toString();
        Snapshots.Packed childData = Snapshots.pack(ReportViews.without(parentData, excluded, childId));
        AssetFact.Requested requested = state.write(() -> {
            AssetReport parent = Reports.requireGenerated(finder.apply(state.book()), TOKEN);
            List<String> allExcluded = new ArrayList<>(parent.request.excluded());
            excluded.stream().filter(id -> !allExcluded.contains(id)).forEach(allExcluded::add);
            AssetFact.Requested made = reports.newRequest(childId, AssetFact.Origin.FILTER, parent.id(), parent.request.itemIds(),
                    parent.request.daysRequested(), parent.request.options(), allExcluded);
            state.snapshots().put(made.reportId(), childData);
            state.record(made);
            return made;
        });
        state.schedule(requested);
        return Reply.json(Reports.created(requested));
    }

    private Reply remove(OperationRequest request) {
        String token = Reports.token(request, TOKEN);
        state.write(() -> {
            AssetReport report = Reports.byReportToken(token, TOKEN).apply(state.book());
            state.record(new AssetFact.Removed(report.id(), state.now()));
            state.snapshots().delete(report.id());
            return null;
        });
        return Reply.json(Json.object().put("removed", true));
    }

    private Reply createAuditCopy(OperationRequest request) {
        String token = Reports.token(request, TOKEN);
        String auditorId = request.text("auditor_id");
        Reports.Finder finder = Reports.byReportToken(token, TOKEN);
        reports.caughtUp(finder);
        String copyToken = state.write(() -> {
            AssetReport report = Reports.requireGenerated(finder.apply(state.book()), TOKEN);
            String made = Ids.token("a");
            state.record(new AssetFact.AuditCopyCreated(made, report.id(), auditorId, state.now()));
            return made;
        });
        return Reply.json(Json.object().put(AUDIT_COPY_TOKEN, copyToken));
    }

    private Reply getAuditCopy(OperationRequest request) {
        ObjectNode data = reports.readable(Reports.byAuditCopy(Reports.token(request, AUDIT_COPY_TOKEN), AUDIT_COPY_TOKEN), false);
        return Reply.json(ReportViews.response(data, ReportViews.View.STANDARD));
    }

    private Reply auditCopyPdf(OperationRequest request) {
        ObjectNode data = reports.readable(Reports.byAuditCopy(Reports.token(request, AUDIT_COPY_TOKEN), AUDIT_COPY_TOKEN), false);
        return Reply.binary(PDF, AssetReportPdf.render(ReportViews.report(data,
                new ReportViews.View(false, false, Reports.daysToInclude(request)))));
    }

    private Reply removeAuditCopy(OperationRequest request) {
        String token = Reports.token(request, AUDIT_COPY_TOKEN);
        state.write(() -> {
            state.book().auditCopy(token).orElseThrow(() -> AssetErrors.invalidAuditCopyToken(AUDIT_COPY_TOKEN));
            state.record(new AssetFact.AuditCopyRemoved(token));
            return null;
        });
        return Reply.json(Json.object().put("removed", true));
    }
}
