package dev.tartan.ui.watchlist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.api.PlaidClient;
import dev.tartan.api.PlaidJson;
import dev.tartan.api.PlaidRequest;
import dev.tartan.emulator.EmulatorConfig;
import dev.tartan.emulator.PlaidEmulator;
import dev.tartan.model.AuditEntry;
import dev.tartan.model.Credentials;
import dev.tartan.model.DashboardUser;
import dev.tartan.model.PlaidEnvironment;
import dev.tartan.model.Profile;
import dev.tartan.model.Screening;
import dev.tartan.model.ScreeningHit;
import dev.tartan.store.Vault;
import dev.tartan.testing.WebhookReceiver;
import dev.tartan.ui.TartanAppFixture;
import dev.tartan.ui.TestVaults;
import dev.tartan.ui.shell.Theme;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Watchlist pane against an emulator on loopback, driven the way a compliance reviewer drives it:
 * screening customers, reviewing from the keyboard, assigning, rescreening, reading the timeline,
 * exporting the queue; a refused review and a Production review.
 */
class WatchlistPaneTest {

    private static final String CARDHOLDERS = "prg_2eRPsDnL66rZ7H";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path home;
    PlaidEmulator emulator;
    PlaidClient client;
    WebhookReceiver receiver;
    TartanAppFixture app;

    @BeforeEach
    void start() throws Exception {
        emulator = PlaidEmulator.start(EmulatorConfig.inMemory());
        client = PlaidClient.builder().baseUrl(emulator.baseUrl()).credentials(new Credentials(emulator.clientId(), emulator.secret()))
                .build();
        receiver = new WebhookReceiver();
        // Monitor's status webhooks go to the client's registered Dashboard webhook (in the emulator, Transfer's).
        call("/sandbox/transfer/fire_webhook", body().put("webhook", receiver.url()));
        receiver.await(text -> text.contains("TRANSFER_EVENTS_UPDATE"), WAIT);
        Credentials credentials = new Credentials(emulator.clientId(), emulator.secret());
        TestVaults.create(home, new Profile("Monitor", PlaidEnvironment.custom(emulator.baseUrl()), credentials),
                new Profile("Monitor (Production)", new PlaidEnvironment(PlaidEnvironment.Kind.CUSTOM, emulator.baseUrl(), true, false),
                        credentials));
        app = new TartanAppFixture(home).startUnlocked();
        app.waitFor("#mainWindow", 60);
        app.onFx(() -> Theme.apply(false));
    }

    @AfterEach
    void close() throws Exception {
        org.testfx.util.WaitForAsyncUtils.asyncFx(() -> Theme.apply(false)).get(20, TimeUnit.SECONDS);
        if (app != null) {
            app.close();
        }
        receiver.close();
        emulator.close();
    }

    private static ObjectNode body() {
        return PlaidJson.mapper().createObjectNode();
    }

    private JsonNode call(String path, ObjectNode body) throws Exception {
        return client.send(PlaidRequest.post(path, body.toString())).get(20, TimeUnit.SECONDS).json();
    }

    private String createByApi(String name, String program) throws Exception {
        ObjectNode create = body();
        create.putObject("search_terms").put("watchlist_program_id", program).put("legal_name", name);
        return call("/watchlist_screening/individual/create", create).path("id").asText();
    }

    private List<String> hitIds(String screeningId) throws Exception {
        JsonNode hits = call("/watchlist_screening/individual/hit/list", body().put("watchlist_screening_id", screeningId));
        return hits.path("watchlist_screening_hits").findValuesAsText("id").stream().filter(id -> id.startsWith("scrhit_")).toList();
    }

    private String statusOf(String screeningId) throws Exception {
        return call("/watchlist_screening/individual/get", body().put("watchlist_screening_id", screeningId)).path("status").asText();
    }

    private void usePane(String profile) {
        if (profile != null) {
            ComboBox<Profile> switcher = app.waitFor("#profileSwitcher", 20);
            app.waitUntil("the profiles", 20, () -> switcher.getItems().size() >= 2);
            app.onFx(() -> switcher.getSelectionModel().select(switcher.getItems().stream()
                    .filter(p -> p.name().equals(profile)).findFirst().orElseThrow()));
        }
        app.openPane("Watchlist");
        app.waitFor("#watchlistPane");
    }

