package dev.tartan.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.testing.SpecSchemas;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static dev.tartan.emulator.EmulatorClient.body;
import static org.assertj.core.api.Assertions.assertThat;

/** Every stateful operation answers, over real HTTP, with a body that validates against its response schema. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatefulResponsesTest {
    private static final String CUSTOM_USER = """
            {"seed": "stateful-test",
             "override_accounts": [
               {"type": "depository", "subtype": "checking", "starting_balance": 1200,
                "identity": {"names": ["Ada Weaver"], "emails": [{"primary": true, "type": "primary", "data": "ada@example.com"}]},
                "transactions": [{"date_transacted": "2024-01-02", "date_posted": "2024-01-03", "amount": 42.5,
                                  "description": "Custom coffee", "currency": "USD"}]},
               {"type": "credit", "subtype": "credit card", "starting_balance": 300,
                "liability": {"type": "credit", "purchase_apr": 12.9, "minimum_payment_amount": 25}},
               {"type": "loan", "subtype": "student", "starting_balance": 20000,
                "liability": {"type": "student", "nominal_apr": 4.5, "loan_name": "Weaver Loan"}},
               {"type": "investment", "subtype": "brokerage", "starting_balance": 5000,
                "holdings": [{"institution_price": 10, "quantity": 50, "cost_basis": 400, "currency": "USD",
                              "security": {"ticker_symbol": "WEAV", "name": "Weave Inc.", "currency": "USD"}}],
                "investment_transactions": [{"date": "2024-01-05", "name": "BUY WEAV", "quantity": 5, "price": 10,
                                             "fees": 0, "type": "buy", "currency": "USD",
                                             "security": {"ticker_symbol": "WEAV", "currency": "USD"}}]}]}
            """;

    private PlaidEmulator emulator;
    private EmulatorClient client;
    private final List<String> checked = new ArrayList<>();

    @BeforeAll
    void start() {
        emulator = PlaidEmulator.start(EmulatorConfig.inMemory());
        client = new EmulatorClient(emulator);
    }

    @AfterAll
    void stop() {
        emulator.close();
    }

    private JsonNode valid(String path, ObjectNode request) {
        JsonNode answer = client.ok(path, request);
        Set<String> problems = SpecSchemas.responseProblems(path, answer);
        assertThat(problems).as("schema problems of %s: %s", path, answer).isEmpty();
        checked.add(path);
        return answer;
    }

    private static ObjectNode token(String accessToken) {
        return body().put("access_token", accessToken);
    }

    @Test
    void itemLifecycleAndDataOperations() {
        ObjectNode create = body().put("institution_id", "ins_109508");
        create.putArray("initial_products").add("transactions").add("auth").add("identity").add("investments").add("liabilities");
        create.putObject("options").put("webhook", "http://127.0.0.1:9/hook");
        String publicToken = valid("/sandbox/public_token/create", create).path("public_token").asText();
        String accessToken = valid("/item/public_token/exchange", body().put("public_token", publicToken)).path("access_token").asText();

        valid("/item/get", token(accessToken));
        valid("/accounts/get", token(accessToken));
        valid("/accounts/balance/get", token(accessToken));
        valid("/auth/get", token(accessToken));
        valid("/identity/get", token(accessToken));
        ObjectNode match = token(accessToken);
        match.putObject("user").put("legal_name", "Alberta Charleson").put("phone_number", "+1 555 010 0199")
                .put("email_address", "someone@example.com").putObject("address").put("street", "100 Loom Avenue")
                .put("city", "Austin").put("region", "TX").put("postal_code", "78701").put("country", "US");
        valid("/identity/match", match);
        valid("/investments/holdings/get", token(accessToken));
        valid("/investments/transactions/get", token(accessToken).put("start_date", LocalDate.now().minusYears(2).toString())
                .put("end_date", LocalDate.now().plusDays(1).toString()));
        valid("/liabilities/get", token(accessToken));
        valid("/transactions/sync", token(accessToken).put("count", 500));
        valid("/transactions/get", token(accessToken).put("start_date", LocalDate.now().minusYears(2).toString())
                .put("end_date", LocalDate.now().plusDays(1).toString()));
        valid("/transactions/refresh", token(accessToken));
        valid("/transactions/recurring/get", token(accessToken));
        valid("/categories/get", body());
        ObjectNode custom = token(accessToken);
        custom.putArray("transactions").addObject().put("date_transacted", LocalDate.now().toString())
                .put("date_posted", LocalDate.now().toString()).put("amount", 12.34).put("description", "Test purchase");
        valid("/sandbox/transactions/create", custom);

        ObjectNode link = body().put("client_name", "Tartan").put("language", "en");
        link.putArray("country_codes").add("US");
        link.putArray("products").add("transactions");
        link.putObject("user").put("client_user_id", "user-1");
        String linkToken = valid("/link/token/create", link).path("link_token").asText();
        valid("/link/token/get", body().put("link_token", linkToken));
        valid("/item/public_token/create", token(accessToken));
        valid("/item/webhook/update", token(accessToken).put("webhook", "http://127.0.0.1:9/other"));
        valid("/sandbox/item/fire_webhook", token(accessToken).put("webhook_code", "DEFAULT_UPDATE"));

        String accountId = client.ok("/accounts/get", token(accessToken)).path("accounts").get(0).path("account_id").asText();
        ObjectNode evaluate = token(accessToken).put("account_id", accountId).put("client_transaction_id", "txn-1").put("amount", 25.0);
        valid("/signal/evaluate", evaluate);
        valid("/signal/decision/report", body().put("client_transaction_id", "txn-1").put("initiated", true));
        valid("/signal/return/report", body().put("client_transaction_id", "txn-1").put("return_code", "R01"));
        valid("/signal/prepare", token(accessToken));

        ObjectNode processor = token(accessToken).put("account_id", accountId).put("processor", "dwolla");
        String processorToken = valid("/processor/token/create", processor).path("processor_token").asText();
        processorOperations(processorToken);

        String newToken = valid("/item/access_token/invalidate", token(accessToken)).path("new_access_token").asText();
        valid("/sandbox/item/reset_login", token(newToken));
        valid("/item/remove", token(newToken));
    }

    private void processorOperations(String processorToken) {
        ObjectNode token = body().put("processor_token", processorToken);
        valid("/processor/account/get", token.deepCopy());
        valid("/processor/auth/get", token.deepCopy());
        valid("/processor/balance/get", token.deepCopy());
        valid("/processor/identity/get", token.deepCopy());
        ObjectNode match = token.deepCopy();
        match.putObject("user").put("legal_name", "Alberta Charleson");
        valid("/processor/identity/match", match);
        valid("/processor/transactions/sync", token.deepCopy());
        valid("/processor/transactions/get", token.deepCopy().put("start_date", LocalDate.now().minusYears(1).toString())
                .put("end_date", LocalDate.now().toString()));
        valid("/processor/transactions/recurring/get", token.deepCopy());
        valid("/processor/transactions/refresh", token.deepCopy());
        valid("/processor/signal/evaluate", token.deepCopy().put("client_transaction_id", "ptxn-1").put("amount", 10.0));
        valid("/processor/signal/decision/report", token.deepCopy().put("client_transaction_id", "ptxn-1").put("initiated", true));
        valid("/processor/signal/return/report", token.deepCopy().put("client_transaction_id", "ptxn-1").put("return_code", "R01"));
        valid("/processor/signal/prepare", token.deepCopy());
        ObjectNode permissions = token.deepCopy();
        permissions.putArray("products").add("auth").add("transactions").add("identity").add("balance").add("signal");
        valid("/processor/token/permissions/set", permissions);
        valid("/processor/token/permissions/get", token.deepCopy());
        valid("/processor/token/webhook/update", token.deepCopy().put("webhook", "http://127.0.0.1:9/processor"));
    }

    @Test
    void customUserLiabilitiesInvestmentsAndProcessorAccounts() {
        String accessToken = client.newItem("user_custom", CUSTOM_USER, "transactions", "liabilities", "investments");
        valid("/liabilities/get", token(accessToken));
        JsonNode holdings = valid("/investments/holdings/get", token(accessToken));
        assertThat(holdings.path("securities").toString()).contains("WEAV");
        valid("/investments/transactions/get", token(accessToken).put("start_date", "2023-01-01")
                .put("end_date", LocalDate.now().toString()));
        JsonNode accounts = client.ok("/accounts/get", token(accessToken)).path("accounts");
        String loanId = null;
        String brokerageId = null;
        for (JsonNode account : accounts) {
            if (account.path("subtype").asText().equals("student")) {
                loanId = account.path("account_id").asText();
            }
            if (account.path("subtype").asText().equals("brokerage")) {
                brokerageId = account.path("account_id").asText();
            }
        }
        String loanToken = client.ok("/processor/token/create", token(accessToken).put("account_id", loanId).put("processor", "dwolla"))
                .path("processor_token").asText();
        valid("/processor/liabilities/get", body().put("processor_token", loanToken));
        String brokerageToken = client.ok("/processor/token/create", token(accessToken).put("account_id", brokerageId)
                .put("processor", "alpaca")).path("processor_token").asText();
        valid("/processor/investments/holdings/get", body().put("processor_token", brokerageToken));
        valid("/processor/investments/transactions/get", body().put("processor_token", brokerageToken)
                .put("start_date", "2023-01-01").put("end_date", LocalDate.now().toString()));
    }

    @Test
    void institutionsSandboxProcessorTokenAndWebhookKey() {
        ObjectNode get = body().put("count", 50).put("offset", 0);
        get.putArray("country_codes").add("US").add("GB").add("CA");
        get.putObject("options").put("include_optional_metadata", true).put("include_auth_metadata", true);
        assertThat(valid("/institutions/get", get).path("total").asInt()).isGreaterThanOrEqualTo(20);
        ObjectNode byId = body().put("institution_id", "ins_109512");
        byId.putArray("country_codes").add("US");
        byId.putObject("options").put("include_status", true).put("include_optional_metadata", true);
        valid("/institutions/get_by_id", byId);
        ObjectNode search = body().put("query", "platypus");
        search.putArray("country_codes").add("US");
        assertThat(valid("/institutions/search", search).path("institutions").size()).isGreaterThan(1);

        ObjectNode sandbox = body().put("institution_id", "ins_109508");
        valid("/sandbox/processor_token/create", sandbox);

        ObjectNode micro = body().put("institution_id", "ins_109512");
        micro.putArray("initial_products").add("auth");
        micro.putObject("options").put("override_username", "user_good").put("override_password", "microdeposits_good");
        String publicToken = client.ok("/sandbox/public_token/create", micro).path("public_token").asText();
        String accessToken = client.ok("/item/public_token/exchange", body().put("public_token", publicToken)).path("access_token").asText();
        String accountId = client.ok("/accounts/get", token(accessToken)).path("accounts").get(0).path("account_id").asText();
        valid("/sandbox/item/set_verification_status", token(accessToken).put("account_id", accountId)
                .put("verification_status", "automatically_verified"));
        valid("/auth/get", token(accessToken));
    }
}
