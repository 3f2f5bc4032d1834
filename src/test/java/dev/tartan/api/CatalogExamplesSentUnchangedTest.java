package dev.tartan.api;

import dev.tartan.api.catalog.OperationCatalog;
import dev.tartan.model.Operation;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The client sends every operation's example request byte for byte, with the credentials as headers only. */
class CatalogExamplesSentUnchangedTest {

    @Test
    void everyExampleReachesTheServerUnchanged() throws Exception {
        OperationCatalog catalog = OperationCatalog.loadBundled();
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    return PlaidClientTest.json(200, "{\"request_id\":\"ok\"}");
                }
            });
            server.start();
            PlaidClient client = PlaidClientTest.clientFor(server.url("/").uri(), PlaidClient.newHttpClient());
            for (Operation op : catalog.operations()) {
                String path = op.path().replaceAll("\\{[^}]+}", "example-id");
                PlaidRequest request = op.method().equals("GET")
                        ? PlaidRequest.get(path)
                        : PlaidRequest.post(path, catalog.exampleRequest(op));
                client.send(request).get(5, TimeUnit.SECONDS);

                RecordedRequest recorded = server.takeRequest(5, TimeUnit.SECONDS);
                assertThat(recorded.getPath()).isEqualTo(path);
                assertThat(recorded.getMethod()).isEqualTo(op.method());
                assertThat(recorded.getHeader("PLAID-CLIENT-ID")).isEqualTo(PlaidClientTest.CLIENT_ID);
                assertThat(recorded.getHeader("Plaid-Version")).isEqualTo("2020-09-14");
                if (request.body() != null) {
                    assertThat(recorded.getBody().readUtf8()).as(op.path()).isEqualTo(request.body())
                            .doesNotContain("\"client_id\"", "\"secret\"");
                }
            }
            assertThat(server.getRequestCount()).isEqualTo(catalog.operations().size());
        }
    }
}
