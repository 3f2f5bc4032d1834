package dev.tartan.emulator.transfer;

import dev.tartan.emulator.wire.PlaidErrors;

import java.util.regex.Pattern;

/** Amounts as Transfer writes them: decimal strings with two digits of precision, kept as whole cents. */
final class Money {
    private static final Pattern AMOUNT = Pattern.compile("\\d{1,13}(\\.\\d{1,2})?");

    private Money() {
    }

    /** The cents of a positive amount in request field {@code field}; anything else is INVALID_FIELD naming it. */
    static long cents(String field, String text) {
        if (text == null || !AMOUNT.matcher(text).matches()) {
            throw PlaidErrors.invalidField(field + " must be a decimal string with two digits of precision, such as \"10.00\"");
        }
        int dot = text.indexOf('.');
        long cents = dot < 0 ? Long.parseLong(text) * 100
                : Long.parseLong(text.substring(0, dot)) * 100 + Long.parseLong((text.substring(dot + 1) + "0").substring(0, 2));
        if (cents == 0) {
            throw PlaidErrors.invalidField(field + " must be greater than 0.00");
        }
        return cents;
    }

    /** {@code 1234} as {@code "12.34"}, {@code -550} as {@code "-5.50"}. */
    static String format(long cents) {
        long whole = Math.abs(cents);
        return (cents < 0 ? "-" : "") + whole / 100 + "." + (whole % 100 < 10 ? "0" : "") + whole % 100;
    }
}
