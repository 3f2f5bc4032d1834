package dev.tartan.ui.assets;

import atlantafx.base.theme.Styles;
import dev.tartan.model.TokenEntry;
import dev.tartan.ui.common.FormDialog;
import dev.tartan.ui.common.Forms;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;

import java.util.function.Consumer;

/**
 * A new asset report: the applicant's Items (ticked in the token book's list), the days of history,
 * the applicant, the lender's id and the webhook. Stays open until Plaid has accepted the request;
 * the report then shows in the list as waiting.
 */
final class NewReportDialog {

    private NewReportDialog() {
    }

    static void show(Window owner, NewReportFormViewModel form, Consumer<String> openLink) {
        ListView<TokenEntry> items = new ListView<>(form.items().items());
        items.setId("newReportItems");
        items.setPrefHeight(150);
        items.setCellFactory(CheckBoxListCell.forListView(form::chosenProperty, new StringConverter<>() {
            @Override
            public String toString(TokenEntry item) {
                String name = item.label() != null ? item.label() : item.maskedValue();
                return name + (item.institution() == null ? "" : "  \u00b7  " + item.institution())
                        + (item.label() == null || item.ownerId() == null ? "" : "  \u00b7  " + item.ownerId().substring(0, Math.min(8, item.ownerId().length())) + "\u2026");
            }

            @Override
            public TokenEntry fromString(String text) {
                return null;
            }
        }));
        Label placeholder = new Label();
        placeholder.setWrapText(true);
        placeholder.textProperty().bind(Bindings.createStringBinding(() -> switch (form.items().stateProperty().get().phase()) {
            case LOADING -> "Reading the token book\u2026";
            case FAILED -> "Could not read the token book: " + form.items().stateProperty().get().failure().summary();
            default -> "No Items in the token book for this profile: add or create one in the Items pane (with the assets product).";
        }, form.items().stateProperty()));
        items.setPlaceholder(placeholder);
        Label chosen = new Label();
        chosen.setId("newReportChosen");
        chosen.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        chosen.textProperty().bind(Bindings.createStringBinding(() -> form.chosen().size() + " of " + form.items().items().size()
                + " Items ticked. Plaid refuses an Item made without the assets product (PRODUCT_NOT_ENABLED).",
                form.chosen(), form.items().items()));

        GridPane request = Forms.grid(2);
        request.addRow(0, Forms.label("Days of history"), ReportDialogs.days("newReportDays", form.daysProperty()),
                Forms.label("client_report_id"), Forms.field("newReportClientId", "optional: the loan application's id",
                        form.clientReportIdProperty()));
        request.add(Forms.label("Webhook URL"), 0, 1);
        request.add(Forms.field("newReportWebhook", "optional: where Plaid sends PRODUCT_READY", form.webhookProperty()), 1, 1, 3, 1);
        Label webhookNote = Forms.paragraph("", Styles.TEXT_MUTED);
        webhookNote.getStyleClass().add(Styles.TEXT_SMALL);
        webhookNote.textProperty().bind(Bindings.createStringBinding(() -> form.webhookReachesTartan()
                ? "Tartan's webhook inbox hears when the report is ready (and asks Plaid now and then as well)."
                : "Until the report is ready, Tartan asks Plaid again after a growing pause (1 s, 1.6 s, \u2026 up to 30 s).",
                form.webhookProperty()));

        NewReportFormViewModel.Applicant applicant = form.applicant();
        GridPane person = Forms.grid(2);
        person.addRow(0, Forms.label("First name"), Forms.field("applicantFirstName", "", applicant.firstName()),
                Forms.label("Last name"), Forms.field("applicantLastName", "", applicant.lastName()));
        person.addRow(1, Forms.label("Middle name"), Forms.field("applicantMiddleName", "optional", applicant.middleName()),
                Forms.label("client_user_id"), Forms.field("applicantClientUserId", "optional: your id for the applicant",
                        applicant.clientUserId()));
        person.addRow(2, Forms.label("Email"), Forms.field("applicantEmail", "optional", applicant.email()),
                Forms.label("Phone"), Forms.field("applicantPhone", "optional: +14155550123", applicant.phoneNumber()));

        VBox fields = new VBox(10,
                Forms.heading("Items", "The applicant's banks: the Items of the token book the report covers."), items, chosen,
                Forms.heading("Report", "How far back, and how Plaid tells Tartan the report is ready."), request, webhookNote,
                Forms.heading("Applicant", "Who the report is for (options.user); Fannie Mae's Day 1 Certainty needs the names."),
                person);
        FormDialog<TokenEntry> dialog = new FormDialog<>(owner, "newReportDialog", "New asset report",
                "/asset_report/create: Plaid gathers the Items' accounts, balances, transactions and owners; the report is ready "
                        + "after a while (a few seconds in the Sandbox).", fields, "Create the report", form, openLink);
        dialog.dialog().getDialogPane().setPrefWidth(720);
        dialog.show();
    }
}
