package dev.tartan.ui.shell;

import dev.tartan.model.FailureReport;
import dev.tartan.model.PassphraseVerdict;
import dev.tartan.service.FailureDescriber;
import dev.tartan.service.VaultGate;
import dev.tartan.ui.common.FxAsync;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * The first-run and unlock screens' state: creating or opening the vault off the FX thread (the key
 * derivation takes a noticeable moment), what is under way, and why it failed. A failure changes
 * nothing: the user types the passphrase again.
 */
public final class VaultViewModel {

    private final VaultGate gate;
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty opened = new SimpleBooleanProperty();

    public VaultViewModel(VaultGate gate) {
        this.gate = gate;
    }

    /** The vault's file, to name it on screen. */
    public Path file() {
        return gate.file();
    }

    /** How strong a chosen passphrase is, and why. */
    public PassphraseVerdict assess(char[] passphrase) {
        return gate.assess(passphrase);
    }

    /** Creates the vault; the array is cleared once used. */
    public void create(char[] passphrase) {
        start("Creating the encrypted vault\u2026", gate.create(passphrase), "Starting the built-in emulator\u2026");
    }

    /** Opens the vault; the array is cleared once used. */
    public void unlock(char[] passphrase) {
        start("Deriving the key and opening the vault\u2026", gate.unlock(passphrase), "Opening Tartan\u2026");
    }

    private void start(String doing, CompletableFuture<Void> work, String then) {
        error.set("");
        status.set(doing);
        busy.set(true);
        FxAsync.whenDone(work, done -> {
            status.set(then);
            opened.set(true);
        }, failure -> {
            busy.set(false);
            status.set("");
            error.set(sentence(FailureDescriber.describe(failure)));
        });
    }

    /** The store's messages usually start by naming the problem: it is not said twice. */
    private static String sentence(FailureReport report) {
        String message = report.message() == null ? "" : report.message();
        boolean namesItself = message.toLowerCase(Locale.ROOT).startsWith(report.title().toLowerCase(Locale.ROOT));
        return namesItself ? message : report.title() + ". " + message;
    }

    /** The slow step under way ("Deriving the key…"); "" when none. */
    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    /** Why the last try failed; "" when it did not. */
    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    /** Whether the vault is being created or opened (the fields wait). */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    /** Whether the vault is open: the passphrase fields are then cleared, not kept while Tartan runs. */
    public ReadOnlyBooleanProperty openedProperty() {
        return opened;
    }
}
