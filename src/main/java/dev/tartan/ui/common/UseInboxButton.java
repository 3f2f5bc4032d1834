package dev.tartan.ui.common;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.scene.control.Button;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

import java.util.function.Consumer;

/**
 * "Use Tartan's inbox": the small button beside a webhook URL field that fills in the URL of
 * Tartan's own webhook receiver, so the webhooks the call causes show in the Webhooks pane,
 * verified. Disabled, with the reason, while the inbox does not listen.
 */
public final class UseInboxButton {

    /** The id of every such button, for tests. */
    public static final String ID = "useInbox";

    private UseInboxButton() {
    }

    /** A button that sets {@code field} (a form's webhook property) to the inbox's URL. */
    public static Button filling(StringProperty field, InboxUrl inbox) {
        return button(inbox, field::set);
    }

    /** A button that sets the text of {@code field} to the inbox's URL. */
    public static Button filling(TextInputControl field, InboxUrl inbox) {
        return button(inbox, field::setText);
    }

    /** {@code field} with the button after it, the field taking the width. */
    public static HBox beside(TextInputControl field, InboxUrl inbox) {
        Button use = filling(field, inbox);
        HBox row = new HBox(6, field, use);
        HBox.setHgrow(field, Priority.ALWAYS);
        row.setFillHeight(true);
        return row;
    }

    private static Button button(InboxUrl inbox, Consumer<String> fill) {
        Button use = new Button("Use Tartan's inbox", new FontIcon(Material2AL.INBOX));
        use.setId(ID);
        use.getStyleClass().add(Styles.SMALL);
        use.setMinWidth(Region.USE_PREF_SIZE);
        use.setMnemonicParsing(false);
        use.disableProperty().bind(inbox.urlProperty().isNull());
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(Bindings.createStringBinding(() -> inbox.url() != null
                        ? "Fill in " + inbox.url() + ": the webhooks show in the Webhooks pane, verified"
                        : inbox.problemProperty().get(), inbox.urlProperty(), inbox.problemProperty()));
        use.setTooltip(tip);
        use.setOnAction(e -> {
            if (inbox.url() != null) {
                fill.accept(inbox.url());
            }
        });
        return use;
    }
}
