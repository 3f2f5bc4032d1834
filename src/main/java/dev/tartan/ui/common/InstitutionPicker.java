package dev.tartan.ui.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.tartan.model.FailureReport;
import dev.tartan.service.FailureDescriber;
import dev.tartan.service.InstitutionService;
import javafx.scene.control.ComboBox;
import javafx.util.StringConverter;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Picks an institution of the environment by name (with its id beside it), or takes a typed
 * institution_id, for the dialogs that make sandbox Items and tokens. Starts on the institution
 * Plaid's sandbox examples use.
 */
public final class InstitutionPicker extends ComboBox<JsonNode> {

    private static final Pattern INSTITUTION_ID = Pattern.compile("ins_[A-Za-z0-9]+");

    public InstitutionPicker() {
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

    /** Fills the list from an /institutions/get reply's array; {@code onFailure} hears why it could not. */
    public void load(CompletableFuture<JsonNode> institutions, Consumer<FailureReport> onFailure) {
        FxAsync.whenDone(institutions, list -> {
            List<JsonNode> all = new ArrayList<>();
            list.forEach(all::add);
            getItems().setAll(all);
            setPromptText(all.isEmpty() ? "This environment lists no institutions" : "Choose an institution");
            all.stream().filter(i -> i.path("institution_id").asText().equals(InstitutionService.USUAL_SANDBOX_INSTITUTION)).findFirst()
                    .or(() -> all.stream().findFirst()).ifPresent(this::setValue);
        }, error -> {
            setPromptText("Could not load the institutions");
            onFailure.accept(FailureDescriber.describe(error));
        });
    }

    /** The chosen institution's id, or null. */
    public String institutionId() {
        return getValue() == null ? null : getValue().path("institution_id").asText();
    }
}
