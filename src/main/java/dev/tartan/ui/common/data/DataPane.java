package dev.tartan.ui.common.data;

import atlantafx.base.theme.Styles;
import dev.tartan.model.FailureReport;
import dev.tartan.ui.common.FailureView;
import dev.tartan.ui.common.Fixes;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * One tab's data with its states: loading, the data (with how old it is, and whether a refresh is
 * under way), empty, or its own failure, so one tab failing never breaks the others.
 */
public final class DataPane extends BorderPane {

    private final Node content;
    private final StackPane center = new StackPane();
    private final Label age = new Label();
    private final ProgressIndicator refreshing = new ProgressIndicator();
    private final FailureView failure;
    private boolean hasData;

    /**
     * @param content    the view of the data, shown once there is some
     * @param fixes      the fixes a failure may offer
     * @param onOpenLink opens a documentation link
     */
    public DataPane(Node content, Fixes fixes, Consumer<String> onOpenLink) {
        this.content = content;
        this.failure = new FailureView(fixes, onOpenLink);
        getStyleClass().add("data-pane");
        age.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        age.setId("dataAge");
        refreshing.setMaxSize(14, 14);
        refreshing.setVisible(false);
        HBox strip = new HBox(6, refreshing, age);
        strip.setAlignment(Pos.CENTER_LEFT);
        strip.setPadding(new Insets(2, 8, 4, 8));
        setTop(strip);
        setCenter(center);
        loading("Loading\u2026");
    }

    /** A call for this tab is under way. Data already shown stays, marked as refreshing. */
    public void loading(String message) {
        refreshing.setVisible(true);
        if (hasData) {
            return;
        }
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setMaxSize(36, 36);
        VBox box = new VBox(8, spinner, new Label(message));
        box.setAlignment(Pos.CENTER);
        center.getChildren().setAll(box);
        age.setText("");
    }

    /** The data is in {@code content}; {@code fetchedAt} says how fresh, {@code stillRefreshing} whether newer data is coming. */
    public void showData(Instant fetchedAt, boolean stillRefreshing) {
        hasData = true;
        refreshing.setVisible(stillRefreshing);
        center.getChildren().setAll(content);
        age.setText(describeAge(fetchedAt, Instant.now()) + (stillRefreshing ? " \u00b7 refreshing\u2026" : ""));
    }

    /** Nothing to show, and why ("This Item has no investment accounts."). */
    public void showEmpty(String message) {
        hasData = false;
        refreshing.setVisible(false);
        Label label = new Label(message);
        label.getStyleClass().add(Styles.TEXT_MUTED);
        label.setWrapText(true);
        center.getChildren().setAll(label);
        age.setText("");
    }

    /** The tab's call failed; data already shown stays visible above the failure only if it is marked stale. */
    public void showFailure(FailureReport report) {
        refreshing.setVisible(false);
        failure.show(report);
        ScrollPane scroll = new ScrollPane(failure);
        scroll.setFitToWidth(true);
        center.getChildren().setAll(scroll);
        hasData = false;
        age.setText("");
    }

    /**
     * Follows a piece's state: data goes to {@code render} (which fills the content view) before
     * the content is shown; the other states show themselves.
     */
    public <T> void bind(ObservableValue<Outcome<T>> state, Consumer<T> render) {
        ChangeListener<Outcome<T>> follow = (obs, old, now) -> {
            if (now == null) {
                return;
            }
            switch (now.phase()) {
                case LOADING -> loading(now.message());
                case DATA -> {
                    render.accept(now.data());
                    showData(now.fetchedAt(), now.refreshing());
                }
                case EMPTY -> showEmpty(now.message());
                case FAILED -> showFailure(now.failure());
            }
        };
        state.addListener(follow);
        follow.changed(state, null, state.getValue());
    }

    /** "just now", "fetched 3 min ago", "cached 2 h ago". */
    public static String describeAge(Instant fetchedAt, Instant now) {
        if (fetchedAt == null) {
            return "";
        }
        long seconds = Math.max(0, Duration.between(fetchedAt, now).getSeconds());
        if (seconds < 60) {
            return "Updated just now";
        }
        if (seconds < 3600) {
            return "Updated " + seconds / 60 + " min ago";
        }
        if (seconds < 86_400) {
            return "Updated " + seconds / 3600 + " h ago";
        }
        return "Updated " + seconds / 86_400 + " d ago";
    }
}
