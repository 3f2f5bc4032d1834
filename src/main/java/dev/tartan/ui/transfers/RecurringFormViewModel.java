package dev.tartan.ui.transfers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tartan.model.CallRecord;
import dev.tartan.model.Profile;
import dev.tartan.service.FailureDescriber;
import dev.tartan.service.TokenBookService;
import dev.tartan.service.TransferCreationService;
import dev.tartan.ui.common.Choices;
import dev.tartan.ui.common.FormViewModel;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A recurring transfer (/transfer/recurring/create): the transfer's fields, and its schedule
 * (every so many weeks on a weekday, or months on a day), in Sandbox on a test clock. Plaid
 * authorizes it at once; a decline shows its rationale. One idempotency key per form.
 */
public final class RecurringFormViewModel extends FormViewModel<JsonNode> {

    private final TransferCreationService creation;
    private final Profile profile;
    private final Consumer<CallRecord> log;
    private final Consumer<JsonNode> onCreated;
    private final Supplier<Boolean> confirmed;
    private final TransferTerms terms;
    private final ObjectProperty<String> intervalUnit = new SimpleObjectProperty<>("week");
    private final ObjectProperty<Integer> intervalCount = new SimpleObjectProperty<>(1);
    private final ObjectProperty<Integer> executionDay = new SimpleObjectProperty<>(1);
    private final ObjectProperty<LocalDate> startDate = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> endDate = new SimpleObjectProperty<>();
    private final String key = UUID.randomUUID().toString();

    /**
     * @param confirmed asked just before sending (the Production guard): false stops it
     * @param onCreated told of Plaid's reply (the decision, and the recurring transfer when approved)
     */
    RecurringFormViewModel(TransferCreationService creation, TokenBookService tokenBook, Profile profile, Choices<String> testClocks,
                           LocalDate today, Consumer<CallRecord> log, Supplier<Boolean> confirmed, Consumer<JsonNode> onCreated) {
        super(FailureDescriber::describe);
        this.creation = creation;
        this.profile = profile;
        this.log = log;
        this.confirmed = confirmed;
        this.onCreated = onCreated;
        this.terms = new TransferTerms(creation, tokenBook, profile, testClocks, log);
        startDate.set(today);
        List<Observable> watched = new ArrayList<>(terms.fields());
        watched.addAll(List.of(intervalUnit, intervalCount, executionDay, startDate, endDate));
        problemIs(() -> {
            try {
                terms.checked();
                schedule().checked();
                return "";
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
        }, watched.toArray(Observable[]::new));
        terms.load();
    }

    private TransferCreationService.Schedule schedule() {
        return new TransferCreationService.Schedule(intervalUnit.get(), intervalCount.get() == null ? 0 : intervalCount.get(),
                executionDay.get() == null ? 0 : executionDay.get(), startDate.get(), endDate.get());
    }

    public TransferTerms terms() {
        return terms;
    }

    /** week or month. */
    public ObjectProperty<String> intervalUnitProperty() {
        return intervalUnit;
    }

    public ObjectProperty<Integer> intervalCountProperty() {
        return intervalCount;
    }

    /** 1 (Monday) to 5 (Friday) weekly; 1 to 28, or -1 (the last day) to -5, monthly. */
    public ObjectProperty<Integer> executionDayProperty() {
        return executionDay;
    }

    public ObjectProperty<LocalDate> startDateProperty() {
        return startDate;
    }

    public ObjectProperty<LocalDate> endDateProperty() {
        return endDate;
    }

    @Override
    public void submit() {
        submission().submit("Creating the recurring transfer\u2026", () -> {
            var proposal = terms.checked();
            var plan = schedule().checked();
            if (!confirmed.get()) {
                throw new IllegalArgumentException("Not sent: the recurring transfer was not confirmed.");
            }
            return creation.createRecurring(profile, proposal, plan, key, log);
        }, onCreated);
    }
}
