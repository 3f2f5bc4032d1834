package dev.tartan.ui.watchlist;

import atlantafx.base.theme.Styles;
import dev.tartan.model.HitDecision;
import dev.tartan.model.ScreeningKind;
import dev.tartan.model.ScreeningStatus;
import dev.tartan.model.WatchlistProgram;
import dev.tartan.ui.common.FormDialog;
import dev.tartan.ui.common.Forms;
import dev.tartan.ui.common.ProductionGuard;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;

import java.util.List;
import java.util.function.Consumer;

/** The Watchlist pane's dialogs: the review, a status set by hand, a screening's search terms. */
final class WatchlistDialogs {

    private WatchlistDialogs() {
    }

    /**
     * The review: what it decides and the status it leaves, and the comment (the cursor is in it;
     * Ctrl+Enter submits). In Production, submitting asks first.
     */
    static void review(Window owner, ReviewFormViewModel form, Consumer<String> openLink) {
        Label summary = Forms.paragraph(form.plan().describe(), null);
        summary.setId("reviewSummary");
        VBox decided = new VBox(2);
        decided.setId("reviewDecisions");
        for (String id : form.plan().confirmed()) {
            decided.getChildren().add(decision(HitDecision.CONFIRM, id));
        }
        for (String id : form.plan().dismissed()) {
            decided.getChildren().add(decision(HitDecision.DISMISS, id));
        }
        TextArea comment = new TextArea();
        comment.setId("reviewComment");
        comment.setPromptText("Why: what you compared, what decided it (kept with the review and in the audit log)");
        comment.setWrapText(true);
        comment.setPrefRowCount(5);
        comment.textProperty().bindBidirectional(form.commentProperty());
        Label keys = new Label("Ctrl+Enter submits");
        keys.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        VBox fields = new VBox(10, summary, decided, Forms.label("Comment"), comment, keys);
        FormDialog<?> dialog = new FormDialog<>(owner, "reviewDialog", "Review a screening",
                "Review " + form.screening().name() + " (" + form.screening().id() + ")", fields, "Submit review", form, openLink);
        dialog.askFirst(() -> ProductionGuard.allowInProduction(dialog.dialog().getDialogPane().getScene().getWindow(), form.profile(),
                "Submit a review", form.screening().name() + " (" + form.screening().id() + ")"));
        Button go = dialog.goButton();
        comment.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ENTER && event.isShortcutDown()) {
                event.consume();
                if (!go.isDisabled()) {
                    go.fire();
                }
            }
        });
        dialog.dialog().setOnShown(e -> Platform.runLater(comment::requestFocus));
        dialog.show();
    }

    private static Node decision(HitDecision decision, String hitId) {
        Label label = new Label((decision == HitDecision.CONFIRM ? "Confirm " : "Dismiss ") + hitId);
        label.getStyleClass().addAll("mono", Styles.TEXT_SMALL, decision == HitDecision.CONFIRM ? Styles.DANGER : Styles.SUCCESS);
        return label;
    }

    /** A status set by hand, with the reason. */
    static void status(Window owner, StatusFormViewModel form, Consumer<String> openLink) {
        ComboBox<ScreeningStatus> status = new ComboBox<>(FXCollections.observableArrayList(form.choices()));
        status.setId("statusChoice");
        status.setConverter(converter(ScreeningStatus::displayName));
        status.valueProperty().bindBidirectional(form.statusProperty());
        TextArea reason = new TextArea();
        reason.setId("statusReason");
        reason.setPromptText("Why (kept in the audit log)");
        reason.setPrefRowCount(3);
        reason.setWrapText(true);
        reason.textProperty().bindBidirectional(form.reasonProperty());
        GridPane grid = Forms.grid(1);
        grid.addRow(0, Forms.label("New status"), status);
        grid.addRow(1, Forms.label("Reason"), reason);
        new FormDialog<>(owner, "statusDialog", "Change the status", "Set " + form.screening().name() + " (now "
                + form.screening().status().displayName() + ") by hand. Plaid sends its status webhook.", grid, "Change status", form,
                openLink).show();
    }

    /** A new screening (a person or an organisation), or the open screening's search terms edited. */
    static void screening(Window owner, ScreeningFormViewModel form, Consumer<String> openLink) {
        GridPane grid = Forms.grid(1);
        int row = 0;
        if (!form.isEdit()) {
            ToggleGroup kinds = new ToggleGroup();
            ToggleButton person = new ToggleButton("A person");
            person.setId("screeningKindIndividual");
            person.getStyleClass().add(Styles.LEFT_PILL);
            ToggleButton organisation = new ToggleButton("An organisation");
            organisation.setId("screeningKindEntity");
            organisation.getStyleClass().add(Styles.RIGHT_PILL);
            person.setToggleGroup(kinds);
            organisation.setToggleGroup(kinds);
            (form.kindProperty().get() == ScreeningKind.ENTITY ? organisation : person).setSelected(true);
            kinds.selectedToggleProperty().addListener((obs, old, now) -> {
                if (now == null) {
                    old.setSelected(true);
                } else {
                    form.kindProperty().set(now == person ? ScreeningKind.INDIVIDUAL : ScreeningKind.ENTITY);
                }
            });
            grid.addRow(row++, Forms.label("Screen"), new HBox(person, organisation));
            ComboBox<WatchlistProgram> program = new ComboBox<>(form.programChoices());
            program.setId("screeningProgram");
            program.setMaxWidth(Double.MAX_VALUE);
            program.setConverter(converter(each -> each.name() + " \u00b7 " + each.sensitivity() + (each.rescanning() ? ", rescanned daily" : "")));
            program.valueProperty().bindBidirectional(form.programProperty());
            grid.addRow(row++, Forms.label("Program"), program);
        }
        TextField name = Forms.field("screeningLegalName", "as on their documents", form.legalNameProperty());
        grid.addRow(row++, Forms.label("Legal name"), name);
        TextField born = Forms.field("screeningDateOfBirth", "year-month-day, e.g. 1964-09-18", form.dateOfBirthProperty());
        Label bornLabel = Forms.label("Date of birth");
        grid.addRow(row++, bornLabel, born);
        TextField country = Forms.field("screeningCountry", "two letters, e.g. US, GB, CF", form.countryProperty());
        grid.addRow(row++, Forms.label("Country"), country);
        TextField document = Forms.field("screeningDocument", "optional: passport, tax id, \u2026", form.documentNumberProperty());
        grid.addRow(row++, Forms.label("Document number"), document);
        TextField email = Forms.field("screeningEmail", "optional", form.emailAddressProperty());
        Label emailLabel = Forms.label("Email address");
        grid.addRow(row++, emailLabel, email);
        TextField phone = Forms.field("screeningPhone", "optional, E.164: +14155550123", form.phoneNumberProperty());
        Label phoneLabel = Forms.label("Phone number");
        grid.addRow(row++, phoneLabel, phone);
        TextField url = Forms.field("screeningUrl", "optional: https://\u2026", form.urlProperty());
        Label urlLabel = Forms.label("Website");
        grid.addRow(row++, urlLabel, url);
        if (!form.isEdit()) {
            grid.addRow(row, Forms.label("client_user_id"), Forms.field("screeningClientUserId", "optional: your id for the customer",
                    form.clientUserIdProperty()));
        }
        FormDialog<?>[] dialog = new FormDialog<?>[1];
        Runnable kindShown = () -> {
            boolean person = form.kindProperty().get() == ScreeningKind.INDIVIDUAL;
            for (Node node : List.of(bornLabel, born)) {
                node.setVisible(person);
                node.setManaged(person);
            }
            for (Node node : List.of(emailLabel, email, phoneLabel, phone, urlLabel, url)) {
                node.setVisible(!person);
                node.setManaged(!person);
            }
            if (dialog[0] != null) {
                dialog[0].fitWindow();
            }
        };
        form.kindProperty().addListener((obs, old, now) -> kindShown.run());
        kindShown.run();
        String header = form.isEdit()
                ? "Plaid screens the customer again with the new terms (/" + "watchlist_screening/" + form.kindProperty().get().word()
                + "/update). A field left empty keeps its value: Plaid does not clear search terms."
                : "Plaid screens the customer against the program's lists at once (/watchlist_screening/\u2026/create): "
                + "with hits it lands in the queue as Pending review, without it is Cleared.";
        dialog[0] = new FormDialog<>(owner, "screeningDialog", form.isEdit() ? "Edit the search terms" : "Screen a customer", header,
                grid, form.isEdit() ? "Screen again" : "Screen", form, openLink);
        dialog[0].dialog().setOnShown(e -> Platform.runLater(name::requestFocus));
        dialog[0].show();
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : text.apply(value);
            }

            @Override
            public T fromString(String string) {
                return null;
            }
        };
    }
}
