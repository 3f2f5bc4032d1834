package dev.tartan.ui.common.data;

import atlantafx.base.theme.Styles;
import com.fasterxml.jackson.databind.JsonNode;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Who owns each account, as the bank knows them: names, emails, phone numbers, addresses. */
public final class IdentityView extends ScrollPane {

    private final VBox content = new VBox(16);

    public IdentityView() {
        setId("identityView");
        setFitToWidth(true);
        content.setPadding(new Insets(12));
        setContent(content);
    }

    /** Shows the {@code accounts} array of an /identity/get-like reply (each with {@code owners}). */
    public void show(JsonNode accounts) {
        content.getChildren().clear();
        for (JsonNode account : accounts) {
            Label title = new Label(Accounts.title(account));
            title.getStyleClass().add(Styles.TITLE_4);
            VBox section = new VBox(6, title);
            int index = 0;
            for (JsonNode owner : account.path("owners")) {
                section.getChildren().add(owner(owner, ++index));
            }
            if (account.path("owners").isEmpty()) {
                Label none = new Label("The institution shared no owner for this account.");
                none.getStyleClass().add(Styles.TEXT_MUTED);
                section.getChildren().add(none);
            }
            content.getChildren().add(section);
        }
        if (content.getChildren().isEmpty()) {
            content.getChildren().add(new Label("No accounts."));
        }
    }

    private static GridPane owner(JsonNode owner, int index) {
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(4);
        grid.getStyleClass().add("identity-owner");
        int row = 0;
        row = add(grid, row, "Owner " + index, join(owner.path("names"), JsonNode::asText));
        row = add(grid, row, "Emails", join(owner.path("emails"), e -> e.path("data").asText() + primary(e)));
        row = add(grid, row, "Phones", join(owner.path("phone_numbers"), p -> p.path("data").asText()
                + (p.hasNonNull("type") ? " (" + p.path("type").asText() + ")" : "") + primary(p)));
        add(grid, row, "Addresses", join(owner.path("addresses"), a -> address(a.path("data")) + primary(a)));
        return grid;
    }

    private static String primary(JsonNode entry) {
        return entry.path("primary").asBoolean(false) ? "  \u2605 primary" : "";
    }

    private static String address(JsonNode data) {
        List<String> parts = new ArrayList<>();
        for (String field : List.of("street", "city", "region", "postal_code", "country")) {
            if (data.hasNonNull(field) && !data.path(field).asText().isBlank()) {
                parts.add(data.path(field).asText());
            }
        }
        return String.join(", ", parts);
    }

    private static String join(JsonNode array, Function<JsonNode, String> text) {
        List<String> lines = new ArrayList<>();
        array.forEach(item -> lines.add(text.apply(item)));
        return lines.isEmpty() ? "\u2014" : String.join("\n", lines);
    }

    private static int add(GridPane grid, int row, String name, String value) {
        Label key = new Label(name);
        key.getStyleClass().add(Styles.TEXT_MUTED);
        Label text = new Label(value);
        text.setWrapText(true);
        grid.addRow(row, key, text);
        return row + 1;
    }
}
