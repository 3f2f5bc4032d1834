package dev.tartan.emulator.assets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.emulator.PlaidEmulator;

import static dev.tartan.emulator.EmulatorClient.body;

/**
 * Real Assets objects for tests that send every operation a request built from the spec (AllOperationsTest):
 * an Item with the assets product, and a ready report, audit copy or relay token for each request that names
 * one (a fresh one each time, since some requests remove what they name). Needs an emulator whose reports are
 * ready at once (asset report delay zero).
 */
public final class AssetFixtures {
    private final AssetsClient client;
    private final String item;

    public AssetFixtures(PlaidEmulator emulator) {
        this.client = new AssetsClient(emulator);
        this.item = client.item();
    }

    /** Replaces what an Assets request names (Items, report, audit copy and relay tokens, accounts) with real ones. */
    public void fill(String path, ObjectNode request) {
        if (!path.startsWith("/asset_report/") && !path.startsWith("/credit/relay/")) {
            return;
        }
        switch (path) {
            case "/asset_report/create" -> request.putArray("access_tokens").add(item);
            case "/asset_report/get", "/asset_report/pdf/get", "/asset_report/refresh", "/asset_report/remove",
                    "/asset_report/audit_copy/create" -> {
                request.remove("user_token");
                request.put("asset_report_token", report());
            }
            case "/asset_report/filter" -> {
                String token = report();
                request.put("asset_report_token", token);
                request.putArray("account_ids_to_exclude").add(AssetsClient.accountIds(client.report(token)).get(0));
            }
            case "/asset_report/audit_copy/get", "/asset_report/audit_copy/pdf/get", "/asset_report/audit_copy/remove" ->
                    request.put("audit_copy_token", client.ok("/asset_report/audit_copy/create",
                            AssetsClient.token(report()).put("auditor_id", "fannie_mae")).path("audit_copy_token").asText());
            case "/credit/relay/create" -> request.putArray("report_tokens").add(report());
            case "/credit/relay/get", "/credit/relay/pdf/get", "/credit/relay/refresh", "/credit/relay/remove" ->
                    request.put("relay_token", relay());
            default -> {
            }
        }
        if (request.has("days_requested") && !request.get("days_requested").isNull()) {
            request.put("days_requested", 30);
        }
    }

    /** A new report, ready (the emulator's delay is zero). */
    private String report() {
        String token = client.create(30, item).path("asset_report_token").asText();
        client.report(token);
        return token;
    }

    private String relay() {
        ObjectNode request = body().put("secondary_client_id", "all-operations");
        request.putArray("report_tokens").add(report());
        JsonNode answer = client.ok("/credit/relay/create", request);
        return answer.path("relay_token").asText();
    }
}
