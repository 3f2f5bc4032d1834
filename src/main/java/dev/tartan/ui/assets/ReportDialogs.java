package dev.tartan.ui.assets;

import atlantafx.base.theme.Styles;
import dev.tartan.model.AssetReportDigest;
import dev.tartan.ui.common.FormDialog;
import dev.tartan.ui.common.Forms;
import dev.tartan.ui.common.data.Formats;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.function.Consumer;

/** The dialogs of the actions on a report: refresh, filter accounts out, make an audit copy. */
final class ReportDialogs {

    private ReportDialogs() {
    }

    /** A whole number of days from 0 to 731, typed or stepped. */
    static Spinner<Integer> days(String id, javafx.beans.property.IntegerProperty value) {
        Spinner<Integer> spinner = new Spinner<>(0, RefreshFormViewModel.MAX_DAYS, value.get(), 30);
        spinner.setId(id);
        spinner.setEditable(true);
        spinner.setMaxWidth(Double.MAX_VALUE);
        spinner.valueProperty().addListener((obs, old, now) -> value.set(now == null ? -1 : now));
        // A number typed counts as soon as it is typed, not only once the field loses focus.
        spinner.getEditor().textProperty().addListener((obs, old, text) -> {
            try {
                value.set(Integer.parseInt(text.strip()));
            } catch (NumberFormatException e) {
                value.set(-1);
            }
        });
        return spinner;
    }

    static void refresh(Window owner, RefreshFormViewModel form, Consumer<String> openLink) {
        GridPane grid = Forms.grid(1);
        grid.addRow(0, Forms.label("Days of history"), days("refreshDays", form.daysProperty()));
        new FormDialog<>(owner, "refreshDialog", "Refresh the asset report",
                "/asset_report/refresh: Plaid makes a new report over the same Items with their data as of now; this one stays as it "
                        + "was. The new report opens once Plaid has it, linked to this one.", grid, "Refresh", form, openLink).show();
    }

    static void filter(Window owner, FilterFormViewModel form, Consumer<String> openLink) {
        VBox accounts = new VBox(6);
        accounts.setId("filterAccounts");
        for (AssetReportDigest.AccountSummary account : form.accounts()) {
            CheckBox box = new CheckBox(account.institutionName() + " \u00b7 " + account.title() + " \u00b7 "
                    + (account.current() == null ? "\u2014" : Formats.money(account.current(), account.currency())));
            box.setId("exclude-" + account.accountId());
            box.selectedProperty().bindBidirectional(form.excludedProperty(account.accountId()));
            accounts.getChildren().add(box);
        }
        ScrollPane scroll = new ScrollPane(accounts);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(Math.min(320, 30 * form.accounts().size() + 10));
        VBox content = new VBox(8, Forms.paragraph("Tick the accounts to leave out (an account that is not the applicant's, say).",
                Styles.TEXT_MUTED), scroll);
        new FormDialog<>(owner, "filterDialog", "Filter accounts out",
                "/asset_report/filter: Plaid makes a new report without the ticked accounts; this one stays as it was.",
                content, "Make the filtered report", form, openLink).show();
    }

    static void auditCopy(Window owner, AuditCopyFormViewModel form, Consumer<String> openLink) {
        ComboBox<String> auditor = new ComboBox<>();
        auditor.setId("auditorId");
        auditor.setEditable(true);
        auditor.getItems().setAll(form.knownAuditors());
        auditor.setMaxWidth(Double.MAX_VALUE);
        auditor.valueProperty().bindBidirectional(form.auditorProperty());
        auditor.getEditor().textProperty().addListener((obs, old, text) -> form.auditorProperty().set(text));
        GridPane grid = Forms.grid(1);
        grid.addRow(0, Forms.label("Auditor (auditor_id)"), auditor);
        new FormDialog<>(owner, "auditCopyDialog", "New audit copy",
                "/asset_report/audit_copy/create: a copy of this report the auditor reads with its own Plaid account, by the copy's "
                        + "token. Give the auditor the token; removing the copy (or the report) stops it working.",
                grid, "Make the copy", form, openLink).show();
    }
}
