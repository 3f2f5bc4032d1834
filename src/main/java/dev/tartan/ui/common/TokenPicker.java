package dev.tartan.ui.common;

import dev.tartan.model.TokenEntry;
import dev.tartan.model.TokenKind;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import javafx.scene.control.ComboBox;
import javafx.util.StringConverter;

/**
 * A token field of a form: picks one of the token book's tokens (shown by label, masked value and
 * institution, never whole) or takes a pasted one, and keeps the token itself in {@code value}.
 */
public final class TokenPicker {

    private TokenPicker() {
    }

    /** How a token shows in a picker: "Label  access-sandbox-…1234  · ins_109508". */
    public static String describe(TokenEntry token) {
        return (token.label() == null ? "" : token.label() + "  ") + token.maskedValue()
                + (token.institution() == null ? "" : "  \u00b7 " + token.institution());
    }

    /**
     * An editable combo box over {@code tokens} bound to {@code value} (the whole token): picking one
     * puts its token in {@code value}; a pasted token is taken as it is (and then shown masked).
     */
    public static ComboBox<TokenEntry> of(String id, ObservableList<TokenEntry> tokens, StringProperty value, TokenKind kind) {
        ComboBox<TokenEntry> box = new ComboBox<>(tokens);
        box.setId(id);
        box.setEditable(true);
        box.setMaxWidth(Double.MAX_VALUE);
        box.setPromptText("pick from the token book, or paste " + (kind == null ? "a token" : withArticle(kind.displayName())));
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(TokenEntry entry) {
                return entry == null ? "" : describe(entry);
            }

            @Override
            public TokenEntry fromString(String text) {
                if (text == null || text.isBlank()) {
                    return null;
                }
                for (TokenEntry token : tokens) {
                    if (describe(token).equals(text) || token.value().equals(text.strip())) {
                        return token;
                    }
                }
                return TokenKind.of(text.strip()) != null ? TokenEntry.of(text.strip(), null, null) : null;
            }
        });
        boolean[] following = {false};
        Runnable show = () -> {
            following[0] = true;
            try {
                box.setValue(entryFor(tokens, value.get()));
            } finally {
                following[0] = false;
            }
        };
        box.valueProperty().addListener((obs, old, picked) -> {
            if (!following[0]) {
                value.set(picked == null ? "" : picked.value());
            }
        });
        value.addListener((obs, old, now) -> show.run());
        tokens.addListener((javafx.collections.ListChangeListener<TokenEntry>) change -> show.run());
        show.run();
        return box;
    }

    private static TokenEntry entryFor(ObservableList<TokenEntry> tokens, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        for (TokenEntry token : tokens) {
            if (token.value().equals(value)) {
                return token;
            }
        }
        return TokenKind.of(value) != null ? TokenEntry.of(value, null, null) : null;
    }

    private static String withArticle(String noun) {
        String lower = noun.toLowerCase(java.util.Locale.ROOT);
        return ("aeiou".indexOf(lower.charAt(0)) >= 0 ? "an " : "a ") + lower;
    }
}
