package dev.tartan.ui.shell;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.controls.ModalPane;
import atlantafx.base.theme.Styles;
import dev.tartan.model.ConsoleDraft;
import dev.tartan.model.IdKind;
import dev.tartan.model.OmniboxDestination;
import dev.tartan.model.OmniboxMatch;
import dev.tartan.model.PaneTarget;
import dev.tartan.ui.common.Navigator;
import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * Ctrl+K: paste any Plaid id or token; the omnibox says what it is and lists where to open it.
 * Enter opens the highlighted place, Escape closes.
 */
final class Omnibox {

    private final ShellViewModel model;
    private final ModalPane modal;
    private final Navigator navigator;
    private final CustomTextField field = new CustomTextField();
    private final Label kind = new Label();
    private final Label hint = new Label();
    private final ListView<OmniboxDestination> results = new ListView<>();
    private final VBox card;
    private final PauseTransition typing = new PauseTransition(Duration.millis(120));
    private String lookedUp = "";
    /** Enter was pressed before the lookup of what was typed: open its first choice once it is known. */
    private boolean openWhenFound;

    Omnibox(ShellViewModel model, ModalPane modal, Navigator navigator) {
        this.model = model;
        this.modal = modal;
        this.navigator = navigator;

        field.setId("omniboxField");
        field.setPromptText("Paste an access token, processor token, asset report token, item_id, transfer id, scr_\u2026");
        field.setLeft(new FontIcon(Material2MZ.SEARCH));
        field.getStyleClass().add(Styles.LARGE);
        field.textProperty().addListener((obs, old, now) -> {
            openWhenFound = false;
            typing.playFromStart();
        });
        typing.setOnFinished(e -> lookUp());
        field.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.DOWN) {
                results.requestFocus();
                results.getSelectionModel().selectFirst();
                event.consume();
            }
        });
        field.setOnAction(e -> {
            typing.stop();
            if (!field.getText().strip().equals(lookedUp)) {
                // Enter right after a paste: look it up, then go where the first choice leads.
                openWhenFound = true;
                lookUp();
            } else {
                openSelected();
            }
        });

        model.omniboxMatchProperty().addListener((obs, old, match) -> {
            if (match == null || !match.value().equals(field.getText().strip())) {
                return; // the user typed on
            }
            show(match);
            if (openWhenFound) {
                openWhenFound = false;
                openSelected();
            }
        });

        kind.setId("omniboxKind");
        kind.getStyleClass().add(Styles.TEXT_BOLD);
        hint.setId("omniboxHint");
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        hint.setWrapText(true);

        results.setId("omniboxResults");
        results.setPrefHeight(220);
        results.setPlaceholder(new Label(""));
        results.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(OmniboxDestination destination, boolean empty) {
                super.updateItem(destination, empty);
                if (empty || destination == null) {
                    setGraphic(null);
                    return;
                }
                Label description = new Label(destination.description());
                Label path = new Label(destination instanceof ConsoleDraft draft ? "API console \u00b7 " + draft.path()
                        : ((PaneTarget) destination).kind().paneName());
                path.getStyleClass().addAll("mono", Styles.TEXT_MUTED, Styles.TEXT_SMALL);
                setGraphic(new VBox(1, description, path));
            }
        });
        results.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                openSelected();
            }
        });
        results.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                openSelected();
            }
        });

        card = new VBox(10, field, kind, hint, results);
        card.setPadding(new Insets(16));
        card.setMaxSize(640, VBox.USE_PREF_SIZE);
        card.getStyleClass().add("modal-card");
        card.setId("omnibox");
        card.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                close();
            }
        });
    }

    void open() {
        field.clear();
        kind.setText("");
        hint.setText("Tartan recognises tokens and ids by their shape and looks them up in the token book.");
        results.getItems().clear();
        lookedUp = "";
        modal.setAlignment(Pos.TOP_CENTER);
        modal.show(card);
        field.requestFocus();
    }

    private void close() {
        modal.hide(true);
    }

    private void lookUp() {
        String text = field.getText().strip();
        lookedUp = text;
        if (text.isEmpty()) {
            kind.setText("");
            results.getItems().clear();
            return;
        }
        model.lookUp(text);
    }

    private void show(OmniboxMatch match) {
        kind.setText(match.kind() == IdKind.UNKNOWN ? "Not a Plaid id or token Tartan recognises" : match.kind().displayName());
        results.getItems().setAll(match.destinations());
        results.getSelectionModel().selectFirst();
        if (match.note() != null) {
            hint.setText(match.note());
        } else if (match.kind() == IdKind.ITEM_OR_ACCOUNT_ID && match.destinations().isEmpty()) {
            hint.setText("No token in the token book belongs to this id. Paste the Item's access token instead.");
        } else if (!match.known().isEmpty()) {
            hint.setText("In the token book: " + match.known().size() + " entr" + (match.known().size() == 1 ? "y" : "ies") + ".");
        } else if (match.kind() == IdKind.UNKNOWN) {
            hint.setText("Tokens look like access-sandbox-\u2026; ids like a 37-character item_id, a UUID or scr_\u2026");
        } else {
            hint.setText("Enter opens the first choice; the arrow keys pick another.");
        }
    }

    private void openSelected() {
        OmniboxDestination destination = results.getSelectionModel().getSelectedItem();
        if (destination == null && !results.getItems().isEmpty()) {
            destination = results.getItems().get(0);
        }
        if (destination != null) {
            close();
            navigator.open(destination);
        }
    }
}
