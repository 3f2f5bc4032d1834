package dev.tartan.ui.watchlist;

import dev.tartan.model.Screening;
import dev.tartan.model.ScreeningStatus;
import dev.tartan.service.FailureDescriber;
import dev.tartan.ui.common.FormViewModel;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * The form that sets a screening's status by hand (a cleared customer back to review, say), with
 * the reason, which Tartan's audit log keeps. Used on the FX thread.
 */
public final class StatusFormViewModel extends FormViewModel<Screening> {

    private final Screening screening;
    private final BiFunction<ScreeningStatus, String, CompletableFuture<Screening>> send;
    private final Consumer<Screening> onChanged;
    private final ObjectProperty<ScreeningStatus> status = new SimpleObjectProperty<>();
    private final StringProperty reason = new SimpleStringProperty("");

    StatusFormViewModel(Screening screening, BiFunction<ScreeningStatus, String, CompletableFuture<Screening>> send,
                        Consumer<Screening> onChanged) {
        super(FailureDescriber::describe);
        this.screening = screening;
        this.send = send;
        this.onChanged = onChanged;
        status.set(choices().get(0));
        problemIs(() -> status.get() == null ? "Choose the new status."
                : status.get() == screening.status() ? "The screening is " + screening.status().displayName() + " already."
                : reason.get().isBlank() ? "Say why: the reason is kept in the audit log." : "", status, reason);
    }

    /** The statuses it can move to. */
    public List<ScreeningStatus> choices() {
        return List.of(ScreeningStatus.values()).stream().filter(each -> each != screening.status()).toList();
    }

    public ObjectProperty<ScreeningStatus> statusProperty() {
        return status;
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    public Screening screening() {
        return screening;
    }

    @Override
    public void submit() {
        submission().submit("Changing the status", () -> send.apply(status.get(), reason.get()), onChanged);
    }
}
