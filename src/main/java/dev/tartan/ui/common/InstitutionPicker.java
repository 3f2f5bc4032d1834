package dev.tartan.ui.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.tartan.ui.common.data.Outcome;
import javafx.scene.control.ComboBox;
import javafx.util.StringConverter;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Picks an institution of the environment by name (with its id beside it), or takes a typed
 * institution_id, for the dialogs that make sandbox Items and tokens.
 */
public final class InstitutionPicker extends ComboBox<JsonNode> {

    private static final Pattern INSTITUTION_ID = Pattern.compile("ins_[A-Za-z0-9]+");

    /** A picker of {@code choice}'s institutions, following its choice both ways. */
    public InstitutionPicker(InstitutionChoice choice) {
        setId("sandboxInstitution");
        setPromptText("Loading institutions\u2026");
        setMaxWidth(Double.MAX_VALUE);
        setVisibleRowCount(12);
        // Editable: an institution beyond the first page of the list can be given by its id.
        setEditable(true);
        setConverter(new StringConverter<>() {
            @Override
            public String toString(JsonNode node) {
                if (node == null) {
                    return "";
                }
                String name = node.path("name").asText("");
                String id = node.path("institution_id").asText();
                return name.isEmpty() ? id : name + "  (" + id + ")";
            }

            @Override
            public JsonNode fromString(String text) {
                return chosen(text);
            }
        });
        offer(choice.institutions());
        valueProperty().bindBidirectional(choice.chosenProperty());
    }

    /** The listed institution the text names (its entry, its id or its name), a typed id, or null. */
    private JsonNode chosen(String text) {
        String typed = text == null ? "" : text.strip();
        if (typed.isEmpty()) {
            return null;
        }
        for (JsonNode node : getItems()) {
            if (typed.equals(getConverter().toString(node)) || typed.equals(node.path("institution_id").asText())
                    || typed.equalsIgnoreCase(node.path("name").asText())) {
                return node;
            }
        }
        return INSTITUTION_ID.matcher(typed).matches()
                ? JsonNodeFactory.instance.objectNode().put("institution_id", typed) : null;
    }

    /** Offers {@code institutions}; the prompt says when they are loading or could not be loaded. */
    private void offer(Choices<JsonNode> institutions) {
        setItems(institutions.items());
        institutions.stateProperty().addListener((obs, old, state) -> follow(state));
        follow(institutions.stateProperty().get());
    }

    private void follow(Outcome<List<JsonNode>> state) {
        switch (state.phase()) {
            case LOADING, EMPTY -> setPromptText("Loading institutions\u2026");
            case FAILED -> setPromptText("Could not load the institutions");
            case DATA -> setPromptText(getItems().isEmpty() ? "This environment lists no institutions" : "Choose an institution");
        }
    }
}
