package dev.tartan.api.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tartan.model.Operation;
import dev.tartan.model.OperationFlag;
import dev.tartan.model.PlaidLinks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class OperationCatalogTest {

    static OperationCatalog catalog;

    @BeforeAll
    static void load() {
        catalog = OperationCatalog.loadBundled();
    }

    @Test
    void coversEveryOperationTartanWasSpecifiedFrom() throws IOException {
        List<String[]> seeds = SeedOperations.bundled();
        assertThat(seeds).hasSize(207);
        for (String[] seed : seeds) {
            String operationId = seed[0];
            String path = seed[1];
            assertThat(catalog.find(path)).as("catalog has %s", path).isPresent();
            if (!operationId.equals("-")) {
                assertThat(catalog.find(operationId)).as("catalog finds %s by id", operationId)
                        .map(Operation::path).contains(path);
            }
        }
    }

    @Test
    void coversEveryOperationOfBothBundledSpecs() throws IOException {
        Set<String> inSpecs = new TreeSet<>();
        for (String name : OperationCatalog.BUNDLED_SPECS) {
            inSpecs.addAll(operationPaths(name));
        }
        Set<String> inCatalog = catalog.operations().stream().map(Operation::path).collect(Collectors.toCollection(TreeSet::new));
        assertThat(inCatalog).isEqualTo(inSpecs);
        assertThat(inCatalog).hasSize(333).contains("/deposit_switch/create", "/processor/signal/prepare");
    }

    @Test
    void prefersTheNewestDefinitionOfAPath() {
        assertThat(catalog.find("/accounts/get")).map(Operation::specVersion).contains("2020-09-14_1.697.4");
        assertThat(catalog.find("/deposit_switch/create")).map(Operation::specVersion).contains("2020-09-14_1.334.0");
    }

    @Test
    void describesEachOperation() {
        Operation op = catalog.find("/accounts/get").orElseThrow();
        assertThat(op.method()).isEqualTo("POST");
        assertThat(op.operationId()).isEqualTo("accountsGet");
        assertThat(op.group()).isEqualTo("Balance & Accounts");
        assertThat(op.summary()).isNotBlank();
        assertThat(op.description()).contains("/accounts/get");
        assertThat(op.docsUrl()).startsWith("https://plaid.com/docs/api/");
        assertThat(catalog.operations()).allSatisfy(o -> {
            assertThat(o.group()).isNotBlank();
            assertThat(o.summary()).as(o.path()).isNotNull();
        });
    }

    @Test
    void everyDocumentationLinkIsAPlaidPageAndAPlaceholderIsNoLink() {
        assertThat(catalog.operations()).allSatisfy(o -> assertThat(o.docsUrl() == null || PlaidLinks.isPlaidPage(o.docsUrl()))
                .as("%s links to %s", o.path(), o.docsUrl()).isTrue());
        assertThat(catalog.operations()).filteredOn(o -> o.docsUrl() == null).isNotEmpty();
    }

    @Test
    void flagsWhatAnOperationDoes() {
        assertThat(flags("/accounts/get")).containsExactly(OperationFlag.READ_ONLY);
        assertThat(flags("/transactions/sync")).contains(OperationFlag.READ_ONLY);
        assertThat(flags("/item/remove")).containsExactly(OperationFlag.DESTRUCTIVE);
        assertThat(flags("/item/access_token/invalidate")).contains(OperationFlag.DESTRUCTIVE);
        assertThat(flags("/transfer/cancel")).contains(OperationFlag.DESTRUCTIVE);
        assertThat(flags("/transfer/create")).contains(OperationFlag.MOVES_MONEY);
        assertThat(flags("/transfer/refund/create")).contains(OperationFlag.MOVES_MONEY);
        assertThat(flags("/transfer/authorization/create")).doesNotContain(OperationFlag.MOVES_MONEY, OperationFlag.READ_ONLY);
        assertThat(flags("/sandbox/item/reset_login")).containsExactly(OperationFlag.SANDBOX_ONLY);
        assertThat(flags("/sandbox/transfer/test_clock/get")).contains(OperationFlag.SANDBOX_ONLY, OperationFlag.READ_ONLY);
        assertThat(flags("/payment_initiation/payment/token/create")).contains(OperationFlag.DEPRECATED);
        assertThat(catalog.operations()).filteredOn(o -> o.is(OperationFlag.DEPRECATED)).hasSizeGreaterThan(5);
    }

    @Test
    void knowsWhichOperationsReturnFiles() {
        assertThat(catalog.find("/asset_report/pdf/get")).map(Operation::responseContentType).contains("application/pdf");
        assertThat(catalog.find("/income/verification/documents/download")).map(Operation::returnsFile).contains(true);
        assertThat(catalog.find("/accounts/get")).map(Operation::returnsFile).contains(false);
    }

    @Test
    void findsByIdTemplateAndForgivesAMissingSlash() {
        assertThat(catalog.find("transactionsSync")).map(Operation::path).contains("/transactions/sync");
        assertThat(catalog.find("accounts/get")).map(Operation::path).contains("/accounts/get");
        assertThat(catalog.find("/fdx/recipient/abc-123")).map(Operation::path).contains("/fdx/recipient/{recipientId}");
        assertThat(catalog.find("fdx/recipient/abc-123")).map(Operation::path).contains("/fdx/recipient/{recipientId}");
        assertThat(catalog.find("/fdx/recipient/a/b")).isEmpty();
        assertThat(catalog.find("/no/such/thing")).isEmpty();
        assertThat(catalog.find(" ")).isEmpty();
    }

    @Test
    void suggestsOperationsATypingMistakeAway() {
        assertThat(catalog.closeTo("/accounts/gett", 3)).extracting(Operation::path).first().isEqualTo("/accounts/get");
        assertThat(catalog.closeTo("acounts/get", 3)).extracting(Operation::path).first().isEqualTo("/accounts/get");
        assertThat(catalog.closeTo("TransactionSync", 3)).extracting(Operation::path).first().isEqualTo("/transactions/sync");
        assertThat(catalog.closeTo("/item/gt", 2)).hasSizeLessThanOrEqualTo(2).extracting(Operation::path).contains("/item/get");
        assertThat(catalog.closeTo("/zebra/stripes", 3)).isEmpty();
    }

    @Test
    void searchesByEveryWordAndRanksPathPrefixesFirst() {
        List<Operation> hits = catalog.search("transfer cancel");
        assertThat(hits).extracting(Operation::path).contains("/transfer/cancel", "/transfer/recurring/cancel");
        assertThat(hits).allSatisfy(o -> assertThat((o.path() + o.summary() + o.group()).toLowerCase()).contains("cancel"));
        assertThat(catalog.search("item").get(0).path()).startsWith("/item");
        assertThat(catalog.search("")).hasSize(catalog.operations().size());
        assertThat(catalog.search("zzzz-nothing")).isEmpty();
    }

    @Test
    void exampleResponsesComeFromTheSpecOrItsSchema() {
        JsonNode accounts = catalog.exampleResponse(catalog.find("/accounts/get").orElseThrow());
        assertThat(accounts.path("accounts").isArray()).isTrue();
        assertThat(accounts.path("request_id").asText()).isNotEmpty();
        assertThat(catalog.exampleResponse(catalog.find("/asset_report/pdf/get").orElseThrow())).isNull();
    }

    @Test
    void listsTheValuesOfEnumFields() {
        Operation fire = catalog.find("/sandbox/item/fire_webhook").orElseThrow();
        assertThat(catalog.enumOf(fire, "webhook_code")).contains("DEFAULT_UPDATE", "SYNC_UPDATES_AVAILABLE", "LOGIN_REPAIRED");
        Operation processor = catalog.find("/processor/token/create").orElseThrow();
        assertThat(catalog.enumOf(processor, "processor")).contains("dwolla", "galileo", "modern_treasury").hasSizeGreaterThan(20);
        Operation create = catalog.find("/sandbox/public_token/create").orElseThrow();
        assertThat(catalog.enumOf(create, "initial_products")).contains("transactions", "auth", "identity");
        assertThat(catalog.enumOf(create, "options.webhook")).isEmpty();
        assertThat(catalog.enumOf(create, "no.such.field")).isEmpty();
    }

    private static Set<OperationFlag> flags(String path) {
        return catalog.find(path).orElseThrow().flags();
    }

    /** The operation paths of a bundled spec, read independently of the catalog. */
    private static Set<String> operationPaths(String specName) throws IOException {
        Set<String> paths = new TreeSet<>();
        try (InputStream in = OperationCatalogTest.class.getResourceAsStream("/spec/" + specName + ".json")) {
            JsonNode root = new ObjectMapper().readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            Iterator<String> names = root.path("paths").fieldNames();
            while (names.hasNext()) {
                String path = names.next();
                JsonNode item = root.path("paths").path(path);
                if (item.has("post") || item.has("get")) {
                    paths.add(path);
                }
            }
        }
        return paths;
    }
}
