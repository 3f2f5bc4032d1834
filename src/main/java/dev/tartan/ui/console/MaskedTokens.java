package dev.tartan.ui.console;

import dev.tartan.model.Masking;
import dev.tartan.model.TokenKind;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * The request editor's tokens: shown masked, so a screen share or a screenshot of the console
 * gives none away, and sent whole. Remembers the token behind each mask it made; a token whose
 * mask already stands for another token stays whole, so a mask always means one token.
 */
final class MaskedTokens {

    private final Map<String, String> tokenByMask = new HashMap<>();

    /** The text with each token in it masked; the tokens are remembered for {@link #unmask}. */
    String mask(String text) {
        Matcher tokens = TokenKind.TOKEN.matcher(text);
        StringBuilder out = new StringBuilder();
        while (tokens.find()) {
            String token = tokens.group();
            String mask = Masking.maskToken(token);
            String known = tokenByMask.putIfAbsent(mask, token);
            tokens.appendReplacement(out, Matcher.quoteReplacement(known == null || known.equals(token) ? mask : token));
        }
        tokens.appendTail(out);
        return out.toString();
    }

    /** The text with each mask this made replaced by its token; other masks stay as they are. */
    String unmask(String text) {
        Matcher masks = Masking.MASKED_TOKEN.matcher(text);
        StringBuilder out = new StringBuilder();
        while (masks.find()) {
            masks.appendReplacement(out, Matcher.quoteReplacement(tokenByMask.getOrDefault(masks.group(), masks.group())));
        }
        masks.appendTail(out);
        return out.toString();
    }

    /** Stops filling in these masks: they stand for no token any more. */
    void forget(java.util.Collection<String> masks) {
        masks.forEach(tokenByMask::remove);
    }

    /** Stops filling in every mask made so far. */
    void forgetAll() {
        tokenByMask.clear();
    }

    /** The masks in the text with no token behind them: edited ones, or ones copied from elsewhere. */
    List<String> unknownMasks(String text) {
        List<String> unknown = new ArrayList<>();
        Matcher masks = Masking.MASKED_TOKEN.matcher(text);
        while (masks.find()) {
            if (!tokenByMask.containsKey(masks.group())) {
                unknown.add(masks.group());
            }
        }
        return unknown;
    }
}
