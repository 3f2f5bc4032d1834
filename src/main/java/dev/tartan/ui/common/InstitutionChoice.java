package dev.tartan.ui.common;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tartan.concurrent.Futures;
import dev.tartan.model.Profile;
import dev.tartan.service.InstitutionService;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.util.ArrayList;
import java.util.List;

/**
 * A form's institution: picked from the first page of the profile's environment (starting on
 * Plaid's usual sandbox bank), or typed by its institution_id. Used on the FX thread.
 */
public final class InstitutionChoice {

    private static final int LISTED = 50;

    private final Choices<JsonNode> institutions;
    private final ObjectProperty<JsonNode> chosen = new SimpleObjectProperty<>();

    /** Starts loading the profile's institutions. */
    public InstitutionChoice(InstitutionService service, Profile profile) {
        this.institutions = new Choices<>(() -> Futures.map(service.list(profile, LISTED), array -> {
            List<JsonNode> list = new ArrayList<>();
            array.forEach(list::add);
            return list;
        }), list -> list.stream()
                .filter(institution -> institution.path("institution_id").asText().equals(InstitutionService.USUAL_SANDBOX_INSTITUTION))
                .findFirst()
                .orElse(list.isEmpty() ? null : list.get(0)));
        institutions.stateProperty().addListener((obs, old, state) -> {
            if (state.hasData() && chosen.get() == null) {
                chosen.set(institutions.suggested());
            }
        });
        institutions.load();
    }

    /** What the picker offers. */
    public Choices<JsonNode> institutions() {
        return institutions;
    }

    /** The institution picked (or typed), or null. */
    public ObjectProperty<JsonNode> chosenProperty() {
        return chosen;
    }

    /** The picked institution's id, or null. */
    public String institutionId() {
        return chosen.get() == null ? null : chosen.get().path("institution_id").asText();
    }
}
