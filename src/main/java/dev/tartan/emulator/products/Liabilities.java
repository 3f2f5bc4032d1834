package dev.tartan.emulator.products;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.emulator.items.AccountRecord;
import dev.tartan.emulator.items.ItemRecord;
import dev.tartan.emulator.support.Json;
import dev.tartan.emulator.support.Mix;

import java.time.LocalDate;
import java.util.List;

/**
 * Credit card, student loan and mortgage details, from the user_custom {@code liability} setting when
 * there is one, else generated from the account and the Item's seed. Dates are relative to the Item's
 * creation day.
 */
public final class Liabilities {
    private Liabilities() {
    }

    public static boolean isLiability(AccountRecord account) {
        return account.type().equals("credit") || isStudent(account) || isMortgage(account);
    }

    private static boolean isStudent(AccountRecord account) {
        return account.type().equals("loan") && "student".equals(account.subtype());
    }

    private static boolean isMortgage(AccountRecord account) {
        return account.type().equals("loan") && "mortgage".equals(account.subtype());
    }

    /** The LiabilitiesObject for {@code accounts}: one array per kind, null when the kind is absent. */
    public static ObjectNode of(ItemRecord item, List<AccountRecord> accounts) {
        ObjectNode liabilities = Json.object();
        ArrayNode credit = Json.object().arrayNode();
        ArrayNode student = Json.object().arrayNode();
        ArrayNode mortgage = Json.object().arrayNode();
        LocalDate today = item.anchorDate();
        for (AccountRecord account : accounts) {
            long seed = Mix.of(item.dataSeed(), Mix.of(account.accountId()));
            JsonNode custom = account.custom().path("liability");
            if (account.type().equals("credit")) {
                credit.add(credit(account, custom, today, seed));
            } else if (isStudent(account)) {
                student.add(student(account, custom, today));
            } else if (isMortgage(account)) {
                mortgage.add(mortgage(account, today));
            }
        }
        liabilities.set("credit", credit.isEmpty() ? null : credit);
        liabilities.set("mortgage", mortgage.isEmpty() ? null : mortgage);
        liabilities.set("student", student.isEmpty() ? null : student);
        return liabilities;
    }

    private static ObjectNode credit(AccountRecord account, JsonNode custom, LocalDate today, long seed) {
        double balance = account.current() == null ? 0 : account.current();
        ObjectNode json = Json.object();
        json.put("account_id", account.accountId());
        ArrayNode aprs = json.putArray("aprs");
        apr(aprs, "purchase_apr", custom.path("purchase_apr").asDouble(15.24), balance);
        apr(aprs, "balance_transfer_apr", custom.path("balance_transfer_apr").asDouble(18.99), 0);
        apr(aprs, "cash_apr", custom.path("cash_apr").asDouble(27.49), 0);
        if (custom.hasNonNull("special_apr")) {
            apr(aprs, "special", custom.get("special_apr").asDouble(), 0);
        }
        json.put("is_overdue", custom.path("is_overdue").asBoolean(false));
        json.put("last_payment_amount", custom.path("last_payment_amount").asDouble(round(50 + Mix.unit(seed) * 400)));
        json.put("last_payment_date", today.minusDays(12).toString());
        json.put("last_statement_issue_date", today.minusDays(18).toString());
        json.put("last_statement_balance", round(balance * 0.9));
        json.put("minimum_payment_amount", custom.path("minimum_payment_amount").asDouble(Math.max(20, round(balance * 0.02))));
        json.put("next_payment_due_date", today.plusDays(13).toString());
        return json;
    }

    private static void apr(ArrayNode aprs, String type, double percentage, double subject) {
        ObjectNode apr = aprs.addObject();
        apr.put("apr_percentage", percentage);
        apr.put("apr_type", type);
        apr.put("balance_subject_to_apr", round(subject));
        apr.put("interest_charge_amount", round(subject * percentage / 100 / 12));
    }

