package dev.tartan.integration;

import dev.tartan.api.PlaidApiException;
import dev.tartan.api.PlaidClient;
import dev.tartan.api.PlaidRequest;
import dev.tartan.api.RetryPolicy;
import dev.tartan.api.catalog.OperationCatalog;
import dev.tartan.emulator.EmulatorConfig;
import dev.tartan.emulator.PlaidEmulator;
import dev.tartan.model.Credentials;
import dev.tartan.model.Operation;
import dev.tartan.model.PlaidError;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalog's example requests (what the console prefills) against the emulator: two
 * independent readings of the same spec. An example may be refused for what it refers to (a
 * placeholder token, an id that does not exist), never for its shape.
 */
class CatalogExamplesOnEmulatorTest {

    /** Errors about the request's shape: the catalog and the emulator disagree about the schema. */
    private static final Set<String> SHAPE_ERRORS = Set.of("MISSING_FIELDS", "UNKNOWN_FIELDS", "INVALID_FIELD",
            "INVALID_BODY", "INVALID_HEADERS", "NOT_FOUND", "INVALID_API_KEYS");

    /**
     * Operations whose example names something another call must create first (an evaluated Signal transaction, a
     * transfer, refund, sweep, ledger, recurring transfer, test clock or repayment, a watchlist screening or its hits)
     * or a state to be in (a schedule starting today, a return to repay, one of two ids to look a transfer up by).
     */
    private static final Set<String> REFER_TO_EARLIER_CALLS = Set.of("/signal/decision/report", "/signal/return/report",
            "/transfer/create", "/transfer/get", "/transfer/cancel", "/transfer/authorization/cancel",
            "/transfer/refund/create", "/transfer/refund/get", "/transfer/refund/cancel", "/transfer/sweep/get",
            "/transfer/ledger/distribute", "/transfer/recurring/create", "/transfer/recurring/get", "/transfer/recurring/cancel",
            "/transfer/repayment/return/list", "/sandbox/transfer/simulate", "/sandbox/transfer/refund/simulate",
            "/sandbox/transfer/ledger/deposit/simulate", "/sandbox/transfer/ledger/withdraw/simulate",
            "/sandbox/transfer/repayment/simulate", "/sandbox/transfer/test_clock/get", "/sandbox/transfer/test_clock/advance",
            "/watchlist_screening/individual/get", "/watchlist_screening/individual/update",
            "/watchlist_screening/individual/hit/list", "/watchlist_screening/individual/review/create",
            "/watchlist_screening/individual/review/list", "/watchlist_screening/individual/history/list",
            "/watchlist_screening/entity/get", "/watchlist_screening/entity/update", "/watchlist_screening/entity/hit/list",
            "/watchlist_screening/entity/review/create", "/watchlist_screening/entity/review/list",
            "/watchlist_screening/entity/history/list");

    /** How the emulator refuses a request for what it refers to: a value that fits no state, or an id nothing has. */
    private static final Set<String> ABOUT_STATE = Set.of("INVALID_FIELD", "NOT_FOUND");

    @Test
    void everyExampleIsAcceptedInShape() throws Exception {
        OperationCatalog catalog = OperationCatalog.loadBundled();
        List<String> disagreements = new ArrayList<>();
        int answered = 0;
        try (PlaidEmulator emulator = PlaidEmulator.start(EmulatorConfig.inMemory())) {
            PlaidClient client = PlaidClient.builder()
                    .baseUrl(emulator.baseUrl())
                    .credentials(new Credentials(emulator.clientId(), emulator.secret()))
                    .retryPolicy(RetryPolicy.NONE)
                    .build();
            for (Operation op : catalog.operations()) {
                String path = op.path().replaceAll("\\{[^}]+}", "example-id");
                PlaidRequest request = op.method().equals("GET") ? PlaidRequest.get(path) : PlaidRequest.post(path, catalog.exampleRequest(op));
                try {
                    client.send(request).get(10, TimeUnit.SECONDS);
                    answered++;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof PlaidApiException api) {
                        PlaidError error = api.error();
                        boolean aboutState = REFER_TO_EARLIER_CALLS.contains(op.path()) && ABOUT_STATE.contains(error.errorCode());
                        if (SHAPE_ERRORS.contains(error.errorCode()) && !aboutState) {
                            disagreements.add(op.path() + " -> " + error.typeAndCode() + ": " + error.errorMessage());
                        }
                    } else {
                        disagreements.add(op.path() + " -> " + e.getCause());
                    }
                }
            }
        }
        assertThat(disagreements).isEmpty();
        assertThat(answered).as("most examples need no state and answer 200").isGreaterThan(200);
    }
}
