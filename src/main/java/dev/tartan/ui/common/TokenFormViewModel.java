package dev.tartan.ui.common;

import dev.tartan.model.FailureReport;
import dev.tartan.model.TokenEntry;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.function.Function;

/** A form whose action puts a token in the token book (made or pasted), under a label the user may give it. */
public abstract class TokenFormViewModel extends FormViewModel<TokenEntry> {

    private final StringProperty label = new SimpleStringProperty("");

    protected TokenFormViewModel(Function<Throwable, FailureReport> describe) {
        super(describe);
    }

    /** The name the token gets in the token book; blank for the default. */
    public final StringProperty labelProperty() {
        return label;
    }

    /** The label typed, trimmed; null when blank. */
    protected final String labelOrNull() {
        String text = label.get();
        return text == null || text.isBlank() ? null : text.strip();
    }
}