    private static ObjectNode student(AccountRecord account, JsonNode custom, LocalDate today) {
        double balance = account.current() == null ? 0 : account.current();
        double rate = custom.path("nominal_apr").asDouble(5.25);
        LocalDate origination = custom.hasNonNull("origination_date")
                ? LocalDate.parse(custom.get("origination_date").asText()) : today.minusYears(4);
        ObjectNode json = Json.object();
        json.put("account_id", account.accountId());
        json.put("account_number", account.accountNumber());
        json.putArray("disbursement_dates").add(origination.toString());
        json.put("expected_payoff_date", custom.path("expected_payoff_date").asText(origination.plusYears(10).toString()));
        json.put("guarantor", custom.path("guarantor").asText("DEPT OF ED"));
        json.put("interest_rate_percentage", rate);
        json.put("is_overdue", false);
        json.put("last_payment_amount", round(balance / 120));
        json.put("last_payment_date", today.minusDays(20).toString());
        json.put("last_statement_balance", round(balance));
        json.put("last_statement_issue_date", today.minusDays(25).toString());
        json.put("loan_name", custom.path("loan_name").asText("Consolidation"));
        ObjectNode status = json.putObject("loan_status");
        status.put("end_date", origination.plusYears(10).toString());
        status.put("type", "repayment");
        json.put("minimum_payment_amount", round(balance / 120));
        json.put("next_payment_due_date", today.plusDays(10).toString());
        json.put("origination_date", origination.toString());
        json.put("origination_principal_amount", custom.path("principal").asDouble(round(balance * 1.2)));
        json.put("outstanding_interest_amount", round(balance * rate / 100 / 12));
        json.put("payment_reference_number", custom.path("payment_reference_number").asText(account.accountNumber()));
        ObjectNode pslf = json.putObject("pslf_status");
        pslf.putNull("estimated_eligibility_date");
        pslf.putNull("payments_made");
        pslf.putNull("payments_remaining");
        ObjectNode plan = json.putObject("repayment_plan");
        plan.put("description", custom.path("repayment_plan_description").asText("Standard Repayment"));
        plan.put("type", custom.path("repayment_plan_type").asText("standard"));
        json.put("sequence_number", custom.path("sequence_number").asText("1"));
        ObjectNode servicer = json.putObject("servicer_address");
        servicer.put("city", "Malakoff");
        servicer.put("country", "US");
        servicer.put("postal_code", "14236");
        servicer.put("region", "NY");
        servicer.put("street", "123 Loom Avenue");
        json.put("ytd_interest_paid", round(balance * rate / 100 / 3));
        json.put("ytd_principal_paid", round(balance / 40));
        return json;
    }

    private static ObjectNode mortgage(AccountRecord account, LocalDate today) {
        double balance = account.current() == null ? 0 : account.current();
        LocalDate origination = today.minusYears(6);
        ObjectNode json = Json.object();
        json.put("account_id", account.accountId());
        json.put("account_number", account.accountNumber());
        json.put("current_late_fee", 0.0);
        json.put("escrow_balance", round(balance * 0.01));
        json.put("has_pmi", false);
        json.put("has_prepayment_penalty", false);
        ObjectNode rate = json.putObject("interest_rate");
        rate.put("percentage", 3.99);
        rate.put("type", "fixed");
        json.put("last_payment_amount", round(balance / 240));
        json.put("last_payment_date", today.minusDays(15).toString());
        json.put("loan_type_description", "conventional");
        json.put("loan_term", "30 year");
        json.put("maturity_date", origination.plusYears(30).toString());
        json.put("next_monthly_payment", round(balance / 240));
        json.put("next_payment_due_date", today.plusDays(16).toString());
        json.put("origination_date", origination.toString());
        json.put("origination_principal_amount", round(balance * 1.35));
        json.put("past_due_amount", 0.0);
        ObjectNode address = json.putObject("property_address");
        address.put("city", "Malakoff");
        address.put("country", "US");
        address.put("postal_code", "14236");
        address.put("region", "NY");
        address.put("street", "2992 Weaver Street");
        json.put("ytd_interest_paid", round(balance * 0.0399 / 2));
        json.put("ytd_principal_paid", round(balance / 60));
        return json;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
