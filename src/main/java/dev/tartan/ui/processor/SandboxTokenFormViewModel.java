package dev.tartan.ui.processor;

import dev.tartan.model.TokenEntry;
import dev.tartan.ui.common.InstitutionChoice;
import dev.tartan.ui.common.TokenFormViewModel;

import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * Sandbox only: the form that makes a new Item at an institution and a processor token for its
 * first checking or savings account (/sandbox/processor_token/create). Used on the FX thread.
 */
public final class SandboxTokenFormViewModel extends TokenFormViewModel {

    private final InstitutionChoice institution;
    private final BiFunction<String, String, CompletableFuture<TokenEntry>> create;
    private final Consumer<TokenEntry> onCreated;

    /**
     * @param create    makes the token for an institution_id and a label (or null)
     * @param onCreated told of the new token
     */
    SandboxTokenFormViewModel(InstitutionChoice institution, BiFunction<String, String, CompletableFuture<TokenEntry>> create,
                              Consumer<TokenEntry> onCreated) {
        super(ProcessorFailures::describe);
        this.institution = institution;
        this.create = create;
        this.onCreated = onCreated;
        problemIs(() -> institution.institutionId() == null ? "Choose an institution." : "",
                institution.chosenProperty());
    }

    /** Where the Item and its token are made. */
    public InstitutionChoice institution() {
        return institution;
    }



    @Override
    public void submit() {
        String name = labelOrNull();
        submission().submit("Creating the Item and its processor token\u2026", () -> create.apply(institution.institutionId(), name),
                onCreated);
    }
}
