package dev.tartan.model;

import java.util.regex.Pattern;

/** Tells what a pasted string is from its shape alone (the token book can tell more). */
public final class IdRecognizer {

    private static final Pattern BASE62_37 = Pattern.compile("[A-Za-z0-9]{37}");
    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern PREFIXED = Pattern.compile("([a-z]+)_[A-Za-z0-9]{6,}");
    private static final Pattern INSTITUTION = Pattern.compile("ins_[0-9]{1,9}");

    private IdRecognizer() {
    }

    public static IdKind recognize(String text) {
        if (text == null || text.isBlank()) {
            return IdKind.UNKNOWN;
        }
        String value = text.trim();
        TokenKind token = TokenKind.of(value);
        if (token != null) {
            return switch (token) {
                case ACCESS -> IdKind.ACCESS_TOKEN;
                case PROCESSOR -> IdKind.PROCESSOR_TOKEN;
                case PUBLIC -> IdKind.PUBLIC_TOKEN;
                case LINK -> IdKind.LINK_TOKEN;
                case USER -> IdKind.USER_TOKEN;
                case ASSET_REPORT -> IdKind.ASSET_REPORT_TOKEN;
                case AUDIT_COPY -> IdKind.AUDIT_COPY_TOKEN;
                case PAYMENT -> IdKind.PAYMENT_TOKEN;
                case RELAY -> IdKind.RELAY_TOKEN;
            };
        }
        if (BASE62_37.matcher(value).matches()) {
            return IdKind.ITEM_OR_ACCOUNT_ID;
        }
        if (INSTITUTION.matcher(value).matches()) {
            return IdKind.INSTITUTION_ID;
        }
        if (UUID.matcher(value).matches()) {
            return IdKind.UUID;
        }
        var prefixed = PREFIXED.matcher(value);
        if (prefixed.matches()) {
            return switch (prefixed.group(1)) {
                // Plaid's reference writes scr_ and entscr_; scrn_ and entscrn_ are read the same.
                case "scr", "scrn" -> IdKind.INDIVIDUAL_SCREENING_ID;
                case "entscr", "entscrn" -> IdKind.ENTITY_SCREENING_ID;
                case "scrhit", "enthit" -> IdKind.SCREENING_HIT_ID;
                case "prg", "entprg" -> IdKind.WATCHLIST_PROGRAM_ID;
                case "idv" -> IdKind.IDENTITY_VERIFICATION_ID;
                case "becusr" -> IdKind.BEACON_USER_ID;
                default -> IdKind.UNKNOWN;
            };
        }
        return IdKind.UNKNOWN;
    }
}
