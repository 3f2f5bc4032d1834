package dev.tartan.ui.common;

import dev.tartan.model.TextQuery;
import dev.tartan.model.TokenEntry;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.time.Instant;

/**
 * One token-book entry in a pane's list: the entry, its institution's name once known, and, where
 * the pane checks it, what Tartan last saw of its subject's health. Changed on the FX thread.
 */
public final class TokenRow {

    private final ObjectProperty<TokenEntry> entry;
    private final StringProperty institutionName = new SimpleStringProperty();
    private final StringProperty status = new SimpleStringProperty();
    private final ObjectProperty<Instant> checkedAt = new SimpleObjectProperty<>();

    public TokenRow(TokenEntry entry) {
        this.entry = new SimpleObjectProperty<>(entry);
    }

    public TokenEntry entry() {
        return entry.get();
    }

    public ReadOnlyObjectProperty<TokenEntry> entryProperty() {
        return entry;
    }

    /** The entry as the book now keeps it (a label or an account learnt, a token rotated). */
    public void update(TokenEntry kept) {
        entry.set(kept);
    }

    /** The institution's name, or null until it is known (the book keeps only its id). */
    public ReadOnlyStringProperty institutionNameProperty() {
        return institutionName;
    }

    public void nameInstitution(String name) {
        institutionName.set(name);
    }

    /** How lists name the institution: its name once known, else its id; null when the book has none. */
    public String institution() {
        return institutionName.get() != null ? institutionName.get() : entry().institution();
    }

    /** "healthy", an error code, or null when not checked yet. */
    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    public ReadOnlyObjectProperty<Instant> checkedAtProperty() {
        return checkedAt;
    }

    /** What Tartan saw of the subject's health at {@code at}. */
    public void noteStatus(String seen, Instant at) {
        status.set(seen);
        checkedAt.set(at);
    }

    /** The name the entry goes by: its label, else its institution, else its masked value. */
    public String displayName() {
        TokenEntry current = entry();
        if (current.label() != null && !current.label().isBlank()) {
            return current.label();
        }
        return institution() != null ? institution() : current.maskedValue();
    }

    /** Words of the label, ids, institution, profile, environment and status; or the whole token. */
    public boolean matches(TextQuery query) {
        TokenEntry current = entry();
        return query.isExactly(current.value()) || query.matches(current.label(), current.ownerId(), current.institution(),
                institutionName.get(), current.profile(), current.environment(), status.get(), current.maskedValue());
    }
}
