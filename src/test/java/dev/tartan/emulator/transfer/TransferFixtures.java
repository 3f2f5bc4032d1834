package dev.tartan.emulator.transfer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.emulator.PlaidEmulator;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import static dev.tartan.emulator.EmulatorClient.body;

/**
 * Real Transfer objects for tests that send every operation a request built from the spec
 * (AllOperationsTest): the ids, amounts and states a request must name to be answered rather than refused.
 */
public final class TransferFixtures {
    private final TransferClient client;
    private final TransferClient.Account account;

    public TransferFixtures(PlaidEmulator emulator) {
        this.client = new TransferClient(emulator);
        this.account = client.checkingWithAvailable("900");
    }

    /** Replaces what a Transfer request names (ids, amounts, event types, dates) with values that exist and fit. */
    public void fill(String path, ObjectNode request) {
        if (!path.startsWith("/transfer/") && !path.startsWith("/sandbox/transfer/")) {
            return;
        }
        if (request.has("amount")) {
            request.put("amount", "1.00");
        }
        if (path.equals("/transfer/authorization/create") || path.equals("/transfer/recurring/create")) {
            request.put("access_token", account.accessToken()).put("account_id", account.accountId()).put("ach_class", "web");
        }
        if (path.equals("/transfer/recurring/create")) {
            ((ObjectNode) request.get("schedule")).put("interval_execution_day", 1)
                    .put("start_date", LocalDate.now(ZoneId.of("America/New_York")).plusDays(1).toString());
        }
        switch (path) {
            case "/transfer/create" -> request.setAll(account.named().put("authorization_id", approvedAuthorization())
                    .put("description", "payment"));
            case "/transfer/authorization/cancel" -> request.put("authorization_id", approvedAuthorization());
            case "/transfer/get", "/transfer/refund/create" -> request.put("transfer_id", transfer("11.11"));
            case "/transfer/cancel" -> request.put("transfer_id", transfer("10.00"));
            case "/sandbox/transfer/simulate" -> request.put("transfer_id", transfer("10.00")).put("event_type", "posted");
            case "/transfer/refund/get", "/transfer/refund/cancel" -> request.put("refund_id", refund());
            case "/sandbox/transfer/refund/simulate" -> request.put("refund_id", refund()).put("event_type", "refund.posted");
            case "/transfer/sweep/get", "/sandbox/transfer/ledger/deposit/simulate" -> request.put("sweep_id", sweep("deposit"));
            case "/sandbox/transfer/ledger/withdraw/simulate" -> request.put("sweep_id", sweep("withdraw"));
            case "/transfer/ledger/distribute" -> request.put("from_ledger_id", client.defaultLedgerId())
                    .put("to_ledger_id", client.reserveLedgerId());
            case "/transfer/recurring/get", "/transfer/recurring/cancel" -> request.put("recurring_transfer_id", recurring());
            case "/sandbox/transfer/test_clock/get" -> request.put("test_clock_id", clock(Instant.now()));
            case "/sandbox/transfer/test_clock/advance" -> request.put("test_clock_id", clock(Instant.now()))
                    .put("new_virtual_time", Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString());
            case "/sandbox/transfer/repayment/simulate" -> guaranteedReturn();
            case "/transfer/repayment/return/list" -> request.put("repayment_id", repayment());
            default -> {
            }
        }
    }

    private String approvedAuthorization() {
        return client.authorize(account, "debit", "1.00").path("id").asText();
    }

    /** A debit of {@code amount} (a test amount runs its path). */
    private String transfer(String amount) {
        return client.transfer(account, "debit", amount).path("id").asText();
    }

    /** A pending refund of a settled transfer. */
    private String refund() {
        return client.ok("/transfer/refund/create", body().put("transfer_id", transfer("11.11")).put("amount", "1.00")
                .put("idempotency_key", TransferClient.key())).path("refund").path("id").asText();
    }

    private String sweep(String kind) {
        return client.ok("/transfer/ledger/" + kind, body().put("amount", "1.00").put("network", "ach")
                .put("idempotency_key", TransferClient.key())).path("sweep").path("id").asText();
    }

    private String recurring() {
        String clock = clock(Instant.now());
        String start = LocalDate.now(ZoneId.of("America/New_York")).plusDays(1).toString();
        return client.ok("/transfer/recurring/create", RecurringTransferTest.recurring(account, clock, "week", 1, start, null))
                .path("recurring_transfer").path("recurring_transfer_id").asText();
    }

    private String clock(Instant virtualTime) {
        return client.ok("/sandbox/transfer/test_clock/create", body().put("virtual_time", virtualTime.truncatedTo(ChronoUnit.SECONDS).toString()))
                .path("test_clock").path("test_clock_id").asText();
    }

    /** A guaranteed debit returned by its test amount: what /sandbox/transfer/repayment/simulate repays. */
    private void guaranteedReturn() {
        ObjectNode request = TransferClient.authorization(account, "debit", "33.33").put("request_guarantee", true);
        String authorizationId = client.ok("/transfer/authorization/create", request).path("authorization").path("id").asText();
        client.create(account, authorizationId);
    }

    private String repayment() {
        guaranteedReturn();
        client.ok("/sandbox/transfer/repayment/simulate", body());
        return client.ok("/transfer/repayment/list", body().put("count", 1)).path("repayments").get(0).path("repayment_id").asText();
    }
}
