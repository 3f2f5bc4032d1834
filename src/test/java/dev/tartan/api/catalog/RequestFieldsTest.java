package dev.tartan.api.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.model.Operation;
import dev.tartan.model.RequestField;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The fields forms offer for each operation's request body, read from the bundled specs. */
class RequestFieldsTest {

    static OperationCatalog catalog;

    @BeforeAll
    static void load() {
        catalog = OperationCatalog.loadBundled();
    }

    private static RequestField field(String path, String field) {
        return catalog.requestFields(catalog.find(path).orElseThrow()).stream().filter(f -> f.path().equals(field)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + field + " in " + path));
    }

    @Test
    void everyValueOfEveryExampleBodyHasItsField() {
        List<String> missing = new ArrayList<>();
        for (Operation operation : catalog.operations()) {
            List<RequestField> fields = catalog.requestFields(operation);
            Set<String> paths = new HashSet<>();
            fields.forEach(f -> assertThat(paths.add(f.path())).as(operation.path() + " " + f.path() + " once").isTrue());
            assertThat(paths).as(operation.path()).doesNotContain("client_id", "secret");
            leaves(catalog.exampleRequest(operation), "", paths, operation.path(), missing);
        }
        assertThat(missing).isEmpty();
    }

    /** Each value of the example must sit at a field, or inside one (a JSON field); an empty object must have fields under it. */
    private static void leaves(JsonNode node, String prefix, Set<String> paths, String operation, List<String> missing) {
        if (!prefix.isEmpty() && paths.contains(prefix)) {
            return;
        }
        if (node instanceof ObjectNode object && object.size() > 0) {
            for (Map.Entry<String, JsonNode> field : (Iterable<Map.Entry<String, JsonNode>>) object::fields) {
                leaves(field.getValue(), prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), paths, operation, missing);
            }
        } else if (node instanceof ObjectNode && !prefix.isEmpty()) {
            // A required object none of whose fields is required: a form sends it empty; its fields must be there.
            if (paths.stream().noneMatch(path -> path.startsWith(prefix + "."))) {
                missing.add(operation + " " + prefix + " (an object without fields)");
            }
        } else if (!prefix.isEmpty()) {
            missing.add(operation + " " + prefix);
        }
    }

    @Test
    void fieldsKnowTheirTypeWhetherTheyAreRequiredAndTheirValues() {
        RequestField products = field("/sandbox/public_token/create", "initial_products");
        assertThat(products.type()).isEqualTo(RequestField.Type.CHOICES);
        assertThat(products.required()).isTrue();
        assertThat(products.allowed()).contains("transactions", "auth");
        RequestField username = field("/sandbox/public_token/create", "options.override_username");
        assertThat(username.type()).isEqualTo(RequestField.Type.TEXT);
        assertThat(username.required()).isFalse();
        // Required inside an optional object is not required of the body.
        assertThat(field("/sandbox/public_token/create", "options.statements.start_date").required()).isFalse();
        assertThat(field("/sandbox/public_token/create", "options.webhook").format()).isEqualTo("url");
        RequestField legalName = field("/transfer/authorization/create", "user.legal_name");
        assertThat(legalName.required()).isTrue();
        // An enum reached through allOf is still a choice.
        RequestField network = field("/transfer/create", "network");
        assertThat(network.type()).isEqualTo(RequestField.Type.CHOICE);
        assertThat(network.allowed()).contains("ach", "same-day-ach");
        assertThat(field("/sandbox/transactions/create", "transactions").type()).isEqualTo(RequestField.Type.JSON);
        assertThat(field("/transfer/authorization/create", "amount").hint()).doesNotContain("`").doesNotContain("](");
    }
}