    private String openScreeningId() {
        Label id = app.lookup("#screeningId").query();
        String text = id.getText();
        return text.substring(text.indexOf("scr_"));
    }

    private void key(KeyCode... keys) {
        app.press(keys).release(keys);
    }

    /** Creates a screening of a person through the New menu, as a reviewer types it. */
    private void screenAPerson(String name, String born, String country) {
        app.clickOn("#newScreening").clickOn("#newIndividualScreening");
        app.waitFor("#screeningDialog");
        app.typeInto("#screeningLegalName", name);
        app.typeInto("#screeningDateOfBirth", born);
        app.typeInto("#screeningCountry", country);
        Button go = app.lookup("#screeningDialogGo").query();
        app.waitUntil("the form accepted", 10, () -> !go.isDisabled());
        app.clickOn(go);
        Label title = app.waitFor("#screeningTitle", 20);
        app.waitUntil(name + " open", 20, () -> name.equals(title.getText()));
    }

    @Test
    void aReviewerScreensReviewsFromTheKeyboardAssignsRescreensAndExports() throws Exception {
        usePane(null);
        app.screenshot("watchlist-0-empty-queue");

        // The form checks what Plaid will: a date of birth in another shape is refused before sending.
        app.clickOn("#newScreening").clickOn("#newIndividualScreening");
        app.waitFor("#screeningDialog");
        app.typeInto("#screeningLegalName", "Joseph Kony");
        app.typeInto("#screeningDateOfBirth", "18/09/1964");
        Label problem = app.lookup("#screeningDialogProblem").query();
        app.waitUntil("the date refused", 10, () -> problem.getText().contains("year-month-day"));
        assertThat(app.lookup("#screeningDialogGo").queryAs(Button.class).isDisabled()).isTrue();
        app.screenshot("watchlist-1-new-screening-invalid");
        app.typeInto("#screeningDateOfBirth", "1964-09-18");
        app.typeInto("#screeningCountry", "cf");
        app.waitUntil("the form accepted", 10, () -> problem.getText().isEmpty());
        app.clickOn("#screeningDialogGo");
        Label title = app.waitFor("#screeningTitle", 20);
        app.waitUntil("Kony open", 20, () -> "Joseph Kony".equals(title.getText()));
        String kony = openScreeningId();
        Label status = app.lookup("#screeningStatus").query();
        assertThat(status.getText()).isEqualTo("Pending review");
        ListView<ScreeningHit> hits = app.waitFor("#hitList", 20);
        app.waitUntil("Kony's hits", 20, () -> !hits.getItems().isEmpty());
        // The hit beside the search terms: the docs' birth date and country match, and each name part is found.
        Label birth = app.waitFor("#match-dates_of_birth", 10);
        assertThat(birth.getText()).isEqualTo("Matches");
        assertThat(app.lookup("#match-locations").queryAs(Label.class).getText()).isEqualTo("Matches");
        assertThat(app.lookup("#match-names").queryAs(Label.class).getText()).startsWith("Matches: 2 of 2 name parts the same");
        assertThat(app.lookup("#match-documents").queryAs(Label.class).getText()).startsWith("Not given");
        assertThat(app.lookup("#hitSource").queryAs(Label.class).getText()).contains("\u00b7");

        // A clean customer is cleared at once.
        screenAPerson("Leslie Knope", "1975-01-18", "US");
        String knope = openScreeningId();
        app.waitUntil("Knope cleared", 10, () -> "Cleared".equals(app.lookup("#screeningStatus").queryAs(Label.class).getText()));
        app.waitUntil("no hits", 20, () -> app.lookup("#hitsPane").queryAs(Node.class).lookupAll(".label").stream()
                .anyMatch(n -> ((Label) n).getText().startsWith("No watchlist entry matches")));

        // Another sanctioned customer arrives through the API: the queue lists it after a reload.
        String second = createByApi("Joseph Kony", CARDHOLDERS);
        app.clickOn("#queueReload");
        ListView<Screening> queue = app.waitFor("#watchlistQueue");
        app.clickOn("#status-pending_review");
        app.waitUntil("two pending", 20, () -> queue.getItems().size() == 2);
        assertThat(queue.getItems()).extracting(Screening::id).containsExactly(kony, second); // oldest first
        app.waitUntil("the counts", 10, () -> app.lookup("#status-pending_review").queryAs(javafx.scene.control.ToggleButton.class)
                .getText().equals("Pending 2") && app.lookup("#status-cleared").queryAs(javafx.scene.control.ToggleButton.class)
                .getText().equals("Cleared 1"));
        app.onFx(() -> queue.getSelectionModel().select(0));
        app.waitUntil("Kony open again", 20, () -> kony.equals(openScreeningId()));
        app.waitUntil("Kony's hits again", 20, () -> !hits.getItems().isEmpty());
        app.screenshot("watchlist-2-queue-and-hits");

        // Keyboard review: J to the second hit and back, C confirms it, R opens the review, Ctrl+Enter submits.
        app.clickOn(hits);
        key(KeyCode.J);
        key(KeyCode.K);
        key(KeyCode.C);
        Label plan = app.lookup("#reviewPlan").query();
        app.waitUntil("the plan", 10, () -> plan.getText().startsWith("This review confirms 1 hit"));
        key(KeyCode.R);
        TextArea comment = reviewComment();
        Button submit = app.lookup("#reviewDialogGo").query();
        assertThat(submit.isDisabled()).as("a review needs its comment").isTrue();
        assertThat(app.lookup("#reviewSummary").queryAs(Label.class).getText()).contains("becomes Rejected");
        app.write("Same person: the SDN entry's birth date and country match.");
        app.screenshot("watchlist-3-review-dialog");
        app.onFx(() -> Theme.apply(true));
        app.screenshot("watchlist-3-review-dialog-dark");
        app.onFx(() -> Theme.apply(false));
        key(KeyCode.CONTROL, KeyCode.ENTER);
        backToMainWindow();

        // The next pending screening opens at once; Kony is rejected, and Plaid says so by webhook.
        app.waitUntil("the next pending screening", 20, () -> second.equals(openScreeningId()));
        receiver.await(text -> text.contains(kony) && text.contains("STATUS_UPDATED"), WAIT);
        assertThat(statusOf(kony)).isEqualTo("rejected");
        app.waitUntil("Kony's row rejected", 20, () -> app.lookup("#status-rejected").queryAs(javafx.scene.control.ToggleButton.class)
                .getText().equals("Rejected 1"));

        // On the other screening: dismiss every hit (Shift+D), comment, submit: cleared.
        app.waitUntil("its hits", 20, () -> !hits.getItems().isEmpty() && hits.getItems().stream().allMatch(ScreeningHit::isPending));
        app.clickOn(hits);
        key(KeyCode.SHIFT, KeyCode.D);
        app.waitUntil("all dismissed", 10, () -> plan.getText().contains("becomes Cleared"));
        key(KeyCode.R);
        reviewComment();
        app.write("A namesake: no birth date or country given, and the entries are a warlord in CF.");
        key(KeyCode.CONTROL, KeyCode.ENTER);
        backToMainWindow();
        receiver.await(text -> text.contains(second) && text.contains("STATUS_UPDATED"), WAIT);
        assertThat(statusOf(second)).isEqualTo("cleared");

        // Assignment: the reviewer says who they are, then takes a screening.
        app.clickOn("#statusAll");
        app.waitUntil("all three", 20, () -> queue.getItems().size() == 3);
        app.onFx(() -> queue.getSelectionModel().select(queue.getItems().stream().filter(s -> s.id().equals(knope)).findFirst().orElseThrow()));
        app.waitUntil("Knope open", 20, () -> knope.equals(openScreeningId()));
        ComboBox<DashboardUser> me = app.waitFor("#queueMe");
        app.waitUntil("the reviewers", 20, () -> !me.getItems().isEmpty());
        app.onFx(() -> me.setValue(me.getItems().stream().filter(u -> u.emailAddress().startsWith("dana")).findFirst().orElseThrow()));
        app.clickOn("#assignScreening").clickOn("#assignToMe");
        Label facts = app.lookup("#screeningFacts").query();
        app.waitUntil("assigned to Dana", 20, () -> facts.getText().contains("assigned to dana.whitfield@example.com"));
        app.onFx(() -> app.lookup("#queueAssignee").<ComboBox<dev.tartan.model.AssigneeFilter>>query()
                .setValue(dev.tartan.model.AssigneeFilter.ME));
        app.waitUntil("only mine", 10, () -> queue.getItems().size() == 1 && queue.getItems().get(0).id().equals(knope));
        app.onFx(() -> app.lookup("#queueAssignee").<ComboBox<dev.tartan.model.AssigneeFilter>>query()
                .setValue(dev.tartan.model.AssigneeFilter.ANYONE));

        // Edit the search terms: Plaid screens her again (version 2).
        app.clickOn("#editSearchTerms");
        app.waitFor("#screeningDialog");
        app.typeInto("#screeningLegalName", "Joseph Kony");
        app.typeInto("#screeningDateOfBirth", "1964-09-18");
        app.typeInto("#screeningCountry", "CF");
        app.clickOn("#screeningDialogGo");
        app.waitUntil("screened again", 20, () -> facts.getText().contains("search terms version 2"));
        app.waitUntil("pending now", 20, () -> "Pending review".equals(app.lookup("#screeningStatus").queryAs(Label.class).getText()));
        app.waitUntil("new hits", 20, () -> !hits.getItems().isEmpty());

        // The timeline: created, assigned, edited (version 2), the status change, and Tartan's own entries.
        app.selectTab("#screeningTabs", "timelineTab");
        VBox timeline = app.waitFor("#timeline", 20);
        app.waitUntil("the story", 20, () -> texts(timeline).stream().anyMatch(t -> t.startsWith("Search terms edited (version 2)")));
        List<String> story = texts(timeline);
        assertThat(story).anyMatch(t -> t.startsWith("Created, Cleared"))
                .anyMatch(t -> t.equals("Assigned to dana.whitfield@example.com"))
                .anyMatch(t -> t.equals("Status: Cleared \u2192 Pending review"))
                .anyMatch(t -> t.startsWith("Assign \u00b7 ok"))
                .anyMatch(t -> t.startsWith("Edit search terms \u00b7 ok"));
        assertThat(story).anyMatch(t -> t.startsWith("request_id "));
        app.screenshot("watchlist-4-timeline");

        // The queue as CSV, read back.
        Path file = home.resolve("queue.csv");
        app.onFx(() -> app.lookup("#watchlistQueuePanel").<QueueView>query().exportTo(file));
        app.waitFor("#queueExportStatusDone", 60);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).startsWith("screening_id,kind,status,");
        assertThat(lines).anyMatch(line -> line.startsWith(kony + ",individual,rejected,") && line.contains(",confirmed,")
                && line.endsWith(",Same person: the SDN entry's birth date and country match."));
        assertThat(lines).anyMatch(line -> line.startsWith(second + ",individual,cleared,") && line.contains(",dismissed,"));
        assertThat(lines).anyMatch(line -> line.startsWith(knope + ",individual,pending_review,"));

