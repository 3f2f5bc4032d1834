package dev.tartan.ui.common;

import atlantafx.base.theme.Styles;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.stage.Window;

/**
 * The one shape of every "are you sure?" in Tartan: a question whose default answer, the one Enter
 * gives, is Cancel, and whose go-ahead button says what it does (red when it cannot be undone).
 */
public final class Confirmation {

    private final Alert alert;
    private final ButtonType go;

    /**
     * @param id        the dialog pane's id (tests and styles find it by that)
     * @param goLabel   what the go-ahead button says: "Remove", "Send anyway", ...
     * @param dangerous whether the go-ahead cannot be undone (a red button)
     */
    public Confirmation(Window owner, String id, String title, String header, Node content, String goLabel, boolean dangerous) {
        go = new ButtonType(goLabel, ButtonBar.ButtonData.OK_DONE);
        alert = new Alert(dangerous ? Alert.AlertType.WARNING : Alert.AlertType.CONFIRMATION, null, go, ButtonType.CANCEL);
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(header);
        alert.getDialogPane().setContent(content);
        alert.getDialogPane().setId(id);
        if (dangerous) {
            goButton().getStyleClass().add(Styles.DANGER);
        }
        ((Button) alert.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        goButton().setDefaultButton(false);
    }

    /** A confirmation whose content is a paragraph of text. */
    public Confirmation(Window owner, String id, String title, String header, String text, String goLabel, boolean dangerous) {
        this(owner, id, title, header, paragraph(text), goLabel, dangerous);
    }

    /** The go-ahead button, e.g. to keep it disabled until something is typed. */
    public Button goButton() {
        return (Button) alert.getDialogPane().lookupButton(go);
    }

    /** Shows the question and waits: true only for the go-ahead. */
    public boolean ask() {
        return alert.showAndWait().filter(go::equals).isPresent();
    }

    private static Label paragraph(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMaxWidth(520);
        return label;
    }
}
