package dev.tartan.emulator.assets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.emulator.EmulatorConfig;
import dev.tartan.emulator.PlaidEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.tartan.emulator.EmulatorClient.body;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A report is made of the Items' own data, as /accounts/get, /identity/get and /transactions/get show it:
 * accounts and balances, owners, the transactions of the requested days, each day's balance, days_available;
 * include_insights, days_to_include and the add-ons change what is shown, never the numbers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AssetReportContentTest {
    private static final int DAYS = 60;

    private PlaidEmulator emulator;
    private AssetsClient client;
    private String first;
    private String second;
    private JsonNode created;
    private JsonNode report;

    @BeforeAll
    void createReportForTwoItems() {
        emulator = PlaidEmulator.start(EmulatorConfig.builder().assetReportDelay(Duration.ZERO).build());
        client = new AssetsClient(emulator);
        first = client.item();
        second = client.item("user_custom", """
                {"override_accounts": [
                  {"type": "depository", "subtype": "savings", "starting_balance": 2500, "meta": {"name": "Rainy Day", "mask": "4321"},
                   "transactions": [{"date_transacted": "%1$s", "date_posted": "%1$s", "amount": 120.5, "description": "Rent share",
                                     "currency": "USD"},
                                    {"date_transacted": "%2$s", "date_posted": "%2$s", "amount": -800, "description": "Payroll",
                                     "currency": "USD"}]},
                  {"type": "credit", "subtype": "credit card", "starting_balance": 410.25, "meta": {"limit": 2000}}]}"""
                .formatted(LocalDate.now(ZoneOffset.UTC).minusDays(3), LocalDate.now(ZoneOffset.UTC).minusDays(10)));
        ObjectNode request = AssetsClient.createRequest(DAYS, first, second);
        ObjectNode options = request.putObject("options").put("client_report_id", "loan-77");
        options.putObject("user").put("first_name", "Ada").put("last_name", "Weaver").put("email", "ada@example.com");
        created = client.create(request);
        report = client.report(created.path("asset_report_token").asText());
    }

    @AfterAll
    void stop() {
        emulator.close();
    }

    private LocalDate generatedOn() {
        return OffsetDateTime.parse(report.path("date_generated").asText()).toLocalDate();
    }

    @Test
    void theReportNamesWhatWasAskedFor() {
        assertThat(report.path("asset_report_id").asText()).isEqualTo(created.path("asset_report_id").asText());
        assertThat(report.path("client_report_id").asText()).isEqualTo("loan-77");
        assertThat(report.path("days_requested").asInt()).isEqualTo(DAYS);
        assertThat(report.path("user").path("first_name").asText()).isEqualTo("Ada");
        assertThat(report.path("user").path("email").asText()).isEqualTo("ada@example.com");
        assertThat(report.path("user").has("ssn")).as("every AssetReportUser field is present").isTrue();
        assertThat(report.path("items")).hasSize(2);
        String firstItemId = client.ok("/item/get", body().put("access_token", first)).path("item").path("item_id").asText();
        assertThat(report.path("items").get(0).path("item_id").asText()).isEqualTo(firstItemId);
        assertThat(report.path("items").get(0).path("institution_name").asText()).isEqualTo("First Platypus Bank");
    }

    @Test
    void accountsBalancesAndOwnersAreTheItemsOwn() {
        for (String token : List.of(first, second)) {
            JsonNode identity = client.ok("/identity/get", body().put("access_token", token));
            for (JsonNode account : identity.path("accounts")) {
                JsonNode inReport = AssetsClient.account(report, account.path("account_id").asText());
                for (String field : List.of("name", "official_name", "mask", "type", "subtype")) {
                    assertThat(inReport.path(field)).as(field).isEqualTo(account.path(field));
                }
                for (String field : List.of("current", "available", "limit", "iso_currency_code")) {
                    assertThat(inReport.path("balances").path(field)).as(field).isEqualTo(account.path("balances").path(field));
                }
                assertThat(inReport.path("owners")).isEqualTo(account.path("owners"));
            }
        }
        JsonNode savings = AssetsClient.accounts(report).stream().filter(a -> a.path("mask").asText().equals("4321")).findFirst().orElseThrow();
        assertThat(savings.path("name").asText()).isEqualTo("Rainy Day");
        assertThat(savings.path("balances").path("current").asDouble()).isEqualTo(2500.0);
    }

    /** Every transaction /transactions/get gives for the requested days, on its account, and no other. */
    @Test
    void transactionsAreThoseOfTheRequestedDays() {
        LocalDate end = generatedOn();
        for (String token : List.of(first, second)) {
            Map<String, List<String>> expected = new HashMap<>();
            Map<String, JsonNode> byId = new HashMap<>();
            for (JsonNode transaction : allTransactions(token, end.minusDays(DAYS), end)) {
                expected.computeIfAbsent(transaction.path("account_id").asText(), k -> new ArrayList<>())
                        .add(transaction.path("transaction_id").asText());
                byId.put(transaction.path("transaction_id").asText(), transaction);
            }
            assertThat(expected).as("the Item has transactions in the period").isNotEmpty();
            for (JsonNode account : client.ok("/accounts/get", body().put("access_token", token)).path("accounts")) {
                String accountId = account.path("account_id").asText();
                JsonNode inReport = AssetsClient.account(report, accountId);
                List<String> ids = new ArrayList<>();
                for (JsonNode transaction : inReport.path("transactions")) {
                    ids.add(transaction.path("transaction_id").asText());
                    JsonNode original = byId.get(transaction.path("transaction_id").asText());
                    assertThat(transaction.path("amount")).isEqualTo(original.path("amount"));
                    assertThat(transaction.path("date")).isEqualTo(original.path("date"));
                    assertThat(transaction.path("pending")).isEqualTo(original.path("pending"));
                    assertThat(transaction.path("account_id").asText()).isEqualTo(accountId);
                    assertThat(transaction.path("original_description").asText()).isEqualTo(original.path("name").asText());
                }
                assertThat(ids).as("transactions of %s", account.path("name").asText())
                        .containsExactlyInAnyOrderElementsOf(expected.getOrDefault(accountId, List.of()));
            }
        }
        JsonNode savings = AssetsClient.accounts(report).stream().filter(a -> a.path("mask").asText().equals("4321")).findFirst().orElseThrow();
        assertThat(savings.path("transactions")).extracting(t -> t.path("original_description").asText())
                .containsExactly("Rent share", "Payroll");
    }

    private List<JsonNode> allTransactions(String token, LocalDate start, LocalDate end) {
        List<JsonNode> all = new ArrayList<>();
        int total;
        do {
            ObjectNode request = body().put("access_token", token).put("start_date", start.toString()).put("end_date", end.toString());
            request.putObject("options").put("count", 500).put("offset", all.size());
            JsonNode page = client.ok("/transactions/get", request);
            page.path("transactions").forEach(all::add);
            total = page.path("total_transactions").asInt();
        } while (all.size() < total);
        return all;
    }

    /**
     * Each day's balance is the current balance with the posted transactions after that day undone: money out
     * added back on a depository account, taken off what is owed on a credit card.
     */
    @Test
    void historicalBalancesWorkBackFromTheCurrentBalance() {
        LocalDate today = generatedOn();
        int checked = 0;
        for (JsonNode account : AssetsClient.accounts(report)) {
            String type = account.path("type").asText();
            JsonNode history = account.path("historical_balances");
            if (!type.equals("depository") && !type.equals("credit")) {
                assertThat(history).as("no history for %s accounts", type).isEmpty();
                assertThat(account.path("transactions")).isEmpty();
                assertThat(account.path("days_available").asInt()).isZero();
                continue;
            }
            int daysAvailable = account.path("days_available").asInt();
            assertThat(history).as("one balance a day available").hasSize(daysAvailable);
            double current = account.path("balances").path("current").asDouble();
            for (int i = 0; i < history.size(); i++) {
                LocalDate day = LocalDate.parse(history.get(i).path("date").asText());
                assertThat(day).as("newest first, from the day before the report").isEqualTo(today.minusDays(i + 1));
                double undone = 0;
                for (JsonNode transaction : account.path("transactions")) {
                    if (!transaction.path("pending").asBoolean() && LocalDate.parse(transaction.path("date").asText()).isAfter(day)) {
                        undone += transaction.path("amount").asDouble();
                    }
                }
                double expected = type.equals("credit") ? current - undone : current + undone;
                assertThat(history.get(i).path("current").asDouble()).as("%s on %s", account.path("name").asText(), day)
                        .isCloseTo(expected, org.assertj.core.data.Offset.offset(0.005));
                assertThat(history.get(i).path("iso_currency_code").asText()).isEqualTo(account.path("balances").path("iso_currency_code").asText());
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(DAYS);
        JsonNode savings = AssetsClient.accounts(report).stream().filter(a -> a.path("mask").asText().equals("4321")).findFirst().orElseThrow();
        assertThat(savings.path("days_available").asInt()).as("since its earliest transaction, 10 days ago").isEqualTo(10);
        assertThat(savings.path("historical_balances").get(0).path("current").asDouble()).as("yesterday: after both").isEqualTo(2500.0);
        assertThat(savings.path("historical_balances").get(3).path("current").asDouble()).as("4 days ago: before the rent")
                .isEqualTo(2620.5);
        assertThat(savings.path("historical_balances").get(9).path("current").asDouble()).as("10 days ago: after the payroll")
                .isEqualTo(2620.5);
    }

    @Test
    void daysAvailableNeverExceedTheDaysRequested() {
        for (JsonNode account : AssetsClient.accounts(report)) {
            assertThat(account.path("days_available").asInt()).isBetween(0, DAYS);
        }
        JsonNode checking = AssetsClient.accounts(report).stream().filter(a -> a.path("subtype").asText().equals("checking"))
                .findFirst().orElseThrow();
        assertThat(checking.path("days_available").asInt()).as("the Sandbox history is longer than the report").isEqualTo(DAYS);
    }

    @Test
    void insightsAddTheEnrichedTransactionFields() {
        String token = created.path("asset_report_token").asText();
        JsonNode plain = AssetsClient.accounts(report).stream().filter(a -> !a.path("transactions").isEmpty()).findFirst().orElseThrow()
                .path("transactions").get(0);
        assertThat(plain.has("merchant_name")).as("no insights by default").isFalse();
        assertThat(plain.has("category")).isFalse();
        JsonNode withInsights = client.ok("/asset_report/get", AssetsClient.token(token).put("include_insights", true)).path("report");
        JsonNode enriched = AssetsClient.account(withInsights, plain.path("account_id").asText()).path("transactions").get(0);
        assertThat(enriched.path("transaction_id")).isEqualTo(plain.path("transaction_id"));
        for (String field : ReportBuilder.INSIGHT_FIELDS) {
            assertThat(enriched.has(field)).as("insight field %s", field).isTrue();
        }
        assertThat(enriched.path("category").isArray()).isTrue();
        assertThat(enriched.path("credit_category").path("primary").asText()).isNotEmpty();
        assertThat(enriched.path("name").asText()).isNotEmpty();
        assertThat(enriched.path("amount")).isEqualTo(plain.path("amount"));
    }

    @Test
    void daysToIncludeShortensTheHistoryShown() {
        String token = created.path("asset_report_token").asText();
        ObjectNode request = AssetsClient.token(token);
        request.putObject("options").put("days_to_include", 7);
        JsonNode shorter = client.ok("/asset_report/get", request).path("report");
        LocalDate firstDay = generatedOn().minusDays(7);
        for (JsonNode account : AssetsClient.accounts(shorter)) {
            assertThat(account.path("days_available").asInt()).isLessThanOrEqualTo(7);
            assertThat(account.path("historical_balances").size()).isLessThanOrEqualTo(7);
            for (JsonNode transaction : account.path("transactions")) {
                assertThat(LocalDate.parse(transaction.path("date").asText())).isAfterOrEqualTo(firstDay);
            }
            JsonNode full = AssetsClient.account(report, account.path("account_id").asText());
            long expected = 0;
            for (JsonNode transaction : full.path("transactions")) {
                if (!LocalDate.parse(transaction.path("date").asText()).isBefore(firstDay)) {
                    expected++;
                }
            }
            assertThat(account.path("transactions").size()).isEqualTo((int) expected);
        }
        assertThat(shorter.path("days_requested").asInt()).isEqualTo(DAYS);
    }

    @Test
    void theInvestmentsAddOnAddsHoldingsToInvestmentAccounts() {
        ObjectNode request = AssetsClient.createRequest(30, first);
        request.putObject("options").putArray("add_ons").add("investments");
        JsonNode withInvestments = client.report(client.create(request).path("asset_report_token").asText());
        JsonNode ira = AssetsClient.accounts(withInvestments).stream().filter(a -> a.path("subtype").asText().equals("ira"))
                .findFirst().orElseThrow();
        assertThat(ira.path("investments").path("holdings")).isNotEmpty();
        assertThat(ira.path("investments").path("securities")).isNotEmpty();
        JsonNode holdings = client.ok("/investments/holdings/get", body().put("access_token", first)).path("holdings");
        long iraHoldings = 0;
        for (JsonNode holding : holdings) {
            if (holding.path("account_id").asText().equals(ira.path("account_id").asText())) {
                iraHoldings++;
            }
        }
        assertThat(ira.path("investments").path("holdings")).hasSize((int) iraHoldings);
        assertThat(AssetsClient.account(report, ira.path("account_id").asText()).has("investments"))
                .as("without the add-on there is none").isFalse();
    }
}
