package dev.tartan.ui.processor;

import atlantafx.base.theme.Styles;
import dev.tartan.model.FieldMatch;
import dev.tartan.model.IdentityMatchResult;
import dev.tartan.ui.common.Fixes;
import dev.tartan.ui.common.Forms;
import dev.tartan.ui.common.data.DataPane;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.util.function.Consumer;

/** The Identity match tab: what the customer says, and a score per field with what it means. */
final class IdentityMatchTab {

    private final IdentityMatchViewModel model;
    private final Consumer<String> openLink;
    private final GridPane scores = new GridPane();

    IdentityMatchTab(IdentityMatchViewModel model, Consumer<String> openLink) {
        this.model = model;
        this.openLink = openLink;
    }

    Node build() {
        GridPane form = Forms.grid();
        form.addRow(0, Forms.label("Legal name"), Forms.field("matchLegalName", "Jane Doe", model.fields().legalName()),
                Forms.label("Email address"), Forms.field("matchEmail", "jane.doe@example.com", model.fields().emailAddress()));
        form.addRow(1, Forms.label("Phone number"), Forms.field("matchPhone", "+1 415 555 0123", model.fields().phoneNumber()),
                Forms.label("Street"), Forms.field("matchStreet", "2493 Leisure Lane", model.fields().street()));
        form.addRow(2, Forms.label("City"), Forms.field("matchCity", "San Matias", model.fields().city()),
                Forms.label("Region"), Forms.field("matchRegion", "CA", model.fields().region()));
        form.addRow(3, Forms.label("Postal code"), Forms.field("matchPostalCode", "93405", model.fields().postalCode()),
                Forms.label("Country"), Forms.field("matchCountry", "US", model.fields().country()));
        Button match = new Button("Match");
        match.setId("matchIdentity");
        match.getStyleClass().add(Styles.ACCENT);
        match.setOnAction(e -> model.match());
        match.disableProperty().bind(Bindings.createBooleanBinding(() -> model.resultProperty().get().isLoading(), model.resultProperty()));
        Button clear = new Button("Clear");
        clear.setOnAction(e -> model.clear());

        scores.setId("matchScores");
        scores.setHgap(16);
        scores.setVgap(10);
        Label threshold = Forms.paragraph("Plaid suggests accepting a field that scores 70 or more. A field the customer "
                + "did not give, or the bank does not hold, is not compared.", Styles.TEXT_MUTED);
        DataPane result = new DataPane(new VBox(10, scores, threshold), Fixes.retry(model::match), openLink);
        result.setId("matchResult");
        result.bind(model.resultProperty(), this::show);

        VBox page = new VBox(14, Forms.heading("Identity match", "Checks what a customer told you against the owner "
                + "details the bank holds for this account, field by field."), form, new HBox(8, match, clear), result);
        page.setPadding(new Insets(12));
        ScrollPane scroll = new ScrollPane(page);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private void show(IdentityMatchResult result) {
        scores.getChildren().clear();
        scores.addRow(0, header("Field"), header("Score"), header("Verdict"), header("What it means"));
        int row = 1;
        for (FieldMatch field : result.fields()) {
            Label score = new Label(field.score() == null ? "\u2014" : String.valueOf(field.score()));
            score.getStyleClass().addAll(Styles.TITLE_4, RiskStyles.of(field.level()));
            score.setId("matchScore-" + field.field().replace(' ', '-'));
            score.setMinWidth(Label.USE_PREF_SIZE);
            Label verdict = new Label(field.verdict());
            verdict.getStyleClass().addAll(Styles.TEXT_BOLD, RiskStyles.of(field.level()));
            verdict.setMinWidth(Label.USE_PREF_SIZE);
            VBox meaning = new VBox(2, Forms.paragraph(field.meaning(), null));
            field.notes().forEach(note -> meaning.getChildren().add(Forms.paragraph("\u2022 " + note, Styles.TEXT_MUTED)));
            Label name = new Label(field.field());
            name.setMinWidth(Label.USE_PREF_SIZE);
            scores.addRow(row++, name, score, verdict, meaning);
            for (Node cell : new Node[] {name, score, verdict}) {
                GridPane.setValignment(cell, VPos.TOP);
            }
        }
        Label requestId = Forms.paragraph("request_id " + result.requestId(), Styles.TEXT_SMALL);
        requestId.getStyleClass().add(Styles.TEXT_MUTED);
        scores.add(requestId, 0, row, 4, 1);
    }

    private static Label header(String text) {
        Label label = new Label(text);
        label.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        label.setMinWidth(Label.USE_PREF_SIZE);
        return label;
    }
}
