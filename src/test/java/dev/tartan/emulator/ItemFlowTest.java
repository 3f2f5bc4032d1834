package dev.tartan.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.List;

import static dev.tartan.emulator.EmulatorClient.body;
import static org.assertj.core.api.Assertions.assertThat;

/** The Item lifecycle end to end: create, exchange, read, rotate, break, repair, remove. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ItemFlowTest {
    private PlaidEmulator emulator;
    private EmulatorClient client;

    @BeforeAll
    void start() {
        emulator = PlaidEmulator.start(EmulatorConfig.inMemory());
        client = new EmulatorClient(emulator);
    }

    @AfterAll
    void stop() {
        emulator.close();
    }

    private EmulatorClient.Answer post(String path, String accessToken) {
        return client.post(path, body().put("access_token", accessToken));
    }

    @Test
    void endToEnd() {
        ObjectNode link = body().put("client_name", "Tartan").put("language", "en");
        link.putArray("country_codes").add("US");
        link.putArray("products").add("transactions");
        link.putObject("user").put("client_user_id", "support-42");
        link.put("webhook", "https://example.com/hook");
        String linkToken = client.ok("/link/token/create", link).path("link_token").asText();
        assertThat(linkToken).startsWith("link-sandbox-");
        JsonNode linkInfo = client.ok("/link/token/get", body().put("link_token", linkToken));
        assertThat(linkInfo.path("metadata").path("client_name").asText()).isEqualTo("Tartan");
        assertThat(linkInfo.path("metadata").path("initial_products").get(0).asText()).isEqualTo("transactions");

        String accessToken = client.newItem("user_good", "pass_good", "transactions", "auth");
        assertThat(accessToken).startsWith("access-sandbox-");
        JsonNode item = client.ok("/item/get", body().put("access_token", accessToken)).path("item");
        assertThat(item.path("institution_id").asText()).isEqualTo("ins_109508");
        assertThat(item.path("institution_name").asText()).isEqualTo("First Platypus Bank");
        assertThat(item.path("billed_products").toString()).contains("transactions").contains("auth");
        assertThat(item.path("error").isNull()).isTrue();

        JsonNode accounts = client.ok("/accounts/get", body().put("access_token", accessToken)).path("accounts");
        assertThat(accounts).hasSize(9);
        assertThat(accounts.get(0).path("name").asText()).isEqualTo("Plaid Checking");
        assertThat(accounts.get(0).path("balances").path("available").asDouble()).isEqualTo(100.0);

        JsonNode auth = client.ok("/auth/get", body().put("access_token", accessToken));
        assertThat(auth.path("numbers").path("ach")).isNotEmpty();
        assertThat(auth.path("numbers").path("ach").get(0).path("account").asText()).endsWith("0000");

        // Rotating the access token: the old one stops working, the new one reaches the same Item.
        String rotated = client.ok("/item/access_token/invalidate", body().put("access_token", accessToken))
                .path("new_access_token").asText();
        assertThat(post("/accounts/get", accessToken).errorCode()).isEqualTo("INVALID_ACCESS_TOKEN");
        assertThat(client.ok("/item/get", body().put("access_token", rotated)).path("item").path("item_id").asText())
                .isEqualTo(item.path("item_id").asText());

        // A login reset breaks data calls but not /item/get, which shows the error.
        client.ok("/sandbox/item/reset_login", body().put("access_token", rotated));
        EmulatorClient.Answer broken = post("/accounts/get", rotated);
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.errorCode()).isEqualTo("ITEM_LOGIN_REQUIRED");
        assertThat(post("/transactions/sync", rotated).errorCode()).isEqualTo("ITEM_LOGIN_REQUIRED");
        JsonNode brokenItem = client.ok("/item/get", body().put("access_token", rotated)).path("item");
        assertThat(brokenItem.path("error").path("error_code").asText()).isEqualTo("ITEM_LOGIN_REQUIRED");

        // Update mode needs a public token for the Item; the repaired-login webhook repairs it in the emulator.
        client.ok("/item/public_token/create", body().put("access_token", rotated));
        client.ok("/item/webhook/update", body().put("access_token", rotated).put("webhook", "http://127.0.0.1:9/hook"));
        client.ok("/sandbox/item/fire_webhook", body().put("access_token", rotated).put("webhook_code", "LOGIN_REPAIRED"));
        assertThat(post("/accounts/get", rotated).status()).isEqualTo(200);

        client.ok("/item/remove", body().put("access_token", rotated));
        assertThat(post("/item/get", rotated).errorCode()).isEqualTo("ITEM_NOT_FOUND");
    }

    @Test
    void balancesAreStampedWhenFetched() {
        String accessToken = client.newItem("user_good", "pass_good");
        JsonNode accounts = client.ok("/accounts/balance/get", body().put("access_token", accessToken)).path("accounts");
        assertThat(accounts.get(0).path("balances").path("last_updated_datetime").asText()).isNotEmpty();
        JsonNode item = client.ok("/item/get", body().put("access_token", accessToken)).path("item");
        assertThat(item.path("billed_products").toString()).contains("balance");
    }

    @Test
    void identityAndMatchScores() {
        String accessToken = client.newItem("user_good", "pass_good", "identity");
        JsonNode owner = client.ok("/identity/get", body().put("access_token", accessToken))
                .path("accounts").get(0).path("owners").get(0);
        String name = owner.path("names").get(0).asText();
        String email = owner.path("emails").get(0).path("data").asText();
        ObjectNode match = body().put("access_token", accessToken);
        match.putObject("user").put("legal_name", name).put("email_address", "someone.else@example.net");
        JsonNode scored = client.ok("/identity/match", match).path("accounts").get(0);
        assertThat(scored.path("legal_name").path("score").asInt()).isEqualTo(100);
        assertThat(scored.path("email_address").path("score").asInt()).isLessThan(70);
        assertThat(scored.path("phone_number").isNull()).isTrue();
        assertThat(email).contains("@");
    }

    @Test
    void userCustomConfiguresAccounts() {
        String config = """
                {"override_accounts": [{"type": "depository", "subtype": "savings", "starting_balance": 321.5,
                  "force_available_balance": 300, "meta": {"name": "Rainy Day", "mask": "4242"},
                  "numbers": {"account": "9900114242", "ach_routing": "011401533"}}]}
                """;
        String accessToken = client.newItem("user_custom", config, "auth");
        JsonNode account = client.ok("/accounts/get", body().put("access_token", accessToken)).path("accounts").get(0);
        assertThat(account.path("name").asText()).isEqualTo("Rainy Day");
        assertThat(account.path("mask").asText()).isEqualTo("4242");
        assertThat(account.path("balances").path("current").asDouble()).isEqualTo(321.5);
        assertThat(account.path("balances").path("available").asDouble()).isEqualTo(300.0);
        JsonNode ach = client.ok("/auth/get", body().put("access_token", accessToken)).path("numbers").path("ach").get(0);
        assertThat(ach.path("account").asText()).isEqualTo("9900114242");
        assertThat(ach.path("routing").asText()).isEqualTo("011401533");
    }

    @Test
    void automatedMicroDepositsShowNumbersOnlyOnceVerified() {
        String accessToken = client.newItemAt("ins_109512", "user_good", "microdeposits_good", "auth");
        JsonNode before = client.ok("/auth/get", body().put("access_token", accessToken));
        assertThat(before.path("accounts").get(0).path("verification_status").asText()).isEqualTo("pending_automatic_verification");
        assertThat(before.path("numbers").path("ach")).isEmpty();
        String accountId = before.path("accounts").get(0).path("account_id").asText();
        client.ok("/sandbox/item/set_verification_status", body().put("access_token", accessToken).put("account_id", accountId)
                .put("verification_status", "automatically_verified"));
        JsonNode after = client.ok("/auth/get", body().put("access_token", accessToken));
        assertThat(after.path("accounts").get(0).path("verification_status").asText()).isEqualTo("automatically_verified");
        assertThat(after.path("numbers").path("ach")).hasSize(1);
    }

    @Test
    void institutionsCatalogue() {
        ObjectNode get = body().put("count", 500).put("offset", 0);
        get.putArray("country_codes").add("US").add("CA").add("GB").add("IE").add("ES").add("FR").add("DE");
        JsonNode all = client.ok("/institutions/get", get);
        assertThat(all.path("total").asInt()).isGreaterThanOrEqualTo(20);
        List<String> ids = new ArrayList<>();
        all.path("institutions").forEach(i -> ids.add(i.path("institution_id").asText()));
        assertThat(ids).contains("ins_109508", "ins_109512", "ins_43", "ins_117650");

        ObjectNode oauthOnly = body().put("count", 500).put("offset", 0);
        oauthOnly.putArray("country_codes").add("US");
        oauthOnly.putObject("options").put("oauth", true);
        client.ok("/institutions/get", oauthOnly).path("institutions").forEach(i -> assertThat(i.path("oauth").asBoolean()).isTrue());

        ObjectNode page = body().put("count", 2).put("offset", 2);
        page.putArray("country_codes").add("US");
        assertThat(client.ok("/institutions/get", page).path("institutions")).hasSize(2);

        ObjectNode search = body().put("query", "houndstooth");
        search.putArray("country_codes").add("US");
        JsonNode found = client.ok("/institutions/search", search).path("institutions");
        assertThat(found).hasSize(1);
        assertThat(found.get(0).path("institution_id").asText()).isEqualTo("ins_109512");

        ObjectNode byId = body().put("institution_id", "ins_132361");
        byId.putArray("country_codes").add("US");
        byId.putObject("options").put("include_status", true);
        assertThat(client.ok("/institutions/get_by_id", byId).path("institution").path("status").path("item_logins")
                .path("status").asText()).isEqualTo("DOWN");
    }
}
