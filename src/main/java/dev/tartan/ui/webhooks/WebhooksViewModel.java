package dev.tartan.ui.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.model.ConsoleDraft;
import dev.tartan.model.OmniboxDestination;
import dev.tartan.model.PaneTarget;
import dev.tartan.model.ReceivedWebhook;
import dev.tartan.model.ReceivedWebhook.WebhookSubject;
import dev.tartan.model.TokenEntry;
import dev.tartan.model.TokenKind;
import dev.tartan.model.WebhookFilter;
import dev.tartan.service.FailureDescriber;
import dev.tartan.service.TokenBookService;
import dev.tartan.service.WebhookInbox;
import dev.tartan.ui.common.FxAsync;
import dev.tartan.ui.common.InboxUrl;
import dev.tartan.ui.common.data.Outcome;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The Webhooks pane: where the inbox listens (and moving it), the webhooks received, filtered by
 * type, code, object and verdict and kept up to date as they arrive, the one open with its body,
 * headers and verdict and a link to what it is about, and "Verify a webhook" for one pasted.
 * Counts the webhooks that arrive while the pane is not in front (the navigation's badge).
 * Used on the FX thread; webhooks arriving on the inbox's thread are handed over in batches, so a
 * flood costs the FX thread one short turn per batch.
 */
public final class WebhooksViewModel {

    /** How many webhooks the list shows, newest first (the vault keeps more; the filter finds them). */
    static final int SHOWN = 500;
    private static final long HAND_OVER_MILLIS = 200;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Where the open webhook leads: the text of the link, and where it goes (null when nowhere: then the text says why). */
    public record Link(String text, OmniboxDestination destination) {
    }

    private final WebhookInbox inbox;
    private final TokenBookService tokens;
    private final InboxUrl inboxUrl;
    private final StringProperty port = new SimpleStringProperty("");
    private final ObjectProperty<Outcome<Integer>> portChange = new SimpleObjectProperty<>(Outcome.nothing());

    private final ObservableList<ReceivedWebhook> webhooks = FXCollections.observableArrayList();
    private final ObjectProperty<Outcome<Integer>> listState = new SimpleObjectProperty<>(Outcome.loading("Reading the inbox\u2026"));
    private final StringProperty type = new SimpleStringProperty("");
    private final StringProperty code = new SimpleStringProperty("");
    private final StringProperty object = new SimpleStringProperty("");
    private final ObjectProperty<WebhookFilter.Verdict> verdict = new SimpleObjectProperty<>(WebhookFilter.Verdict.ANY);
    private final ObservableList<String> types = FXCollections.observableArrayList();
    private final ObservableList<String> codes = FXCollections.observableArrayList();
    private final LongProperty total = new SimpleLongProperty();
    private final IntegerProperty unseen = new SimpleIntegerProperty();

    private final ObjectProperty<ReceivedWebhook> open = new SimpleObjectProperty<>();
    private final ObjectProperty<JsonNode> openBody = new SimpleObjectProperty<>();
    private final ObjectProperty<Link> link = new SimpleObjectProperty<>();

    private final ConcurrentLinkedQueue<ReceivedWebhook> arrived = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean handOverDue = new AtomicBoolean();
    private volatile long lastHandOver = System.nanoTime();
    private final AutoCloseable subscription;
    private boolean shown;
    private long searches;
    private long linkLookUps;

    public WebhooksViewModel(WebhookInbox inbox, TokenBookService tokens) {
        this.inbox = inbox;
        this.tokens = tokens;
        WebhookInbox.Status status = inbox.status();
        this.inboxUrl = new InboxUrl(status.url(), status.problem());
        port.set(status.wantedPort() > 0 ? String.valueOf(status.wantedPort()) : "");
        inbox.onStatus(now -> FxAsync.runOnFx(() -> inboxUrl.set(now.url(), now.problem())));
        this.subscription = inbox.subscribe(this::arrived);
        type.addListener((obs, old, now) -> search());
        code.addListener((obs, old, now) -> search());
        object.addListener((obs, old, now) -> search());
        verdict.addListener((obs, old, now) -> search());
        open.addListener((obs, old, now) -> opened(now));
        search();
        FxAsync.whenDone(inbox.typesAndCodes(), found -> {
            merge(types, found.get("types"));
            merge(codes, found.get("codes"));
        }, failure -> { });
        FxAsync.whenDone(inbox.count(), count -> total.set(total.get() + count), failure -> { });
    }

    // --- the inbox ------------------------------------------------------------------------------

    /** Where the inbox listens, for "Use Tartan's inbox" everywhere. */
    public InboxUrl inboxUrl() {
        return inboxUrl;
    }

    /** The port to move the inbox to (the one in the settings to start with). */
    public StringProperty portProperty() {
        return port;
    }

    /** Moving the inbox: under way, the port it listens on now, or why it could not move. */
    public ReadOnlyObjectProperty<Outcome<Integer>> portChangeProperty() {
        return portChange;
    }

    /** Moves the inbox to the port typed; webhook URLs with the old port no longer reach it. */
    public void applyPort() {
        int wanted;
        try {
            wanted = Integer.parseInt(port.get().strip());
        } catch (NumberFormatException e) {
            portChange.set(Outcome.failed(FailureDescriber.describe(new IllegalArgumentException("A port is a number from 1024 to 65535."))));
            return;
        }
        portChange.set(Outcome.loading("Moving the inbox to port " + wanted + "\u2026"));
        FxAsync.whenDone(inbox.changePort(wanted), status -> portChange.set(Outcome.data(status.port(), Instant.now(), false)),
                failure -> portChange.set(Outcome.failed(FailureDescriber.describe(failure))));
    }

    // --- the list -------------------------------------------------------------------------------

    /** The webhooks the filter lists, newest first (at most {@value #SHOWN}). */
    public ObservableList<ReceivedWebhook> webhooks() {
        return webhooks;
    }

    /** Reading the list: under way, how many are listed, nothing (and why), or its failure. */
    public ReadOnlyObjectProperty<Outcome<Integer>> listStateProperty() {
        return listState;
    }

    public StringProperty typeProperty() {
        return type;
    }

    public StringProperty codeProperty() {
        return code;
    }

    /** Part of the id of what the webhooks are about (an item_id, a screening, ...). */
    public StringProperty objectProperty() {
        return object;
    }

    public ObjectProperty<WebhookFilter.Verdict> verdictProperty() {
        return verdict;
    }

    /** The webhook types received so far, for the type filter. */
    public ObservableList<String> types() {
        return types;
    }

    /** The webhook codes received so far, for the code filter. */
    public ObservableList<String> codes() {
        return codes;
    }

    /** How many webhooks the vault keeps. */
    public ReadOnlyLongProperty totalProperty() {
        return total;
    }

    /** Webhooks that arrived while the pane was not in front. */
    public ReadOnlyIntegerProperty unseenProperty() {
        return unseen;
    }

    /** The pane came to the front (what arrived is seen) or left it. */
    public void setShown(boolean inFront) {
        shown = inFront;
        if (inFront) {
            unseen.set(0);
        }
    }

    public WebhookFilter filter() {
        return new WebhookFilter(type.get(), code.get(), object.get(), verdict.get());
    }

    /** Clears every filter. */
    public void clearFilter() {
        type.set("");
        code.set("");
        object.set("");
        verdict.set(WebhookFilter.Verdict.ANY);
    }

    /** Reads the list again from the vault, for the filter as it is now; only the latest answer lands. */
    public void search() {
        long asked = ++searches;
        WebhookFilter filter = filter();
        listState.set(Outcome.loading("Reading the inbox\u2026"));
        FxAsync.whenDone(inbox.find(filter, SHOWN), found -> {
            if (asked != searches) {
                return;
            }
            webhooks.setAll(found);
            listState.set(found.isEmpty() ? Outcome.empty(filter.equals(WebhookFilter.ALL) ? emptyInbox() : "No webhook matches the filter.")
                    : Outcome.data(found.size(), Instant.now(), false));
        }, failure -> {
            if (asked == searches) {
                listState.set(Outcome.failed(FailureDescriber.describe(failure)));
            }
        });
    }

    private String emptyInbox() {
        return "No webhook has arrived yet. Give an Item (or a processor token) Tartan's inbox as its webhook URL, "
                + "and what Plaid sends shows here, verified.";
    }

    /**
     * On the inbox's thread: queue it, and hand the queue over to the FX thread at most every
     * {@value #HAND_OVER_MILLIS} ms, so a flood changes the list a few times a second, not for each webhook.
     */
    private void arrived(ReceivedWebhook webhook) {
        arrived.add(webhook);
        if (handOverDue.compareAndSet(false, true)) {
            long wait = Math.max(0, lastHandOver + TimeUnit.MILLISECONDS.toNanos(HAND_OVER_MILLIS) - System.nanoTime());
            CompletableFuture.delayedExecutor(wait, TimeUnit.NANOSECONDS).execute(() -> FxAsync.runOnFx(this::handOver));
        }
    }

    /** On the FX thread: everything that arrived since the last turn, in one change of the list. */
    private void handOver() {
        lastHandOver = System.nanoTime();
        handOverDue.set(false);
        List<ReceivedWebhook> batch = new ArrayList<>();
        for (ReceivedWebhook next; (next = arrived.poll()) != null; ) {
            batch.add(next);
        }
        if (batch.isEmpty()) {
            return;
        }
        total.set(total.get() + batch.size());
        if (!shown) {
            unseen.set(unseen.get() + batch.size());
        }
        Set<String> newTypes = new TreeSet<>();
        Set<String> newCodes = new TreeSet<>();
        Set<Long> ids = new HashSet<>();
        List<ReceivedWebhook> listed = new ArrayList<>();
        WebhookFilter filter = filter();
        for (ReceivedWebhook webhook : batch) {
            newTypes.add(webhook.type());
            newCodes.add(webhook.code());
            ids.add(webhook.id());
            if (filter.matches(webhook)) {
                listed.add(webhook);
            }
        }
        merge(types, newTypes);
        merge(codes, newCodes);
        Collections.reverse(listed); // newest first
        if (listed.size() > SHOWN) {
            listed = listed.subList(0, SHOWN);
        }
        // One listed before its verdict (read while it was being checked) gives way to its verified self.
        webhooks.removeIf(webhook -> ids.contains(webhook.id()));
        webhooks.addAll(0, listed);
        if (webhooks.size() > SHOWN) {
            webhooks.remove(SHOWN, webhooks.size());
        }
        if (!webhooks.isEmpty() && !listState.get().isLoading()) {
            listState.set(Outcome.data(webhooks.size(), Instant.now(), false));
        }
        ReceivedWebhook current = open.get();
        if (current != null && current.id() != 0 && ids.contains(current.id())) {
            batch.stream().filter(webhook -> webhook.id() == current.id()).reduce((a, b) -> b).ifPresent(open::set);
        }
    }

    private static void merge(ObservableList<String> into, java.util.Collection<String> found) {
        if (found == null) {
            return;
        }
        TreeSet<String> all = new TreeSet<>(into);
        boolean changed = false;
        for (String value : found) {
            if (value != null && !value.isEmpty()) {
                changed |= all.add(value);
            }
        }
        if (changed) {
            into.setAll(all);
        }
    }

    // --- the open webhook ------------------------------------------------------------------------

    /** The webhook shown on the right: one of the list, or one pasted ({@code id} 0, not kept). */
    public ObjectProperty<ReceivedWebhook> openProperty() {
        return open;
    }

    /** The open webhook's body as JSON, or null when it is not JSON. */
    public ReadOnlyObjectProperty<JsonNode> openBodyProperty() {
        return openBody;
    }

    /** Where the open webhook leads (its Item, processor token, screening, ...), or null while unknown or nowhere. */
    public ReadOnlyObjectProperty<Link> linkProperty() {
        return link;
    }

    private void opened(ReceivedWebhook webhook) {
        link.set(null);
        if (webhook == null) {
            openBody.set(null);
            return;
        }
        try {
            openBody.set(JSON.readTree(webhook.body()));
        } catch (IOException e) {
            openBody.set(null);
        }
        WebhookSubject subject = webhook.subject();
        if (subject == null) {
            return;
        }
        long asked = ++linkLookUps;
        FxAsync.whenDone(tokens.find(subject.id()), entries -> {
            if (asked == linkLookUps) {
                link.set(linkTo(subject, entries));
            }
        }, failure -> { });
    }

    /** Where a subject can be opened: its pane when the token book holds its token, else the console, else nowhere (said). */
    static Link linkTo(WebhookSubject subject, List<TokenEntry> known) {
        String id = subject.id();
        return switch (subject.kind()) {
            case ITEM -> owned(known, TokenKind.ACCESS, id)
                    .map(entry -> new Link("Open the Item " + name(entry) + " in the Items pane",
                            (OmniboxDestination) new PaneTarget(PaneTarget.Kind.ITEM, entry.value(), "Open the Item")))
                    .orElse(new Link("The Item " + id + " is not in the token book: add it by its access token to open it.", null));
            case OTHER -> owned(known, TokenKind.PROCESSOR, id)
                    .map(entry -> new Link("Open the processor token " + name(entry) + " in the Processor pane",
                            (OmniboxDestination) new PaneTarget(PaneTarget.Kind.PROCESSOR_TOKEN, entry.value(), "Open the processor token")))
                    .orElse(new Link("No processor token in the token book is for the account " + id + ".", null));
            case ASSET_REPORT -> owned(known, TokenKind.ASSET_REPORT, id)
                    .map(entry -> new Link("Get the asset report " + name(entry) + " in the console",
                            (OmniboxDestination) draft("/asset_report/get", "asset_report_token", entry.value(), "Get the asset report")))
                    .orElse(new Link("The asset report " + id + " is not in the token book.", null));
            case SCREENING -> new Link("Get the screening " + id + " in the console",
                    draft("/watchlist_screening/individual/get", "watchlist_screening_id", id, "Get the screening"));
            case ENTITY_SCREENING -> new Link("Get the entity screening " + id + " in the console",
                    draft("/watchlist_screening/entity/get", "entity_watchlist_screening_id", id, "Get the entity screening"));
            case TRANSFER -> new Link("Get the transfer " + id + " in the console", draft("/transfer/get", "transfer_id", id, "Get the transfer"));
        };
    }

    private static java.util.Optional<TokenEntry> owned(List<TokenEntry> known, TokenKind kind, String ownerId) {
        return known.stream().filter(entry -> entry.kind() == kind && ownerId.equals(entry.ownerId())).findFirst();
    }

    private static String name(TokenEntry entry) {
        return entry.label() == null ? entry.maskedValue() : "\"" + entry.label() + "\"";
    }

    private static ConsoleDraft draft(String path, String field, String value, String description) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put(field, value);
        return new ConsoleDraft(path, body, description);
    }

    // --- verifying a pasted webhook ----------------------------------------------------------------

    /** The form of "Verify a webhook": its verdict opens on the right once it is known. */
    public VerifyWebhookFormViewModel newVerifyForm() {
        return new VerifyWebhookFormViewModel(inbox::verifyPasted, open::set);
    }

    /** Stops following the inbox. */
    public void close() {
        try {
            subscription.close();
        } catch (Exception e) {
            // Unsubscribing cannot fail.
        }
    }
}
