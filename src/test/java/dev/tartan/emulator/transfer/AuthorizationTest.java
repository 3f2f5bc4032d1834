package dev.tartan.emulator.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.emulator.EmulatorClient;
import dev.tartan.emulator.EmulatorConfig;
import dev.tartan.emulator.PlaidEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;

import static dev.tartan.emulator.EmulatorClient.body;
import static dev.tartan.emulator.transfer.TransferClient.authorization;
import static org.assertj.core.api.Assertions.assertThat;

/** /transfer/authorization/create decides as Plaid's Sandbox does; /transfer/authorization/cancel, capabilities and configuration. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationTest {
    private PlaidEmulator emulator;
    private TransferClient client;
    private TransferClient.Account checking;

    @BeforeAll
    void start() {
        emulator = PlaidEmulator.start(EmulatorConfig.inMemory());
        client = new TransferClient(emulator);
        checking = client.checking();
    }

    @AfterAll
    void stop() {
        emulator.close();
    }

    private JsonNode rationale(JsonNode authorization) {
        return authorization.path("decision_rationale");
    }

    @Test
    void aDebitWithinTheAvailableBalanceIsApprovedWithoutRationale() {
        JsonNode authorization = client.authorize(checking, "debit", "100.00");
        assertThat(authorization.path("decision").asText()).isEqualTo("approved");
        assertThat(rationale(authorization).isNull()).isTrue();
        JsonNode proposed = authorization.path("proposed_transfer");
        assertThat(proposed.path("amount").asText()).isEqualTo("100.00");
        assertThat(proposed.path("account_id").asText()).isEqualTo(checking.accountId());
        assertThat(proposed.path("ledger_id").asText()).isEqualTo(client.ledger().path("ledger_id").asText());
        assertThat(proposed.path("user").path("legal_name").asText()).isEqualTo("Ada Weaver");
    }

    @Test
    void aDebitAboveTheAvailableBalanceIsDeclinedNsf() {
        JsonNode authorization = client.authorize(checking, "debit", "100.01");
        assertThat(authorization.path("decision").asText()).isEqualTo("declined");
        assertThat(rationale(authorization).path("code").asText()).isEqualTo("NSF");
    }

    @Test
    void anAccountWithNothingAvailableIsDeclinedRisk() {
        JsonNode authorization = client.authorize(client.checkingWithAvailable("0"), "debit", "5.00");
        assertThat(authorization.path("decision").asText()).isEqualTo("declined");
        assertThat(rationale(authorization).path("code").asText()).isEqualTo("RISK");
    }

    @Test
    void aCreditIsCheckedAgainstTheLedgersAvailableBalance() {
        String available = client.ledger().path("balance").path("available").asText();
        JsonNode within = client.authorize(checking, "credit", available);
        assertThat(within.path("decision").asText()).isEqualTo("approved");
        JsonNode beyond = client.authorize(checking, "credit", new BigDecimal(available).add(BigDecimal.ONE).toPlainString());
        assertThat(beyond.path("decision").asText()).isEqualTo("declined");
        assertThat(rationale(beyond).path("code").asText()).isEqualTo("NSF");
    }

    @Test
    void aboveTheSingleTransferLimitTheDecisionIsTransferLimitReached() {
        TransferClient.Account rich = client.checkingWithAvailable("50000");
        JsonNode authorization = client.authorize(rich, "debit", "1000.01");
        assertThat(authorization.path("decision").asText()).isEqualTo("declined");
        assertThat(rationale(authorization).path("code").asText()).isEqualTo("TRANSFER_LIMIT_REACHED");
        assertThat(client.ok("/transfer/configuration/get", body()).path("max_single_transfer_debit_amount").asText()).isEqualTo("1000.00");
    }

    @Test
    void anItemNeedingItsUserAsksForUserActionAndItsKeyIsNotHeld() {
        TransferClient.Account account = client.checking();
        client.ok("/sandbox/item/reset_login", body().put("access_token", account.accessToken()));
        ObjectNode request = authorization(account, "debit", "10.00").put("idempotency_key", TransferClient.key());
        JsonNode first = client.ok("/transfer/authorization/create", request).path("authorization");
        assertThat(first.path("decision").asText()).isEqualTo("user_action_required");
        assertThat(rationale(first).path("code").asText()).isEqualTo("ITEM_LOGIN_REQUIRED");

        // Without Link, the emulator repairs a login through the LOGIN_REPAIRED webhook, which needs a receiver.
        client.ok("/item/webhook/update", body().put("access_token", account.accessToken()).put("webhook", "http://127.0.0.1:9/hook"));
        client.ok("/sandbox/item/fire_webhook", body().put("access_token", account.accessToken()).put("webhook_code", "LOGIN_REPAIRED"));
        JsonNode retried = client.ok("/transfer/authorization/create", request).path("authorization");
        assertThat(retried.path("decision").asText()).isEqualTo("approved");
        assertThat(retried.path("id").asText()).isNotEqualTo(first.path("id").asText());
    }

    @Test
    void anAccountVerifiedByMicroDepositsIsApprovedAsManuallyVerified() {
        ObjectNode create = body().put("institution_id", "ins_109512");
        create.putArray("initial_products").add("auth").add("transfer");
        create.putObject("options").put("override_username", "user_good").put("override_password", "microdeposits_good");
        String publicToken = client.ok("/sandbox/public_token/create", create).path("public_token").asText();
        String token = client.ok("/item/public_token/exchange", body().put("public_token", publicToken)).path("access_token").asText();
        String accountId = client.ok("/accounts/get", body().put("access_token", token)).path("accounts").get(0).path("account_id").asText();
        TransferClient.Account account = new TransferClient.Account(token, accountId);

        EmulatorClient.Answer unverified = client.refused("/transfer/authorization/create", authorization(account, "debit", "5.00"),
                400, "INVALID_FIELD");
        assertThat(unverified.json().path("error_message").asText()).startsWith("account_id");
        client.ok("/sandbox/item/set_verification_status", account.named().put("verification_status", "automatically_verified"));
        JsonNode authorization = client.authorize(account, "debit", "5.00");
        assertThat(authorization.path("decision").asText()).isEqualTo("approved");
        assertThat(rationale(authorization).path("code").asText()).isEqualTo("MANUALLY_VERIFIED_ITEM");
    }

    @Test
    void aRepeatedIdempotencyKeyGetsTheFirstAnswer() {
        ObjectNode request = authorization(checking, "debit", "20.00").put("idempotency_key", TransferClient.key());
        JsonNode first = client.ok("/transfer/authorization/create", request).path("authorization");
        JsonNode again = client.ok("/transfer/authorization/create", request.deepCopy().put("amount", "500.00")).path("authorization");
        assertThat(again).isEqualTo(first);
    }

    @Test
    void aGuaranteeIsDecidedWhenAskedFor() {
        JsonNode guaranteed = client.ok("/transfer/authorization/create",
                authorization(checking, "debit", "10.00").put("request_guarantee", true)).path("authorization");
        assertThat(guaranteed.path("guarantee_decision").asText()).isEqualTo("GUARANTEED");
        assertThat(client.authorize(checking, "debit", "10.00").path("guarantee_decision").isNull()).isTrue();
    }

    @Test
    void requestsPlaidRefusesNameTheirFieldOrCarryItsTransferError() {
        assertRefused(authorization(checking, "debit", "12.345"), 400, "INVALID_FIELD", "amount");
        assertRefused(authorization(checking, "debit", "0.00"), 400, "INVALID_FIELD", "amount");
        assertRefused(authorization(checking, "debit", "10.00").put("iso_currency_code", "EUR"), 400, "INVALID_FIELD", "iso_currency_code");
        ObjectNode withoutClass = authorization(checking, "debit", "10.00");
        withoutClass.remove("ach_class");
        assertRefused(withoutClass, 400, "INVALID_FIELD", "ach_class");
        assertRefused(authorization(checking, "debit", "10.00").put("network", "rtp"), 400, "INVALID_FIELD", "network");
        assertRefused(authorization(checking, "credit", "10.00").put("ach_class", "web"), 400, "TRANSFER_FORBIDDEN_ACH_CLASS", "specified ach_class");
        assertRefused(authorization(checking, "credit", "1000000.00").put("network", "wire"), 400, "TRANSFER_NETWORK_LIMIT_EXCEEDED", "wire");
        assertRefused(authorization(checking, "debit", "10.00").put("ledger_id", "no-such-ledger"), 404, "NOT_FOUND", "ledger_id");
        assertRefused(authorization(checking, "debit", "10.00").put("originator_client_id", "111111111111111111111111"), 400,
                "TRANSFER_ORIGINATOR_NOT_FOUND", "the association");
        TransferClient.Account card = client.account("user_good", "pass_good", "credit card");
        assertRefused(authorization(card, "debit", "10.00"), 400, "TRANSFER_UNSUPPORTED_ACCOUNT_TYPE", "transfer account type");
        assertRefused(authorization(checking, "debit", "10.00").put("account_id", "nope"), 400, "INVALID_ACCOUNT_ID", "");
    }

    private void assertRefused(ObjectNode request, int status, String code, String messageStart) {
        EmulatorClient.Answer answer = client.refused("/transfer/authorization/create", request, status, code);
        assertThat(answer.json().path("error_message").asText()).startsWith(messageStart);
    }

    @Test
    void realTimePaymentsReachOnlyEligibleAccounts() {
        JsonNode eligible = client.ok("/transfer/capabilities/get", checking.named());
        assertThat(eligible.path("institution_supported_networks").path("rtp").path("credit").asBoolean()).isTrue();
        TransferClient.Account custom = client.checkingWithAvailable("500");
        assertThat(client.ok("/transfer/capabilities/get", custom.named()).path("institution_supported_networks").path("rtp")
                .path("credit").asBoolean()).isFalse();
        JsonNode instant = client.ok("/transfer/authorization/create", authorization(checking, "credit", "5.00")
                .put("network", "rtp").without("ach_class")).path("authorization");
        assertThat(instant.path("decision").asText()).isEqualTo("approved");
        assertRefused(authorization(custom, "credit", "5.00").put("network", "rtp"), 400, "INVALID_FIELD", "account_id");
    }

    @Test
    void onlyAnApprovedUnusedAuthorizationCanBeCancelled() {
        String unused = client.authorize(checking, "debit", "5.00").path("id").asText();
        client.ok("/transfer/authorization/cancel", body().put("authorization_id", unused));
        EmulatorClient.Answer create = client.refused("/transfer/create", checking.named().put("authorization_id", unused)
                .put("description", "payment"), 400, "INVALID_FIELD");
        assertThat(create.json().path("error_message").asText()).contains("cancelled");

        String used = client.transfer(checking, "debit", "5.00").path("authorization_id").asText();
        client.refused("/transfer/authorization/cancel", body().put("authorization_id", used), 400, "INVALID_FIELD");
        String declined = client.authorize(checking, "debit", "900.00").path("id").asText();
        client.refused("/transfer/authorization/cancel", body().put("authorization_id", declined), 400, "INVALID_FIELD");
        client.refused("/transfer/authorization/cancel", body().put("authorization_id", "00000000-0000-4000-8000-000000000000"), 404, "NOT_FOUND");
    }
}
