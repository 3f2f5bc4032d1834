package dev.tartan.ui.common;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.function.Consumer;

/**
 * What failed in a pane's list itself (listing, adding a pasted token), shown in place of the open
 * subject until dismissed, with its "Try again".
 */
public final class PaneFailureView extends ScrollPane {

    /** @param prefix the ids' prefix ("items" gives itemsFailure, itemsFailureWhat, itemsFailureDismiss) */
    public PaneFailureView(TokenListViewModel model, String prefix, Consumer<String> openLink) {
        this(model.failureProperty(), model::dismissFailure, prefix, openLink);
    }

    /**
     * For a pane whose list is not a token list: its own failure, and how to dismiss it.
     *
     * @param prefix the ids' prefix ("items" gives itemsFailure, itemsFailureWhat, itemsFailureDismiss)
     */
    public PaneFailureView(ReadOnlyObjectProperty<TokenListViewModel.PaneFailure> failure, Runnable dismissFailure, String prefix,
                           Consumer<String> openLink) {
        Label what = new Label();
        what.setId(prefix + "FailureWhat");
        what.getStyleClass().add(Styles.TITLE_3);
        what.setWrapText(true);
        Button dismiss = new Button("Dismiss");
        dismiss.setId(prefix + "FailureDismiss");
        dismiss.setOnAction(e -> dismissFailure.run());
        dismiss.setMinWidth(Region.USE_PREF_SIZE);
        HBox heading = new HBox(12, what, new Spacer(), dismiss);
        heading.setAlignment(Pos.CENTER_LEFT);
        FailureView report = new FailureView(Fixes.retry(() -> {
            TokenListViewModel.PaneFailure shown = failure.get();
            if (shown != null) {
                shown.retry().run();
            }
        }), openLink);
        report.getStyleClass().add("inline-failure");
        failure.addListener((obs, old, now) -> {
            what.setText(now == null ? "" : now.what());
            report.show(now == null ? null : now.report());
        });
        VBox box = new VBox(10, heading, report);
        box.setId(prefix + "Failure");
        box.setPadding(new Insets(14));
        setContent(box);
        setFitToWidth(true);
        visibleProperty().bind(failure.isNotNull());
    }
}
