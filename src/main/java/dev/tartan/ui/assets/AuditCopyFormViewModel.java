package dev.tartan.ui.assets;

import dev.tartan.model.TokenEntry;
import dev.tartan.service.AssetReportService;
import dev.tartan.service.FailureDescriber;
import dev.tartan.ui.common.FormViewModel;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;

/** The "New audit copy" form: the auditor (Fannie Mae, Freddie Mac, ...) the copy is for. Used on the FX thread. */
public final class AuditCopyFormViewModel extends FormViewModel<TokenEntry> {

    private final StringProperty auditor = new SimpleStringProperty(AssetReportService.KNOWN_AUDITORS.get(0));
    private final Function<String, CompletableFuture<TokenEntry>> create;
    private final Consumer<TokenEntry> onMade;

    AuditCopyFormViewModel(Function<String, CompletableFuture<TokenEntry>> create, Consumer<TokenEntry> onMade) {
        super(FailureDescriber::describe);
        this.create = create;
        this.onMade = onMade;
        problemIs(() -> auditor.get() == null || auditor.get().isBlank() ? "Name the auditor (its auditor_id, such as fannie_mae)." : "",
                auditor);
    }

    /** The auditor_id the copy is for. */
    public StringProperty auditorProperty() {
        return auditor;
    }

    /** The auditors Plaid names; another may be typed. */
    public List<String> knownAuditors() {
        return AssetReportService.KNOWN_AUDITORS;
    }

    @Override
    public void submit() {
        String chosen = auditor.get().strip();
        submission().submit("Asking Plaid for an audit copy\u2026", () -> create.apply(chosen), onMade);
    }
}
