package dev.tartan.ui.watchlist;

import dev.tartan.model.Screening;
import dev.tartan.model.ScreeningKind;
import dev.tartan.model.ScreeningTerms;
import dev.tartan.model.ScreeningTermsCheck;
import dev.tartan.model.WatchlistProgram;
import dev.tartan.service.FailureDescriber;
import dev.tartan.ui.common.FormViewModel;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The form of a screening's search terms: a new screening of a person or an organisation (with the
 * program that screens it and the client's own id for the customer), or the open screening's terms
 * edited, which screens the customer again. Each field is checked as it is typed, as Plaid will check
 * it (dates, ISO countries, document numbers, E.164 phone numbers, websites). Used on the FX thread.
 */
public final class ScreeningFormViewModel extends FormViewModel<Screening> {

    /** Sends the terms (and, for a new screening, the client_user_id). */
    @FunctionalInterface
    interface Sender {
        CompletableFuture<Screening> send(ScreeningKind kind, ScreeningTerms terms, String clientUserId);
    }

    private final Screening editing;
    private final Sender sender;
    private final Consumer<Screening> onDone;
    private final QueueViewModel queue;

    private final ObjectProperty<ScreeningKind> kind = new SimpleObjectProperty<>(ScreeningKind.INDIVIDUAL);
    private final ObjectProperty<WatchlistProgram> program = new SimpleObjectProperty<>();
    private final ObservableList<WatchlistProgram> programChoices = FXCollections.observableArrayList();
    private final StringProperty legalName = new SimpleStringProperty("");
    private final StringProperty dateOfBirth = new SimpleStringProperty("");
    private final StringProperty documentNumber = new SimpleStringProperty("");
    private final StringProperty country = new SimpleStringProperty("");
    private final StringProperty emailAddress = new SimpleStringProperty("");
    private final StringProperty phoneNumber = new SimpleStringProperty("");
    private final StringProperty url = new SimpleStringProperty("");
    private final StringProperty clientUserId = new SimpleStringProperty("");
    private final LocalDate today;

    private ScreeningFormViewModel(QueueViewModel queue, Screening editing, ScreeningKind startKind, Sender sender,
                                   Consumer<Screening> onDone, LocalDate today) {
        super(FailureDescriber::describe);
        this.queue = queue;
        this.editing = editing;
        this.sender = sender;
        this.onDone = onDone;
        this.today = today;
        kind.addListener((obs, old, now) -> offerPrograms());
        kind.set(startKind);
        offerPrograms();
        if (editing != null) {
            ScreeningTerms terms = editing.terms();
            program.set(queue.programOf(terms.programId()).orElse(null));
            legalName.set(text(terms.legalName()));
            dateOfBirth.set(terms.dateOfBirth() == null ? "" : terms.dateOfBirth().toString());
            documentNumber.set(text(terms.documentNumber()));
            country.set(text(terms.country()));
            emailAddress.set(text(terms.emailAddress()));
            phoneNumber.set(text(terms.phoneNumber()));
            url.set(text(terms.url()));
            clientUserId.set(text(editing.clientUserId()));
        }
        problemIs(this::problemNow, kind, program, legalName, dateOfBirth, documentNumber, country, emailAddress, phoneNumber, url);
    }

    /** A new screening, of a {@code kind} to start with. */
    static ScreeningFormViewModel create(QueueViewModel queue, ScreeningKind kind, Sender send, Consumer<Screening> onCreated) {
        return new ScreeningFormViewModel(queue, null, kind, send, onCreated, LocalDate.now());
    }

    /** The open screening's terms, to edit: sending them screens the customer again. */
    static ScreeningFormViewModel edit(Screening screening, QueueViewModel queue, Function<ScreeningTerms, CompletableFuture<Screening>> send,
                                       Consumer<Screening> onEdited) {
        return new ScreeningFormViewModel(queue, screening, screening.kind(), (k, terms, clientUserId) -> send.apply(terms), onEdited,
                LocalDate.now());
    }

    private void offerPrograms() {
        WatchlistProgram chosen = program.get();
        programChoices.setAll(queue.programs().stream().filter(each -> each.kind() == kind.get() && !each.archived()).toList());
        if (chosen == null || chosen.kind() != kind.get()) {
            program.set(programChoices.isEmpty() ? null : programChoices.get(0));
        }
    }

    private String problemNow() {
        String problem = ScreeningTermsCheck.problem(kind.get(), program.get() == null ? null : program.get().id(), legalName.get(),
                dateOfBirth.get(), documentNumber.get(), upper(country), emailAddress.get(), phoneNumber.get(), url.get(), today);
        if (!problem.isEmpty() || editing == null) {
            return problem;
        }
        return terms().sameSearch(editing.terms()) ? "Change a search term to screen the customer again." : "";
    }

    /** The terms as typed: trimmed, empty fields left out. */
    public ScreeningTerms terms() {
        String programId = program.get() == null ? null : program.get().id();
        LocalDate born = null;
        if (kind.get() == ScreeningKind.INDIVIDUAL && !dateOfBirth.get().isBlank()) {
            try {
                born = LocalDate.parse(dateOfBirth.get().strip());
            } catch (java.time.format.DateTimeParseException e) {
                born = null; // the problem line says so
            }
        }
        int version = editing == null ? 1 : editing.terms().version();
        return kind.get() == ScreeningKind.INDIVIDUAL
                ? new ScreeningTerms(programId, orNull(legalName), born, orNull(documentNumber), upper(country), null, null, null, version)
                : new ScreeningTerms(programId, orNull(legalName), null, orNull(documentNumber), upper(country), orNull(emailAddress),
                orNull(phoneNumber), orNull(url), version);
    }

    /** Whether this edits a screening's terms (else it makes a new screening). */
    public boolean isEdit() {
        return editing != null;
    }

    public ObjectProperty<ScreeningKind> kindProperty() {
        return kind;
    }

    public ObjectProperty<WatchlistProgram> programProperty() {
        return program;
    }

    /** The programs of the kind chosen that take new screenings. */
    public ObservableList<WatchlistProgram> programChoices() {
        return programChoices;
    }

    public StringProperty legalNameProperty() {
        return legalName;
    }

    /** Year-month-day, as typed. */
    public StringProperty dateOfBirthProperty() {
        return dateOfBirth;
    }

    public StringProperty documentNumberProperty() {
        return documentNumber;
    }

    /** A two-letter ISO country code. */
    public StringProperty countryProperty() {
        return country;
    }

    public StringProperty emailAddressProperty() {
        return emailAddress;
    }

    public StringProperty phoneNumberProperty() {
        return phoneNumber;
    }

    public StringProperty urlProperty() {
        return url;
    }

    /** The client's own id for the customer (new screenings only). */
    public StringProperty clientUserIdProperty() {
        return clientUserId;
    }

    @Override
    public void submit() {
        ScreeningTerms terms = terms();
        submission().submit(editing == null ? "Screening " + terms.legalName() : "Screening " + terms.legalName() + " again",
                () -> sender.send(kind.get(), terms, orNull(clientUserId)), onDone);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String orNull(StringProperty value) {
        String text = value.get();
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String upper(StringProperty value) {
        String text = orNull(value);
        return text == null ? null : text.toUpperCase(java.util.Locale.ROOT);
    }
}
