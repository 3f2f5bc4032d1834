package dev.tartan.ui.assets;

import dev.tartan.model.CallRecord;
import dev.tartan.model.Profile;
import dev.tartan.model.TokenEntry;
import dev.tartan.model.TokenKind;
import dev.tartan.model.WebhookUrl;
import dev.tartan.service.AssetReportService;
import dev.tartan.service.FailureDescriber;
import dev.tartan.ui.common.Choices;
import dev.tartan.ui.common.FormViewModel;
import dev.tartan.ui.common.PaneServices;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The "New asset report" form: the Items (several, from the token book), the days of history,
 * the applicant, the lender's id and the webhook; its action asks Plaid for the report and keeps its
 * token. Used on the FX thread.
 */
public final class NewReportFormViewModel extends FormViewModel<TokenEntry> {

    /** What Plaid's Sandbox and most lenders ask for: two months of history. */
    static final int DEFAULT_DAYS = 60;
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

    /** The applicant, as /asset_report/create's options.user takes them. */
    public record Applicant(StringProperty clientUserId, StringProperty firstName, StringProperty middleName, StringProperty lastName,
                            StringProperty email, StringProperty phoneNumber) {
        Applicant() {
            this(new SimpleStringProperty(""), new SimpleStringProperty(""), new SimpleStringProperty(""), new SimpleStringProperty(""),
                    new SimpleStringProperty(""), new SimpleStringProperty(""));
        }

        AssetReportService.Applicant value() {
            return new AssetReportService.Applicant(clientUserId.get(), firstName.get(), middleName.get(), lastName.get(), email.get(),
                    phoneNumber.get());
        }
    }

    private final PaneServices pane;
    private final AssetReportService reports;
    private final Profile profile;
    private final Consumer<TokenEntry> onCreated;
    private final Choices<TokenEntry> items;
    private final ObservableList<TokenEntry> chosen = FXCollections.observableArrayList();
    private final Map<String, BooleanProperty> ticks = new HashMap<>();
    private final IntegerProperty days = new SimpleIntegerProperty(DEFAULT_DAYS);
    private final Applicant applicant = new Applicant();
    private final StringProperty clientReportId = new SimpleStringProperty("");
    private final StringProperty webhook = new SimpleStringProperty("");

    NewReportFormViewModel(PaneServices pane, AssetReportService reports, Profile profile, Consumer<TokenEntry> onCreated) {
        super(FailureDescriber::describe);
        this.pane = pane;
        this.reports = reports;
        this.profile = profile;
        this.onCreated = onCreated;
        this.items = new Choices<>(() -> profile == null ? CompletableFuture.completedFuture(List.of())
                : pane.tokenBook().list(profile.name(), TokenKind.ACCESS));
        String inbox = reports.inboxUrl();
        if (inbox != null) {
            webhook.set(inbox);
        }
        problemIs(this::problemNow, chosen, days, webhook, applicant.phoneNumber(), applicant.email());
        items.load();
    }

    private String problemNow() {
        if (chosen.isEmpty()) {
            return "Tick the Items of the applicant's banks that go into the report (Items made with the assets product).";
        }
        if (days.get() < 0 || days.get() > AssetReportService.MAX_DAYS) {
            return "Days of history: from 0 to " + AssetReportService.MAX_DAYS + " (two years).";
        }
        String phone = applicant.phoneNumber().get().strip();
        if (!phone.isEmpty() && !E164.matcher(phone).matches()) {
            return "The phone number goes in E.164 form: + then the country code and number, such as +14155550123.";
        }
        String email = applicant.email().get().strip();
        if (!email.isEmpty() && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            return "That email address is not one.";
        }
        try {
            WebhookUrl.check(webhook.get());
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        return "";
    }

    /** The Items of the token book the report can be made of. */
    public Choices<TokenEntry> items() {
        return items;
    }

    /** Whether {@code item} goes into the report: ticking it adds it, in the order ticked. */
    public BooleanProperty chosenProperty(TokenEntry item) {
        return ticks.computeIfAbsent(item.value(), token -> {
            BooleanProperty tick = new SimpleBooleanProperty(chosen.stream().anyMatch(entry -> entry.value().equals(token)));
            tick.addListener((obs, was, now) -> {
                chosen.removeIf(entry -> entry.value().equals(token));
                if (now) {
                    chosen.add(item);
                }
            });
            return tick;
        });
    }

    /** The Items ticked, in the order they were. */
    public ObservableList<TokenEntry> chosen() {
        return FXCollections.unmodifiableObservableList(chosen);
    }

    public IntegerProperty daysProperty() {
        return days;
    }

    public Applicant applicant() {
        return applicant;
    }

    public StringProperty clientReportIdProperty() {
        return clientReportId;
    }

    /** Where Plaid sends the report's webhooks; Tartan's inbox when it has one. */
    public StringProperty webhookProperty() {
        return webhook;
    }

    /** Whether Tartan will hear of the report by webhook (else it asks Plaid with backoff until the report is ready). */
    public boolean webhookReachesTartan() {
        String inbox = reports.inboxUrl();
        return inbox != null && inbox.equals(webhook.get().strip());
    }

    @Override
    public void submit() {
        AssetReportService.NewReport spec = new AssetReportService.NewReport(List.copyOf(chosen), days.get(), applicant.value(),
                clientReportId.get(), webhook.get());
        Consumer<CallRecord> log = call -> { };
        submission().submit("Asking Plaid for the report\u2026", () -> pane.tasks().run("Create an asset report",
                () -> reports.create(profile, spec, log)), onCreated);
    }
}
