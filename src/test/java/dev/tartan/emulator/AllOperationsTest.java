package dev.tartan.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.emulator.assets.AssetFixtures;
import dev.tartan.emulator.transfer.TransferFixtures;
import dev.tartan.testing.RequestSynthesizer;
import dev.tartan.testing.SpecSchemas;
import dev.tartan.testing.WebhookReceiver;
import okhttp3.Request;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static dev.tartan.emulator.EmulatorClient.body;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation of both bundled specs (the newer definition where both have it) answers its spec
 * example request (or, where the example is missing or not valid, a minimal request built from the
 * schema) with HTTP 200 and a body valid for its response schema; binary answers are real files.
 * Tokens, ids and keys in the request are replaced by real ones made in the set-up.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AllOperationsTest {
    private static final Set<String> DESTRUCTIVE = Set.of("/item/remove", "/item/access_token/invalidate",
            "/sandbox/item/reset_login");

    private PlaidEmulator emulator;
    private EmulatorClient client;
    private WebhookReceiver receiver;
    private String sharedToken;
    private String checkingId;
    private String keyId;
    private final Map<String, String> processorTokens = new LinkedHashMap<>();
    private String microToken;
    private String microAccountId;
    private TransferFixtures transfers;
    private AssetFixtures assets;
    private final AtomicInteger counter = new AtomicInteger();

    @BeforeAll
    void setUp() {
        // Asset reports are ready at once, so the Assets operations can name ready reports.
        emulator = PlaidEmulator.start(EmulatorConfig.builder().assetReportDelay(Duration.ZERO).build());
        client = new EmulatorClient(emulator);
        receiver = new WebhookReceiver();
        sharedToken = newItem();
        for (JsonNode account : client.ok("/accounts/get", token()).path("accounts")) {
            String subtype = account.path("subtype").asText();
            String kind = switch (subtype) {
                case "checking" -> "depository";
                case "credit card" -> "credit";
                case "ira" -> "investment";
                default -> null;
            };
            if (kind != null) {
                if (kind.equals("depository")) {
                    checkingId = account.path("account_id").asText();
                }
                processorTokens.put(kind, client.ok("/processor/token/create", token().put("account_id",
                        account.path("account_id").asText()).put("processor", "dwolla")).path("processor_token").asText());
            }
        }
        String jwt = receiver.await(body -> true, Duration.ofSeconds(10)).headers().get("plaid-verification");
        JsonNode header = readJson(Base64.getUrlDecoder().decode(jwt.split("\\.")[0]));
        keyId = header.path("kid").asText();

        ObjectNode micro = body().put("institution_id", "ins_109512");
        micro.putArray("initial_products").add("auth");
        micro.putObject("options").put("override_username", "user_good").put("override_password", "microdeposits_good");
        microToken = exchange(client.ok("/sandbox/public_token/create", micro).path("public_token").asText());
        microAccountId = client.ok("/accounts/get", body().put("access_token", microToken))
                .path("accounts").get(0).path("account_id").asText();
        transfers = new TransferFixtures(emulator);
        assets = new AssetFixtures(emulator);
    }

    @AfterAll
    void tearDown() {
        emulator.close();
        receiver.close();
    }

    private String newItem() {
        ObjectNode create = body().put("institution_id", "ins_109508");
        create.putArray("initial_products").add("transactions").add("auth").add("identity").add("investments").add("liabilities");
        create.putObject("options").put("webhook", receiver.url());
        return exchange(client.ok("/sandbox/public_token/create", create).path("public_token").asText());
    }

    private String exchange(String publicToken) {
        return client.ok("/item/public_token/exchange", body().put("public_token", publicToken)).path("access_token").asText();
    }

    private ObjectNode token() {
        return body().put("access_token", sharedToken);
    }

    private static JsonNode readJson(byte[] bytes) {
        try {
            return EmulatorClient.MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** One operation to call: its spec version, method, path and definition. */
    private record Case(String version, String method, String path, JsonNode definition) {
    }

    private static List<Case> operations() {
        Map<String, Case> cases = new LinkedHashMap<>();
        for (String version : List.of(SpecSchemas.NEWEST, SpecSchemas.OLDEST)) {
            for (Iterator<Map.Entry<String, JsonNode>> paths = SpecSchemas.document(version).path("paths").fields(); paths.hasNext(); ) {
                Map.Entry<String, JsonNode> path = paths.next();
                for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext(); ) {
                    Map.Entry<String, JsonNode> method = methods.next();
                    if (method.getValue().has("responses")) {
                        cases.putIfAbsent(method.getKey() + " " + path.getKey(),
                                new Case(version, method.getKey().toUpperCase(), path.getKey(), method.getValue()));
                    }
                }
            }
        }
        return new ArrayList<>(cases.values());
    }

    @TestFactory
    List<DynamicTest> everyOperationAnswersItsExample() {
        List<Case> cases = operations();
        // 343 paths, of which 10 are empty path items in the 1.697.4 spec: 333 operations.
        assertThat(cases.size()).isEqualTo(333);
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.method() + " " + c.path(), () -> check(c))).toList();
    }

    private void check(Case operation) {
        EmulatorClient.Answer answer;
        if (operation.method().equals("GET")) {
            String path = operation.path().replaceAll("\\{[^}]+}", "test-id");
            answer = client.execute(new Request.Builder().url(client.baseUrl() + path).get()
                    .header("PLAID-CLIENT-ID", client.clientId()).header("PLAID-SECRET", client.secret()).build());
        } else {
            answer = client.post(operation.path().replace(":id", "test-id"), request(operation));
        }
        assertThat(answer.status()).as("%s answered %s", operation.path(), answer.json()).isEqualTo(200);
        String contentType = successContentType(operation.definition());
        if (contentType == null) {
            return; // the spec documents no body for this answer (/fdx/notifications)
        }
        assertThat(answer.contentType()).startsWith(contentType);
        switch (contentType) {
            case "application/pdf" -> assertOpensAsPdf(answer.bytes());
            case "application/zip" -> assertZipOfPdfs(answer.bytes());
            default -> {
                assertThat(answer.json().path("request_id").asText()).hasSize(15);
                assertThat(SpecSchemas.responseProblems(operation.path(), answer.json()))
                        .as("schema problems of %s: %s", operation.path(), answer.json()).isEmpty();
            }
        }
    }

    private static String successContentType(JsonNode definition) {
        JsonNode success = definition.path("responses").has("200") ? definition.path("responses").path("200")
                : definition.path("responses").path("201");
        Iterator<String> types = success.path("content").fieldNames();
        return types.hasNext() ? types.next() : null;
    }

    /** The spec's example request when it is valid for the schema, else a minimal one; real tokens substituted. */
    private ObjectNode request(Case operation) {
        JsonNode content = operation.definition().path("requestBody").path("content").path("application/json");
        JsonNode schema = content.path("schema");
        RequestSynthesizer synthesizer = new RequestSynthesizer(operation.version());
        JsonNode example = content.has("example") ? content.get("example")
                : content.path("examples").elements().hasNext() ? content.path("examples").elements().next().path("value") : null;
        ObjectNode request;
        if (example != null && example.isObject() && SpecSchemas.requestProblems(operation.path(), example).isEmpty()
                && synthesizer.usesOnlyKnownFields(example, schema)) {
            request = ((ObjectNode) example).deepCopy();
        } else if (schema.isMissingNode()) {
            request = body();
        } else {
            request = (ObjectNode) synthesizer.synthesize(schema);
        }
        request.remove(List.of("client_id", "secret"));
        substitute(operation.path(), request);
        return request;
    }

    private void substitute(String path, ObjectNode request) {
        if (request.has("access_token")) {
            request.put("access_token", path.equals("/sandbox/item/set_verification_status") ? microToken
                    : DESTRUCTIVE.contains(path) ? newItem() : sharedToken);
        }
        if (request.has("access_tokens")) {
            request.putArray("access_tokens").add(sharedToken);
        }
        if (request.has("processor_token")) {
            String kind = path.contains("liabilities") ? "credit" : path.contains("investments") ? "investment" : "depository";
            request.put("processor_token", processorTokens.get(kind));
        }
        if (request.has("account_id")) {
            request.put("account_id", path.equals("/sandbox/item/set_verification_status") ? microAccountId : checkingId);
        }
        if (path.equals("/sandbox/item/set_verification_status")) {
            request.put("verification_status", "automatically_verified");
        }
        if (request.has("public_token")) {
            request.put("public_token", client.ok("/item/public_token/create", token()).path("public_token").asText());
        }
        if (request.has("link_token")) {
            ObjectNode link = body().put("client_name", "Tartan").put("language", "en");
            link.putArray("country_codes").add("US");
            link.putObject("user").put("client_user_id", "all-operations");
            request.put("link_token", client.ok("/link/token/create", link).path("link_token").asText());
        }
        if (request.has("key_id")) {
            request.put("key_id", keyId);
        }
        if (request.has("institution_id")) {
            request.put("institution_id", "ins_109508");
        }
        if (request.has("initial_products")) {
            request.putArray("initial_products").add("transactions");
        }
        if (request.has("client_transaction_id")) {
            String id = "all-ops-" + counter.incrementAndGet();
            if (path.endsWith("/report")) {
                // A report names a transaction its own caller evaluated: the processor through its token, or the client.
                if (request.has("processor_token")) {
                    client.ok("/processor/signal/evaluate", body().put("processor_token", request.get("processor_token").asText())
                            .put("client_transaction_id", id).put("amount", 10.0));
                } else {
                    client.ok("/signal/evaluate", token().put("account_id", checkingId).put("client_transaction_id", id)
                            .put("amount", 10.0));
                }
                if (request.has("initiated")) {
                    request.put("initiated", true);
                }
            }
            request.put("client_transaction_id", id);
        }
        request.remove("cursor");
        request.remove("account_ids");
        if (request.path("options").isObject()) {
            ((ObjectNode) request.get("options")).remove(List.of("account_ids", "account_id"));
        }
        // Transfer operations name transfers, refunds, sweeps and clocks that must exist, in states that allow them.
        transfers.fill(path, request);
        // Assets operations name Items with the assets product, and reports, audit copies and relay tokens that exist.
        assets.fill(path, request);
        // Webhooks go to the local receiver, never to the example hosts of the spec.
        if (request.hasNonNull("webhook")) {
            request.put("webhook", receiver.url());
        }
        if (request.path("options").hasNonNull("webhook")) {
            ((ObjectNode) request.get("options")).put("webhook", receiver.url());
        }
    }

    private static void assertOpensAsPdf(byte[] bytes) {
        assertThat(new String(bytes, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(bytes)) {
            assertThat(document.getNumberOfPages()).isPositive();
        } catch (IOException e) {
            throw new AssertionError("not an openable PDF", e);
        }
    }

    private static void assertZipOfPdfs(byte[] bytes) {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry entry = zip.getNextEntry();
            assertThat(entry).as("the zip has an entry").isNotNull();
            assertOpensAsPdf(zip.readAllBytes());
        } catch (IOException e) {
            throw new AssertionError("not a readable zip", e);
        }
    }
}
