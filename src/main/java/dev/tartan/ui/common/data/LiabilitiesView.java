package dev.tartan.ui.common.data;

import atlantafx.base.theme.Styles;
import com.fasterxml.jackson.databind.JsonNode;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.HashMap;
import java.util.Map;

/** Credit cards, mortgages and student loans: what is owed, at what rate, and when the next payment is due. */
public final class LiabilitiesView extends VBox {

    private final Map<String, String> accountNames = new HashMap<>();
    private final JsonTable credit = new JsonTable("creditLiabilities", "No credit cards.")
            .column("Account", this::accountName)
            .column("APR", row -> aprs(row.path("aprs")))
            .money("Last statement", "last_statement_balance")
            .money("Minimum payment", "minimum_payment_amount")
            .field("Next due", "next_payment_due_date")
            .field("Overdue", "is_overdue");
    private final JsonTable mortgage = new JsonTable("mortgageLiabilities", "No mortgages.")
            .column("Account", this::accountName)
            .column("Rate", row -> Formats.text(row.path("interest_rate").path("percentage")) + "% "
                    + Formats.text(row.path("interest_rate").path("type")))
            .money("Next payment", "next_monthly_payment")
            .field("Next due", "next_payment_due_date")
            .money("Original principal", "origination_principal_amount")
            .field("Maturity", "maturity_date");
    private final JsonTable student = new JsonTable("studentLiabilities", "No student loans.")
            .column("Account", this::accountName)
            .field("Loan", "loan_name")
            .column("Rate", row -> Formats.text(row.path("interest_rate_percentage")) + "%")
            .money("Minimum payment", "minimum_payment_amount")
            .money("Outstanding interest", "outstanding_interest_amount")
            .field("Next due", "next_payment_due_date")
            .field("Plan", "repayment_plan", "type")
            .field("Status", "loan_status", "type");

    public LiabilitiesView() {
        setId("liabilitiesView");
        setSpacing(6);
        getChildren().addAll(heading("Credit cards"), credit, heading("Mortgages"), mortgage, heading("Student loans"), student);
        for (JsonTable table : new JsonTable[] {credit, mortgage, student}) {
            table.setPrefHeight(140);
            VBox.setVgrow(table, Priority.SOMETIMES);
        }
    }

    /** Shows the {@code liabilities} object of a reply; {@code accounts} names the accounts. */
    public void show(JsonNode liabilities, JsonNode accounts) {
        accountNames.clear();
        accounts.forEach(a -> accountNames.put(a.path("account_id").asText(), a.path("name").asText()));
        credit.show(liabilities.path("credit"));
        mortgage.show(liabilities.path("mortgage"));
        student.show(liabilities.path("student"));
        // Names, dates and plans are short: each column as wide as its values, rather than cut off.
        for (JsonTable table : new JsonTable[] {credit, mortgage, student}) {
            table.fitColumnsToContent();
        }
    }

    private String accountName(JsonNode row) {
        String id = row.path("account_id").asText();
        return accountNames.getOrDefault(id, id);
    }

    private static String aprs(JsonNode aprs) {
        StringBuilder text = new StringBuilder();
        aprs.forEach(apr -> text.append(text.length() == 0 ? "" : ", ")
                .append(apr.path("apr_percentage").asText()).append("% ").append(apr.path("apr_type").asText()));
        return text.length() == 0 ? "\u2014" : text.toString();
    }

    private static Label heading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.TEXT_BOLD);
        return label;
    }
}
