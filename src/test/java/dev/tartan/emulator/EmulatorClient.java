package dev.tartan.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

/** A bare HTTP client for emulator tests: posts JSON and hands back status, body and headers. */
public final class EmulatorClient {
    public static final ObjectMapper MAPPER = new ObjectMapper();
    private static final MediaType JSON = MediaType.get("application/json");

    private final OkHttpClient http;
    private final String baseUrl;
    private final String clientId;
    private final String secret;

    public EmulatorClient(PlaidEmulator emulator) {
        this(emulator.baseUrl().toString(), emulator.clientId(), emulator.secret());
    }

    public EmulatorClient(String baseUrl, String clientId, String secret) {
        this.http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(60)).readTimeout(Duration.ofSeconds(60))
                .retryOnConnectionFailure(false).build();
        this.baseUrl = baseUrl;
        this.clientId = clientId;
        this.secret = secret;
    }

    /** An answer: the HTTP status, the body as JSON (null when not JSON) and the raw bytes. */
    public record Answer(int status, String contentType, byte[] bytes, JsonNode json) {
        public String errorCode() {
            return json == null ? null : json.path("error_code").asText(null);
        }
    }

    public static ObjectNode body() {
        return MAPPER.createObjectNode();
    }

    /** Posts {@code body} with the credentials in headers. */
    public Answer post(String path, ObjectNode body) {
        Request request = new Request.Builder().url(baseUrl + path)
                .header("PLAID-CLIENT-ID", clientId).header("PLAID-SECRET", secret).header("Plaid-Version", "2020-09-14")
                .post(RequestBody.create(body.toString(), JSON)).build();
        return execute(request);
    }

    /** Posts {@code body} exactly as given: no credential headers are added, and no Content-Type when it is null. */
    public Answer postRaw(String path, String body, String contentType) {
        RequestBody requestBody = RequestBody.create(body, contentType == null ? null : MediaType.get(contentType));
        return execute(new Request.Builder().url(baseUrl + path).post(requestBody).build());
    }

    public Answer execute(Request request) {
        try (Response response = http.newCall(request).execute()) {
            byte[] bytes = response.body() == null ? new byte[0] : response.body().bytes();
            String type = response.header("Content-Type", "");
            JsonNode json = type.startsWith("application/json") ? MAPPER.readTree(bytes) : null;
            return new Answer(response.code(), type, bytes, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Posts and fails unless the answer is 200; returns the JSON body. */
    public JsonNode ok(String path, ObjectNode body) {
        Answer answer = post(path, body);
        if (answer.status() != 200) {
            throw new AssertionError(path + " answered " + answer.status() + ": " + answer.json());
        }
        return answer.json();
    }

    public String clientId() {
        return clientId;
    }

    public String secret() {
        return secret;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** Creates a Sandbox Item for {@code username} at First Platypus Bank and returns its access token. */
    public String newItem(String username, String password, String... products) {
        return newItemAt("ins_109508", username, password, products);
    }

    /** A new Item at {@code institutionId} (public token made and exchanged): its access token. */
    public String newItemAt(String institutionId, String username, String password, String... products) {
        ObjectNode create = body().put("institution_id", institutionId);
        var array = create.putArray("initial_products");
        for (String product : products.length == 0 ? new String[] {"transactions", "auth", "identity"} : products) {
            array.add(product);
        }
        ObjectNode options = create.putObject("options");
        options.put("override_username", username);
        options.put("override_password", password);
        String publicToken = ok("/sandbox/public_token/create", create).path("public_token").asText();
        return ok("/item/public_token/exchange", body().put("public_token", publicToken)).path("access_token").asText();
    }
}