        // Screenshots of the queue and a screening with hits in the dark theme too.
        app.selectTab("#screeningTabs", "hitsTab");
        app.onFx(() -> Theme.apply(true));
        app.screenshot("watchlist-2-queue-and-hits-dark");
        app.onFx(() -> Theme.apply(false));

        app.close();
        try (Vault vault = TestVaults.open(home)) {
            List<AuditEntry> entries = vault.audit().about("watchlist_screening_id=" + kony, 50);
            assertThat(entries).filteredOn(e -> e.action().equals("watchlist review")).singleElement().satisfies(e -> {
                assertThat(e.targets()).contains("comment=Same person: the SDN entry's birth date and country match.");
                assertThat(e.requestId()).isNotBlank();
            });
            assertThat(vault.audit().about("watchlist_screening_id=" + knope, 50)).extracting(AuditEntry::action)
                    .contains("watchlist create screening", "watchlist assign", "watchlist edit search terms");
        }
        app = null;
    }

    @Test
    void aRefusedReviewShowsPlaidsErrorAndChangesNothing() throws Exception {
        String id = createByApi("Joseph Kony", CARDHOLDERS);
        usePane(null);
        ListView<Screening> queue = app.waitFor("#watchlistQueue");
        app.waitUntil("listed", 20, () -> queue.getItems().size() == 1);
        app.onFx(() -> queue.getSelectionModel().select(0));
        ListView<ScreeningHit> hits = app.waitFor("#hitList", 20);
        app.waitUntil("its hits", 20, () -> hits.getItems().size() >= 2);
        String first = hits.getItems().get(0).id();
        // Another reviewer dismisses the first hit meanwhile, through the API.
        ObjectNode review = body().put("watchlist_screening_id", id).put("comment", "Dismissed elsewhere");
        review.putArray("confirmed_hits");
        review.putArray("dismissed_hits").add(first);
        call("/watchlist_screening/individual/review/create", review);

        app.clickOn(hits);
        app.onFx(() -> hits.getSelectionModel().clearAndSelect(0));
        key(KeyCode.C);
        key(KeyCode.R);
        reviewComment();
        app.write("Confirming the first hit");
        key(KeyCode.CONTROL, KeyCode.ENTER);
        Label code = app.waitFor("#reviewDialogFailure #failureTitle", 20);
        assertThat(code.getText()).isEqualTo("INVALID_FIELD");
        app.screenshot("watchlist-5-refused-review");
        app.clickOn(app.lookup(".dialog-pane .button").match(n -> n instanceof Button b && "Cancel".equals(b.getText())).<Node>query());
        // Nothing changed: still pending, the other hits too.
        assertThat(statusOf(id)).isEqualTo("pending_review");
        assertThat(hitIds(id)).hasSizeGreaterThanOrEqualTo(2);
        JsonNode after = call("/watchlist_screening/individual/hit/list", body().put("watchlist_screening_id", id));
        assertThat(after.path("watchlist_screening_hits")).filteredOn(h -> !h.path("id").asText().equals(first))
                .allMatch(h -> h.path("review_status").asText().equals("pending_review"));
    }

    @Test
    void inProductionSubmittingAReviewAsksFirstAndCtrlKOpensAScreening() throws Exception {
        String id = createByApi("Joseph Kony", CARDHOLDERS);
        usePane("Monitor (Production)");
        // Ctrl+K: the screening id opens here.
        key(KeyCode.CONTROL, KeyCode.K);
        app.waitFor("#omniboxField");
        app.write(id);
        app.waitUntil("the pane offered", 10, () -> !app.lookup("#omniboxResults").queryListView().getItems().isEmpty());
        key(KeyCode.ENTER);
        app.waitUntil("the screening open", 20, () -> app.lookup("#screeningId").tryQuery().isPresent() && id.equals(openScreeningId()));
        ListView<ScreeningHit> hits = app.waitFor("#hitList", 20);
        app.waitUntil("its hits", 20, () -> !hits.getItems().isEmpty());
        app.clickOn(hits);
        key(KeyCode.SHIFT, KeyCode.D);
        key(KeyCode.R);
        TextArea comment = reviewComment();
        app.write("Namesakes");
        key(KeyCode.CONTROL, KeyCode.ENTER);
        app.waitFor("#productionGuard", 10);
        app.screenshot("watchlist-6-production-guard");
        app.clickOn(app.lookup("#productionGuard .button").match(n -> n instanceof Button b && "Cancel".equals(b.getText())).<Node>query());
        assertThat(statusOf(id)).as("nothing sent").isEqualTo("pending_review");
        app.waitUntil("the review dialog still open", 10, () -> comment.getScene().getWindow().isShowing());
        app.targetWindow(comment.getScene().getWindow());
        key(KeyCode.CONTROL, KeyCode.ENTER);
        app.waitFor("#productionGuard", 10);
        app.clickOn(app.lookup("#productionGuard .button").match(n -> n instanceof Button b && "Run in Production".equals(b.getText()))
                .<Node>query());
        receiver.await(text -> text.contains(id), WAIT);
        assertThat(statusOf(id)).isEqualTo("cleared");
    }

    /** The review dialog's comment, which has the focus when it opens; the keys typed next go to that dialog. */
    private TextArea reviewComment() {
        TextArea comment = app.waitFor("#reviewComment");
        app.waitUntil("the comment focused", 10, comment::isFocused);
        app.targetWindow(comment.getScene().getWindow());
        return comment;
    }

    /** Keys typed next go to the main window again. */
    private void backToMainWindow() {
        app.targetWindow(app.stage());
    }

    private static List<String> texts(Node parent) {
        return parent.lookupAll(".label").stream().map(n -> ((Label) n).getText()).toList();
    }
}
