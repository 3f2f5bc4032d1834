package dev.tartan.ui.transfers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tartan.model.CallRecord;
import dev.tartan.model.Profile;
import dev.tartan.model.TransferLifecycle;
import dev.tartan.service.SignalExplanations;
import dev.tartan.service.TransferSandboxService;
import dev.tartan.service.TransferService;
import dev.tartan.ui.common.data.Outcome;
import dev.tartan.ui.common.data.SubjectLoader;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.LongBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The transfer open in the pane: its facts, its timeline, its sweep and the decision its
 * authorization got, each read on its own (the vault's copy first); and what can be done to it:
 * cancel it while Plaid allows, refund part of it, and in Sandbox move it (or a refund) to one of
 * the events Plaid allows next, and fire the Transfer webhook. Every change re-reads the transfer
 * and asks the list to catch up with the events. Holds no controls; the view binds to it.
 */
public final class TransferViewModel {

    private final TransferService transfers;
    private final TransferSandboxService sandbox;
    private final SubjectLoader loader;
    private final Supplier<Profile> profile;
    private final Supplier<TransferChecks> checks;
    private final Runnable onChange;

    private final ObjectProperty<String> transferId = new SimpleObjectProperty<>();
    private final Map<TransferData, ObjectProperty<Outcome<JsonNode>>> reads = new EnumMap<>(TransferData.class);
    private final ObjectProperty<Outcome<JsonNode>> authorization = new SimpleObjectProperty<>(Outcome.nothing());
    private final ObjectProperty<Outcome<String>> action = new SimpleObjectProperty<>(Outcome.nothing());
    private final ObjectProperty<String> returnCode = new SimpleObjectProperty<>("R01");
    private final StringProperty webhookUrl = new SimpleStringProperty("");
    private final ObjectBinding<JsonNode> transfer;
    private final ObjectBinding<TransferLifecycle.Next> next;
    private final BooleanBinding cancellable;
    private final LongBinding refundable;

    /**
     * @param onChange told after anything changed the transfer (the list then catches up with the events)
     */
    TransferViewModel(TransferService transfers, TransferSandboxService sandbox, SubjectLoader loader, Supplier<Profile> profile,
                      Supplier<TransferChecks> checks, Runnable onChange) {
        this.transfers = transfers;
        this.sandbox = sandbox;
        this.loader = loader;
        this.profile = profile;
        this.checks = checks;
        this.onChange = onChange;
        for (TransferData read : TransferData.values()) {
            reads.put(read, new SimpleObjectProperty<>(Outcome.nothing()));
        }
        ObjectProperty<Outcome<JsonNode>> state = reads.get(TransferData.TRANSFER);
        transfer = Bindings.createObjectBinding(() -> state.get().hasData() ? state.get().data().path("transfer") : null, state);
        next = Bindings.createObjectBinding(() -> transfer.get() == null ? null : TransferLifecycle.forTransfer(
                transfer.get().path("status").asText(), transfer.get().path("type").asText(), transfer.get().path("network").asText(null)),
                transfer);
        cancellable = Bindings.createBooleanBinding(() -> transfer.get() != null && transfer.get().path("cancellable").asBoolean(), transfer);
        refundable = Bindings.createLongBinding(() -> transfer.get() == null || !"debit".equals(transfer.get().path("type").asText())
                || TransferLifecycle.isUndone(transfer.get().path("status").asText()) ? 0 : TransferService.refundableCents(transfer.get()),
                transfer);
    }

    /** Opens a transfer by its id (null: none): every read starts at once. */
    public void open(String id) {
        loader.open(profile.get());
        reads.values().forEach(state -> state.set(Outcome.nothing()));
        authorization.set(Outcome.nothing());
        action.set(Outcome.nothing());
        transferId.set(id);
        if (id != null && profile.get() != null) {
            loader.trackOpening("Opening transfer " + id, List.of(readTransfer(), readEvents()));
        }
    }

    /** Reads the transfer and its timeline again. */
    public void reload() {
        if (transferId.get() != null) {
            readTransfer();
            readEvents();
        }
    }

    private java.util.concurrent.CompletableFuture<?> readTransfer() {
        String id = transferId.get();
        return loader.read(reads.get(TransferData.TRANSFER), TransferService.GET, TransferService.getBody(id), reply -> null,
                fetched -> {
                    String authorizationId = fetched.json().path("transfer").path("authorization_id").asText(null);
                    if (authorizationId != null) {
                        readAuthorization(authorizationId);
                    }
                });
    }

    private java.util.concurrent.CompletableFuture<?> readEvents() {
        return loader.read(reads.get(TransferData.EVENTS), TransferService.EVENTS, TransferService.eventsBody(transferId.get()),
                reply -> reply.path("transfer_events").isEmpty() ? "Plaid has no events for this transfer." : null, fetched -> {
                    String sweepId = null;
                    for (JsonNode event : fetched.json().path("transfer_events")) {
                        if (event.hasNonNull("sweep_id") && !event.path("sweep_id").asText().isEmpty()) {
                            sweepId = event.path("sweep_id").asText();
                            break;
                        }
                    }
                    if (sweepId == null) {
                        reads.get(TransferData.SWEEP).set(Outcome.empty("No sweep has moved this transfer's money yet. "
                                + "With Plaid's Ledger, money moves through the ledger's deposits and withdrawals (the Sweeps tab)."));
                    } else {
                        loader.read(reads.get(TransferData.SWEEP), TransferService.SWEEP_GET,
                                TransferService.sweepBody(sweepId), reply -> null);
                    }
                });
    }

    /** The decision is only known when Tartan made the authorization: Plaid has no call that reads one back. */
    private void readAuthorization(String authorizationId) {
        loader.whenCurrent(transfers.knownAuthorization(profile.get(), authorizationId), known -> authorization.set(known
                .map(json -> Outcome.data(json, null, false))
                .orElseGet(() -> Outcome.empty("Authorization " + authorizationId + " was not made through Tartan, and Plaid has no "
                        + "call that reads an authorization back: its decision is not known here."))), failure ->
                authorization.set(Outcome.failed(failure)));
    }

    // --- actions ------------------------------------------------------------------------------------

    /** Cancels the transfer (after the user confirms); Plaid refuses once it is no longer cancellable. */
    public void cancel() {
        String id = transferId.get();
        if (id == null || !checks.get().allowCancel(profile.get(), "Cancel the transfer", id)) {
            return;
        }
        loader.act(action, "Cancelling the transfer", log -> transfers.cancel(profile.get(), id, log), transfer -> {
            changed();
            return "Cancelled: the transfer is " + transfer.path("status").asText() + ".";
        });
    }

    /** Sandbox: moves the transfer to {@code eventType}; a return carries the return code picked. */
    public void simulate(String eventType) {
        String id = transferId.get();
        if (id == null) {
            return;
        }
        String code = "returned".equals(eventType) ? returnCode.get() : null;
        loader.act(action, "Simulating " + eventType, log -> sandbox.simulate(profile.get(), id, eventType, code, blankToNull(webhookUrl.get()), log),
                reply -> {
                    changed();
                    return "Simulated " + eventType + (code == null ? "" : " (" + code + ")") + ".";
                });
    }

    /** Sandbox: moves a refund of the transfer to {@code eventType} (refund.posted, ...). */
    public void simulateRefund(String refundId, String eventType) {
        String code = "refund.returned".equals(eventType) ? returnCode.get() : null;
        loader.act(action, "Simulating " + eventType, log -> sandbox.simulateRefund(profile.get(), refundId, eventType, code,
                blankToNull(webhookUrl.get()), log), reply -> {
                    changed();
                    return "Simulated " + eventType + " on refund " + refundId + ".";
                });
    }

    /** Cancels a pending refund (after the user confirms). */
    public void cancelRefund(String refundId) {
        String id = transferId.get();
        if (id == null || !checks.get().allowCancel(profile.get(), "Cancel the refund", refundId)) {
            return;
        }
        loader.act(action, "Cancelling the refund", log -> transfers.cancelRefund(profile.get(), id, refundId, log), transfer -> {
            changed();
            return "Refund " + refundId + " cancelled.";
        });
    }

    /** Sandbox: sends a TRANSFER_EVENTS_UPDATE webhook to the URL given. */
    public void fireWebhook() {
        String url = webhookUrl.get();
        loader.act(action, "Firing the Transfer webhook", log -> sandbox.fireWebhook(profile.get(), url, log),
                reply -> "Plaid sent TRANSFER_EVENTS_UPDATE to " + url.strip() + ".");
    }

    /** The form that refunds part of the transfer (at most what is left). */
    public RefundFormViewModel newRefundForm() {
        String id = transferId.get();
        JsonNode shown = transfer.get();
        long left = refundable.get();
        return new RefundFormViewModel(left, (cents, key) -> {
            if (!checks.get().allowMoney(profile.get(), TransferService.REFUND)) {
                throw new IllegalArgumentException("Not sent: the refund was not confirmed.");
            }
            return transfers.refund(profile.get(), id, cents, left, key, loader.callLog());
        }, refund -> changed(), shown == null ? null : shown.path("amount").asText());
    }

    private void changed() {
        reload();
        onChange.run();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    // --- state for the view -------------------------------------------------------------------------

    /** The id of the transfer open, or null. */
    public ReadOnlyObjectProperty<String> transferIdProperty() {
        return transferId;
    }

    public ReadOnlyObjectProperty<Outcome<JsonNode>> stateOf(TransferData read) {
        return reads.get(read);
    }

    /** The transfer as last read, or null. */
    public ObjectBinding<JsonNode> transfer() {
        return transfer;
    }

    /** The decision its authorization got, when Tartan made it. */
    public ReadOnlyObjectProperty<Outcome<JsonNode>> authorizationProperty() {
        return authorization;
    }

    /** The last action's outcome (cancel, simulate, refund cancel, webhook). */
    public ReadOnlyObjectProperty<Outcome<String>> actionProperty() {
        return action;
    }

    /** The Sandbox events Plaid allows next, from the status last read (null while not read). */
    public ObjectBinding<TransferLifecycle.Next> next() {
        return next;
    }

    /** The Sandbox events a refund of the transfer may take next. */
    public TransferLifecycle.Next nextForRefund(JsonNode refund) {
        return TransferLifecycle.forRefund(refund.path("status").asText(), transfer.get() == null ? null
                : transfer.get().path("status").asText());
    }

    /** Whether Plaid says the transfer can still be cancelled. */
    public BooleanBinding cancellable() {
        return cancellable;
    }

    /** What is left to refund, in cents (0 for a credit or an undone transfer). */
    public LongBinding refundable() {
        return refundable;
    }

    /** The ACH return code a simulated return carries. */
    public ObjectProperty<String> returnCodeProperty() {
        return returnCode;
    }

    /** NACHA return codes to pick from. */
    public List<String> returnCodes() {
        List<String> codes = new ArrayList<>();
        SignalExplanations.returnCodes().forEach(code -> codes.add(code.code()));
        return codes;
    }

    /** What a return code means, for the picker. */
    public static String meaningOf(String code) {
        return SignalExplanations.returnCode(code).map(c -> code + " \u00b7 " + c.description()).orElse(code);
    }

    /** Where simulations and the fired webhook announce events (blank: nowhere). */
    public StringProperty webhookUrlProperty() {
        return webhookUrl;
    }

    /** Every call made for the open transfer, newest first. */
    public ObservableList<CallRecord> calls() {
        return loader.calls();
    }

    /** A log that lands in the open transfer's call log. */
    Consumer<CallRecord> callLog() {
        return loader.callLog();
    }

    /** A new idempotency key. */
    static String newKey() {
        return UUID.randomUUID().toString();
    }
}
