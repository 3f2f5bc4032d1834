package dev.tartan.ui.watchlist;

import atlantafx.base.theme.Styles;
import dev.tartan.model.ScreeningEvent;
import dev.tartan.ui.common.Fixes;
import dev.tartan.ui.common.Forms;
import dev.tartan.ui.common.data.DataPane;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/** The Timeline tab: every version, review and action recorded, oldest first, with who, when and why. */
final class TimelineTab {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm:ss", Locale.ENGLISH)
            .withZone(ZoneId.systemDefault());

    private final ScreeningViewModel model;
    private final Consumer<String> openLink;

    TimelineTab(ScreeningViewModel model, Consumer<String> openLink) {
        this.model = model;
        this.openLink = openLink;
    }

    Node build() {
        VBox events = new VBox(0);
        events.setId("timeline");
        events.setPadding(new Insets(10, 14, 14, 14));
        ScrollPane scroll = new ScrollPane(events);
        scroll.setFitToWidth(true);
        DataPane pane = new DataPane(scroll, Fixes.retry(model::loadTimeline), openLink);
        pane.setId("timelinePane");
        pane.bind(model.timelineProperty(), list -> show(events, list));
        return pane;
    }

    private static void show(VBox box, List<ScreeningEvent> events) {
        box.getChildren().clear();
        for (ScreeningEvent event : events) {
            box.getChildren().add(entry(event));
        }
    }

    private static Node entry(ScreeningEvent event) {
        FontIcon icon = new FontIcon(icon(event.kind()));
        icon.getStyleClass().add("timeline-icon");
        Label title = new Label(event.title());
        title.getStyleClass().add(Styles.TEXT_BOLD);
        title.setWrapText(true);
        title.getStyleClass().add("timeline-title");
        Label meta = new Label((event.at() == null ? "" : WHEN.format(event.at()) + " \u00b7 ") + event.who());
        meta.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        VBox text = new VBox(2, title, meta);
        if (event.detail() != null && !event.detail().isBlank()) {
            text.getChildren().add(Forms.paragraph(event.detail(), Styles.TEXT_SMALL));
        }
        if (event.comment() != null && !event.comment().isBlank()) {
            Label comment = Forms.paragraph("\u201c" + event.comment() + "\u201d", null);
            comment.getStyleClass().add("timeline-comment");
            text.getChildren().add(comment);
        }
        if (event.requestId() != null) {
            Label request = new Label("request_id " + event.requestId());
            request.getStyleClass().addAll("mono", Styles.TEXT_SMALL, Styles.TEXT_MUTED);
            text.getChildren().add(request);
        }
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox row = new HBox(10, icon, text);
        row.setAlignment(Pos.TOP_LEFT);
        row.getStyleClass().addAll("timeline-entry", "timeline-" + event.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        return row;
    }

    private static Ikon icon(ScreeningEvent.Kind kind) {
        return switch (kind) {
            case CREATED -> Material2OutlinedAL.ADD_CIRCLE_OUTLINE;
            case SEARCH_TERMS -> Material2OutlinedAL.EDIT;
            case STATUS -> Material2MZ.SWAP_HORIZ;
            case ASSIGNEE -> Material2MZ.PERSON_OUTLINE;
            case PROGRAM -> Material2AL.FOLDER_OPEN;
            case CLIENT_USER_ID -> Material2AL.ACCOUNT_BOX;
            case REVIEW -> Material2MZ.RATE_REVIEW;
            case RECORDED -> Material2OutlinedMZ.VERIFIED_USER;
        };
    }
}
