package dev.tartan.api;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Typed replies survive fields and enum values Plaid adds after Tartan was built. */
class TolerantModelTest {

    enum AccountType { depository, credit, loan, investment, @JsonEnumDefaultValue other }

    enum Subtype { checking, savings }

    record Account(@JsonProperty("account_id") String accountId, AccountType type, Subtype subtype) {
    }

    record AccountsReply(List<Account> accounts, @JsonProperty("request_id") String requestId) {
    }

    @Test
    void unknownFieldsAndEnumValuesDoNotFailAReply() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(PlaidClientTest.json(200, """
                    {"accounts":[{"account_id":"a1","type":"crypto_wallet","subtype":"hyper_savings","brand_new_field":{"x":1}},
                                 {"account_id":"a2","type":"credit","subtype":"checking"}],
                     "item":{"item_id":"i"},"request_id":"r"}
                    """));
            server.start();
            PlaidClient client = PlaidClientTest.clientFor(server.url("/").uri(), PlaidClient.newHttpClient());

            AccountsReply reply = client.send(PlaidRequest.post("/accounts/get", "{}"), AccountsReply.class).get(5, TimeUnit.SECONDS);

            assertThat(reply.requestId()).isEqualTo("r");
            assertThat(reply.accounts()).extracting(Account::type).containsExactly(AccountType.other, AccountType.credit);
            assertThat(reply.accounts()).extracting(Account::subtype).containsExactly(null, Subtype.checking);
        }
    }
}
