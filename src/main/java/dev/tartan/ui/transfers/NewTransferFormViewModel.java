package dev.tartan.ui.transfers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tartan.model.CallRecord;
import dev.tartan.model.Profile;
import dev.tartan.model.TransferAmount;
import dev.tartan.model.TransferProposal;
import dev.tartan.service.FailureDescriber;
import dev.tartan.service.TokenBookService;
import dev.tartan.service.TransferCreationService;
import dev.tartan.ui.common.Choices;
import dev.tartan.ui.common.FormViewModel;
import dev.tartan.ui.common.FxAsync;
import dev.tartan.ui.common.data.Outcome;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A new transfer, in Plaid's two steps: the form (an account of an Item in the token book, amount,
 * type, network, ACH class, the account holder, a description) is first authorized, and the
 * decision with its rationale is shown before anything is created; a second press creates the
 * transfer from the approved authorization. Changing the transfer after its authorization asks for
 * a new one. The authorization and the creation carry idempotency keys, and the authorization's id
 * makes creation idempotent too: a repeated click never makes two transfers. In Production the
 * amount must be typed a second time. Used on the FX thread.
 */
public final class NewTransferFormViewModel extends FormViewModel<JsonNode> {

    /** Where the form stands: what the go-ahead button does next. */
    public enum Step { AUTHORIZE, CREATE }

    private final TransferCreationService creation;
    private final Profile profile;
    private final Consumer<CallRecord> log;
    private final Consumer<JsonNode> onCreated;

    private final TransferTerms terms;
    private final StringProperty amountAgain = new SimpleStringProperty("");
    private final ObjectProperty<Outcome<JsonNode>> authorization = new SimpleObjectProperty<>(Outcome.nothing());
    private final ObjectProperty<Step> step = new SimpleObjectProperty<>(Step.AUTHORIZE);
    private final StringBinding goLabel;
    /** The terms the authorization shown was made for; a change asks for a new one. */
    private TransferProposal authorizedTerms;
    private String authorizationKey = newKey();
    private final String createKey = newKey();

    /**
     * @param testClocks the Sandbox test clocks a transfer may live on (none in Production)
     * @param onCreated  told of the transfer made (it is in the vault's copy by then)
     */
    NewTransferFormViewModel(TransferCreationService creation, TokenBookService tokenBook, Profile profile, Choices<String> testClocks,
                             Consumer<CallRecord> log, Consumer<JsonNode> onCreated) {
        super(FailureDescriber::describe);
        this.creation = creation;
        this.profile = profile;
        this.log = log;
        this.onCreated = onCreated;
        this.terms = new TransferTerms(creation, tokenBook, profile, testClocks, log);
        terms.fields().forEach(field -> field.addListener(obs -> termsChanged()));
        List<Observable> watched = new java.util.ArrayList<>(terms.fields());
        watched.addAll(List.of(amountAgain, authorization, step));
        problemIs(this::whatIsMissing, watched.toArray(Observable[]::new));
        goLabel = Bindings.createStringBinding(() -> step.get() == Step.CREATE ? "Create transfer" : "Authorize", step);
        terms.load();
    }

    private String whatIsMissing() {
        if (authorization.get().isLoading()) {
            return "";
        }
        TransferProposal proposal;
        try {
            proposal = terms.checked();
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        if (profile.environment().isProduction() && !terms.amountProperty().get().strip().equals(amountAgain.get().strip())) {
            return "Type the amount again to confirm: this moves real money (" + TransferAmount.format(proposal.amountCents()) + ").";
        }
        Outcome<JsonNode> decided = authorization.get();
        if (decided.hasData() && !"approved".equals(decided.data().path("decision").asText())) {
            return "Plaid did not approve this transfer: change it to ask again.";
        }
        return "";
    }

    private void termsChanged() {
        if (authorizedTerms != null && !authorization.get().isLoading()) {
            authorizedTerms = null;
            authorizationKey = newKey();
            authorization.set(Outcome.nothing());
            step.set(Step.AUTHORIZE);
        }
    }

    /** Authorizes the transfer; once approved, creates it. A press while a call runs does nothing. */
    @Override
    public void submit() {
        if (authorization.get().isLoading() || submission().stateProperty().get().isLoading()) {
            return;
        }
        if (step.get() == Step.CREATE && authorizedTerms != null) {
            JsonNode approved = authorization.get().data();
            TransferProposal authorized = authorizedTerms;
            submission().submit("Creating the transfer\u2026", () -> creation.create(profile, authorized, approved, createKey, log),
                    onCreated);
            return;
        }
        TransferProposal proposal;
        try {
            proposal = terms.checked();
        } catch (IllegalArgumentException e) {
            authorization.set(Outcome.failed(FailureDescriber.describe(e)));
            return;
        }
        authorization.set(Outcome.loading("Asking Plaid to authorize the transfer\u2026"));
        CompletableFuture<JsonNode> asked;
        try {
            asked = creation.authorize(profile, proposal, authorizationKey, log);
        } catch (IllegalArgumentException e) {
            asked = CompletableFuture.failedFuture(e);
        }
        FxAsync.whenDone(asked, decided -> {
            authorizedTerms = proposal;
            authorization.set(Outcome.data(decided, java.time.Instant.now(), false));
            step.set("approved".equals(decided.path("decision").asText()) ? Step.CREATE : Step.AUTHORIZE);
        }, error -> authorization.set(Outcome.failed(FailureDescriber.describe(error))));
    }

    private static String newKey() {
        return UUID.randomUUID().toString();
    }

    // --- fields ---------------------------------------------------------------------------------------

    /** The transfer's fields. */
    public TransferTerms terms() {
        return terms;
    }

    /** The amount typed a second time: Production only. */
    public StringProperty amountAgainProperty() {
        return amountAgain;
    }

    /** Whether the amount must be typed twice (Production). */
    public boolean asksAmountTwice() {
        return profile.environment().isProduction();
    }

    /** The authorization: asked, its decision and rationale, or why it could not be had. */
    public ReadOnlyObjectProperty<Outcome<JsonNode>> authorizationProperty() {
        return authorization;
    }

    public ReadOnlyObjectProperty<Step> stepProperty() {
        return step;
    }

    /** What the go-ahead button says: "Authorize", then "Create transfer". */
    public StringBinding goLabel() {
        return goLabel;
    }
}
