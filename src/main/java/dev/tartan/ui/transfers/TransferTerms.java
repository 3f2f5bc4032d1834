package dev.tartan.ui.transfers;

import dev.tartan.model.CallRecord;
import dev.tartan.model.Profile;
import dev.tartan.model.TokenKind;
import dev.tartan.model.TransferAmount;
import dev.tartan.model.TransferProposal;
import dev.tartan.service.TokenBookService;
import dev.tartan.service.TransferCreationService;
import dev.tartan.ui.common.Choices;
import dev.tartan.ui.common.ItemAccountChoice;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.List;
import java.util.function.Consumer;

/**
 * The fields of a transfer a form proposes (a single or a recurring one): an account of an Item
 * in the token book, amount, type, network, ACH class, the account holder, a description, and in
 * Sandbox a test clock. Picking rtp or wire makes it a credit (they carry credits only).
 */
public final class TransferTerms {

    private final ItemAccountChoice itemAccount;
    private final StringProperty amount = new SimpleStringProperty("");
    private final ObjectProperty<String> type = new SimpleObjectProperty<>("debit");
    private final ObjectProperty<String> network = new SimpleObjectProperty<>("ach");
    private final ObjectProperty<String> achClass = new SimpleObjectProperty<>("ppd");
    private final StringProperty legalName = new SimpleStringProperty("");
    private final StringProperty description = new SimpleStringProperty("");
    private final ObjectProperty<String> testClock = new SimpleObjectProperty<>();
    private final Choices<String> testClocks;

    /** @param testClocks the Sandbox test clocks to pick from, or null (Production) */
    TransferTerms(TransferCreationService creation, TokenBookService tokenBook, Profile profile, Choices<String> testClocks,
                  Consumer<CallRecord> log) {
        this.testClocks = testClocks;
        this.itemAccount = new ItemAccountChoice(null, () -> tokenBook.list(profile.name(), TokenKind.ACCESS),
                entry -> creation.accountsOf(profile, entry.value(), log), true);
        network.addListener((obs, old, now) -> {
            if ("rtp".equals(now) || "wire".equals(now)) {
                type.set("credit");
            }
        });
    }

    /** Loads the Items (and the first one's accounts) and the test clocks. */
    void load() {
        itemAccount.load();
        if (testClocks != null) {
            testClocks.load();
        }
    }

    /** Every field, to listen to. */
    List<Observable> fields() {
        return List.of(itemAccount.itemProperty(), itemAccount.accountProperty(), amount, type, network, achClass, legalName, description,
                testClock);
    }

    /** The transfer as the fields say now, checked: an {@link IllegalArgumentException} says what is missing or wrong. */
    TransferProposal checked() {
        if (itemAccount.itemProperty().get() == null) {
            throw new IllegalArgumentException("Pick the Item the account belongs to.");
        }
        if (itemAccount.accountProperty().get() == null) {
            throw new IllegalArgumentException("Pick the account.");
        }
        return new TransferProposal(itemAccount.itemProperty().get().value(), itemAccount.accountId(), type.get(), network.get(),
                achClass.get(), TransferAmount.parse(amount.get(), "The amount"), legalName.get(), description.get(), testClock.get())
                .checked();
    }

    public ItemAccountChoice itemAccount() {
        return itemAccount;
    }

    /** The amount, as typed ("12.34"). */
    public StringProperty amountProperty() {
        return amount;
    }

    public ObjectProperty<String> typeProperty() {
        return type;
    }

    public ObjectProperty<String> networkProperty() {
        return network;
    }

    public ObjectProperty<String> achClassProperty() {
        return achClass;
    }

    public StringProperty legalNameProperty() {
        return legalName;
    }

    public StringProperty descriptionProperty() {
        return description;
    }

    /** The Sandbox test clock the transfer lives on, or null. */
    public ObjectProperty<String> testClockProperty() {
        return testClock;
    }

    /** The test clocks to pick from; null outside a sandbox. */
    public Choices<String> testClocks() {
        return testClocks;
    }
}
