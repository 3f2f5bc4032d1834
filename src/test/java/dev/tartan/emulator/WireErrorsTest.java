package dev.tartan.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.testing.SpecSchemas;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.HashSet;
import java.util.Set;

import static dev.tartan.emulator.EmulatorClient.body;
import static org.assertj.core.api.Assertions.assertThat;

/** Each error case of the wire contract, in Plaid's error shape, with Plaid's HTTP status and a fresh request_id. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WireErrorsTest {
    private PlaidEmulator emulator;
    private EmulatorClient client;
    private String accessToken;

    @BeforeAll
    void start() {
        emulator = PlaidEmulator.start(EmulatorConfig.inMemory());
        client = new EmulatorClient(emulator);
        accessToken = client.newItem("user_good", "pass_good");
    }

    @AfterAll
    void stop() {
        emulator.close();
    }

    /** Asserts a Plaid error body with the given status, type and code; returns its error_message. */
    private static String assertError(EmulatorClient.Answer answer, int status, String type, String code) {
        assertThat(answer.status()).as("status of %s", answer.json()).isEqualTo(status);
        JsonNode error = answer.json();
        assertThat(error.path("error_type").asText()).isEqualTo(type);
        assertThat(error.path("error_code").asText()).isEqualTo(code);
        assertThat(error.path("request_id").asText()).hasSize(15);
        assertThat(error.has("display_message")).isTrue();
        assertThat(SpecSchemas.componentProblems("PlaidError", error)).isEmpty();
        return error.path("error_message").asText();
    }

    @Test
    void unknownPathIsNotFound() {
        assertError(client.post("/accounts/list", body()), 404, "INVALID_REQUEST", "NOT_FOUND");
    }

    @Test
    void wrongMethodOnAKnownPathIsNotFound() {
        EmulatorClient.Answer answer = client.execute(new Request.Builder().url(client.baseUrl() + "/accounts/get").get().build());
        assertError(answer, 404, "INVALID_REQUEST", "NOT_FOUND");
    }

    @Test
    void wrongCredentialsAreInvalidApiKeys() {
        EmulatorClient stranger = new EmulatorClient(client.baseUrl(), client.clientId(), "not-the-secret");
        assertError(stranger.post("/accounts/get", body().put("access_token", accessToken)), 400, "INVALID_INPUT", "INVALID_API_KEYS");
    }

    @Test
    void credentialsMayComeInTheBody() {
        ObjectNode request = body().put("client_id", client.clientId()).put("secret", client.secret()).put("access_token", accessToken);
        EmulatorClient.Answer answer = client.postRaw("/accounts/get", request.toString(), "application/json");
        assertThat(answer.status()).isEqualTo(200);
        ObjectNode wrong = request.deepCopy().put("secret", "wrong");
        assertError(client.postRaw("/accounts/get", wrong.toString(), "application/json"), 400, "INVALID_INPUT", "INVALID_API_KEYS");
    }

    @Test
    void missingCredentialsAreMissingFields() {
        String message = assertError(client.postRaw("/accounts/get", body().put("access_token", accessToken).toString(),
                "application/json"), 400, "INVALID_REQUEST", "MISSING_FIELDS");
        assertThat(message).contains("client_id").contains("secret");
    }

    @Test
    void missingFieldsAreNamed() {
        String message = assertError(client.post("/transactions/get", body().put("access_token", accessToken)),
                400, "INVALID_REQUEST", "MISSING_FIELDS");
        assertThat(message).isEqualTo("the following required fields are missing: start_date, end_date");
    }

    @Test
    void nestedMissingFieldsAreNamedWithTheirPath() {
        ObjectNode link = body().put("client_name", "Tartan").put("language", "en");
        link.putArray("country_codes").add("US");
        link.putObject("user");
        String message = assertError(client.post("/link/token/create", link), 400, "INVALID_REQUEST", "MISSING_FIELDS");
        assertThat(message).contains("user.client_user_id");
    }

    @Test
    void unknownFieldsAreNamed() {
        ObjectNode request = body().put("access_token", accessToken).put("acess_token", "typo");
        request.putObject("options").put("include_everything", true);
        String message = assertError(client.post("/accounts/get", request), 400, "INVALID_REQUEST", "UNKNOWN_FIELDS");
        assertThat(message).contains("acess_token").contains("options.include_everything");
    }

    @Test
    void wrongTypeIsInvalidFieldNamingTheField() {
        String message = assertError(client.post("/transactions/sync", body().put("access_token", accessToken).put("count", "ten")),
                400, "INVALID_REQUEST", "INVALID_FIELD");
        assertThat(message).contains("count");
    }

    @Test
    void outOfRangeValueIsInvalidField() {
        String message = assertError(client.post("/transactions/sync", body().put("access_token", accessToken).put("count", 501)),
                400, "INVALID_REQUEST", "INVALID_FIELD");
        assertThat(message).isEqualTo("count must be at most 500");
    }

    @Test
    void valueOutsideTheEnumIsInvalidField() {
        ObjectNode request = body().put("institution_id", "ins_109508");
        request.putArray("initial_products").add("teleportation");
        String message = assertError(client.post("/sandbox/public_token/create", request), 400, "INVALID_REQUEST", "INVALID_FIELD");
        assertThat(message).startsWith("initial_products[0] must be one of: ");
    }

    @Test
    void badDateIsInvalidField() {
        ObjectNode request = body().put("access_token", accessToken).put("start_date", "2024-02-30").put("end_date", "2024-03-01");
        String message = assertError(client.post("/transactions/get", request), 400, "INVALID_REQUEST", "INVALID_FIELD");
        assertThat(message).contains("start_date");
    }

    @Test
    void malformedJsonIsInvalidBody() {
        assertError(client.postRaw("/accounts/get", "{\"access_token\": ", "application/json"), 400, "INVALID_REQUEST", "INVALID_BODY");
    }

    @Test
    void jsonThatIsNotAnObjectIsInvalidBody() {
        assertError(client.postRaw("/accounts/get", "[1, 2]", "application/json"), 400, "INVALID_REQUEST", "INVALID_BODY");
    }

    @Test
    void missingContentTypeIsInvalidHeaders() {
        ObjectNode request = body().put("client_id", client.clientId()).put("secret", client.secret()).put("access_token", accessToken);
        EmulatorClient.Answer answer = client.postRaw("/accounts/get", request.toString(), null);
        assertThat(assertError(answer, 400, "INVALID_REQUEST", "INVALID_HEADERS")).contains("Content-Type");
    }

    @Test
    void blankContentTypeIsInvalidHeaders() {
        Request request = new Request.Builder().url(client.baseUrl() + "/accounts/get")
                .header("PLAID-CLIENT-ID", client.clientId()).header("PLAID-SECRET", client.secret()).header("Content-Type", " ")
                .post(RequestBody.create(body().put("access_token", accessToken).toString(), null)).build();
        assertThat(assertError(client.execute(request), 400, "INVALID_REQUEST", "INVALID_HEADERS")).contains("Content-Type");
    }

    @Test
    void wrongContentTypeIsInvalidRequest() {
        Request request = new Request.Builder().url(client.baseUrl() + "/accounts/get")
                .header("PLAID-CLIENT-ID", client.clientId()).header("PLAID-SECRET", client.secret())
                .post(RequestBody.create("access_token=" + accessToken, MediaType.get("application/x-www-form-urlencoded"))).build();
        String message = assertError(client.execute(request), 400, "INVALID_REQUEST", "INVALID_BODY");
        assertThat(message).contains("application/json");
    }

    @Test
    void unknownAccessTokenIsInvalidAccessToken() {
        assertError(client.post("/accounts/get", body().put("access_token", "access-sandbox-00000000-0000-0000-0000-000000000000")),
                400, "INVALID_INPUT", "INVALID_ACCESS_TOKEN");
    }

    @Test
    void unknownAccountIdIsInvalidAccountId() {
        ObjectNode request = body().put("access_token", accessToken);
        request.putObject("options").putArray("account_ids").add("no-such-account");
        assertError(client.post("/accounts/get", request), 400, "INVALID_INPUT", "INVALID_ACCOUNT_ID");
    }

    @Test
    void unknownInstitutionIsInvalidInstitution() {
        ObjectNode request = body().put("institution_id", "ins_999999999");
        request.putArray("initial_products").add("auth");
        assertError(client.post("/sandbox/public_token/create", request), 400, "INVALID_INPUT", "INVALID_INSTITUTION");
    }

    @Test
    void errorPasswordsFailItemCreationWithThatError() {
        ObjectNode request = body().put("institution_id", "ins_109508");
        request.putArray("initial_products").add("auth");
        request.putObject("options").put("override_username", "user_good").put("override_password", "error_ITEM_LOCKED");
        assertError(client.post("/sandbox/public_token/create", request), 400, "ITEM_ERROR", "ITEM_LOCKED");
        ((ObjectNode) request.get("options")).put("override_password", "error_INSTITUTION_DOWN");
        assertError(client.post("/sandbox/public_token/create", request), 400, "INSTITUTION_ERROR", "INSTITUTION_DOWN");
        ((ObjectNode) request.get("options")).put("override_password", "error_INTERNAL_SERVER_ERROR");
        assertError(client.post("/sandbox/public_token/create", request), 500, "API_ERROR", "INTERNAL_SERVER_ERROR");
    }

    @Test
    void wrongSandboxPasswordIsInvalidCredentials() {
        ObjectNode request = body().put("institution_id", "ins_109508");
        request.putArray("initial_products").add("auth");
        request.putObject("options").put("override_username", "user_good").put("override_password", "pass_bad");
        assertError(client.post("/sandbox/public_token/create", request), 400, "ITEM_ERROR", "INVALID_CREDENTIALS");
    }

    @Test
    void userCustomForceErrorAndBadConfiguration() {
        ObjectNode request = body().put("institution_id", "ins_109508");
        request.putArray("initial_products").add("auth");
        request.putObject("options").put("override_username", "user_custom").put("override_password", "{\"force_error\": \"ITEM_NOT_SUPPORTED\"}");
        assertError(client.post("/sandbox/public_token/create", request), 400, "ITEM_ERROR", "ITEM_NOT_SUPPORTED");
        ((ObjectNode) request.get("options")).put("override_password", "{not json");
        String message = assertError(client.post("/sandbox/public_token/create", request), 400, "INVALID_REQUEST", "INVALID_FIELD");
        assertThat(message).contains("options.override_password");
    }

    @Test
    void unsupportedProductAndUnavailableInstitutions() {
        ObjectNode request = body().put("institution_id", "ins_200005");
        request.putArray("initial_products").add("auth");
        assertError(client.post("/sandbox/public_token/create", request), 400, "ITEM_ERROR", "PRODUCTS_NOT_SUPPORTED");
        request.put("institution_id", "ins_132361");
        assertError(client.post("/sandbox/public_token/create", request), 400, "INSTITUTION_ERROR", "INSTITUTION_DOWN");
        request.put("institution_id", "ins_133402");
        assertError(client.post("/sandbox/public_token/create", request), 400, "INSTITUTION_ERROR", "INSTITUTION_NO_LONGER_SUPPORTED");
    }

    @Test
    void publicTokensWorkOnce() {
        ObjectNode create = body().put("institution_id", "ins_109508");
        create.putArray("initial_products").add("auth");
        String publicToken = client.ok("/sandbox/public_token/create", create).path("public_token").asText();
        client.ok("/item/public_token/exchange", body().put("public_token", publicToken));
        assertError(client.post("/item/public_token/exchange", body().put("public_token", publicToken)),
                400, "INVALID_INPUT", "INVALID_PUBLIC_TOKEN");
    }

    @Test
    void unknownLinkAndProcessorTokensAndKeyIds() {
        assertError(client.post("/link/token/get", body().put("link_token", "link-sandbox-nope")), 400, "INVALID_INPUT", "INVALID_LINK_TOKEN");
        assertError(client.post("/processor/auth/get", body().put("processor_token", "processor-sandbox-nope")),
                400, "INVALID_INPUT", "INVALID_PROCESSOR_TOKEN");
        assertError(client.post("/webhook_verification_key/get", body().put("key_id", "nope")),
                400, "INVALID_INPUT", "INVALID_WEBHOOK_VERIFICATION_KEY_ID");
    }

    @Test
    void fireWebhookWithoutAWebhookIsSandboxWebhookInvalid() {
        assertError(client.post("/sandbox/item/fire_webhook", body().put("access_token", accessToken).put("webhook_code", "DEFAULT_UPDATE")),
                400, "SANDBOX_ERROR", "SANDBOX_WEBHOOK_INVALID");
    }

    @Test
    void webhookUrlsMustBeHttp() {
        String message = assertError(client.post("/item/webhook/update", body().put("access_token", accessToken)
                .put("webhook", "ftp://example.com/hook")), 400, "INVALID_REQUEST", "INVALID_FIELD");
        assertThat(message).contains("webhook");
        ObjectNode request = body().put("institution_id", "ins_109508");
        request.putArray("initial_products").add("auth");
        request.putObject("options").put("webhook", "not a url");
        assertThat(client.post("/sandbox/public_token/create", request).errorCode()).isEqualTo("INVALID_FIELD");
    }

    @Test
    void signalReportsNeedAnEvaluation() {
        String message = assertError(client.post("/signal/decision/report", body().put("client_transaction_id", "never-seen")
                .put("initiated", true)), 400, "INVALID_REQUEST", "INVALID_FIELD");
        assertThat(message).contains("client_transaction_id");
    }

    @Test
    void everyErrorHasAFreshRequestId() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            ids.add(client.post("/nope", body()).json().path("request_id").asText());
        }
        assertThat(ids).hasSize(20);
    }
}
