package dev.tartan.ui.common;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tartan.model.FailureReport;
import dev.tartan.service.FailureDescriber;
import dev.tartan.service.InstitutionService;
import javafx.scene.control.ComboBox;
import javafx.util.StringConverter;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Picks an institution of the environment by name (with its id beside it), for the dialogs that
 * make sandbox Items and tokens. Starts on the institution Plaid's sandbox examples use.
 */
public final class InstitutionPicker extends ComboBox<JsonNode> {

    public InstitutionPicker() {
        setId("sandboxInstitution");
        setPromptText("Loading institutions\u2026");
        setMaxWidth(Double.MAX_VALUE);
        setVisibleRowCount(12);
        setConverter(new StringConverter<>() {
            @Override
            public String toString(JsonNode node) {
                return node == null ? "" : node.path("name").asText() + "  (" + node.path("institution_id").asText() + ")";
            }

            @Override
            public JsonNode fromString(String text) {
                return null;
            }
        });
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
