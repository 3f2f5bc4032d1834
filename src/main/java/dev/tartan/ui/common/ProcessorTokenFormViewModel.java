package dev.tartan.ui.common;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tartan.concurrent.Futures;
import dev.tartan.model.CallRecord;
import dev.tartan.model.Profile;
import dev.tartan.model.TokenEntry;
import dev.tartan.model.TokenKind;
import dev.tartan.service.FailureDescriber;
import dev.tartan.service.ProcessorTokenService;
import dev.tartan.service.TokenBookService;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The form that makes a processor token for one account of an Item (/processor/token/create): the
 * Item (given when the form opens from an Item, else picked from the token book), one of its
 * accounts (a checking account first), the processor (Dwolla, as in Plaid's examples, when the
 * catalog has it) and a label for the token book. Used on the FX thread.
 */
public final class ProcessorTokenFormViewModel extends TokenFormViewModel {

    private static final String USUAL_PROCESSOR = "dwolla";

    private final ProcessorTokenService service;
    private final Profile profile;
    private final Consumer<CallRecord> log;
    private final Consumer<TokenEntry> onCreated;

    private final ItemAccountChoice itemAccount;
    private final Choices<String> processors;
    private final ObjectProperty<String> processor = new SimpleObjectProperty<>();

    /**
     * @param fixedItem the Item the token is for, or null to pick one of the profile's Items
     * @param log       hears of the creating call
     * @param onCreated told of the new token (it is in the token book by then)
     */
    public ProcessorTokenFormViewModel(ProcessorTokenService service, TokenBookService tokenBook, Profile profile, TokenEntry fixedItem,
                                       Consumer<CallRecord> log, Consumer<TokenEntry> onCreated) {
        super(FailureDescriber::describe);
        this.service = service;
        this.profile = profile;
        this.log = log;
        this.onCreated = onCreated;
        this.itemAccount = new ItemAccountChoice(fixedItem, () -> tokenBook.list(profile.name(), TokenKind.ACCESS),
                entry -> Futures.map(service.accountsOf(profile, entry.value()), array -> {
                    List<JsonNode> list = new ArrayList<>();
                    array.forEach(list::add);
                    return list;
                }), false);
        this.processors = new Choices<>(service::processors, list -> list.contains(USUAL_PROCESSOR) ? USUAL_PROCESSOR : null);
        processors.stateProperty().addListener((obs, old, state) -> {
            if (state.hasData() && processor.get() == null) {
                processor.set(processors.suggested());
            }
        });
        problemIs(() -> itemAccount.itemProperty().get() == null ? "Pick an Item."
                : itemAccount.accountProperty().get() == null ? "Pick the account the partner may use."
                : processor.get() == null ? "Pick the processor that gets the token." : "",
                itemAccount.itemProperty(), itemAccount.accountProperty(), processor);
        itemAccount.load();
        processors.load();
    }

    /** The Item and its account the token is for. */
    public ItemAccountChoice itemAccount() {
        return itemAccount;
    }

    /** The processors /processor/token/create accepts. */
    public Choices<String> processors() {
        return processors;
    }

    public ObjectProperty<String> processorProperty() {
        return processor;
    }


    /** What is still missing, in a sentence; "" when the form can be sent. */

    /** Makes the token; the form's dialog closes once it exists. */
    @Override
    public void submit() {
        TokenEntry forItem = itemAccount.itemProperty().get();
        String accountId = itemAccount.accountId();
        String chosen = processor.get();
        String name = labelOrNull();
        submission().submit("Creating the processor token\u2026",
                () -> service.createProcessorToken(profile, forItem == null ? null : forItem.value(), accountId, chosen,
                        name, log),
                onCreated);
    }
}
