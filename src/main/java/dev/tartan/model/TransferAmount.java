package dev.tartan.model;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Amounts of money as Plaid's Transfer API writes them: a decimal string with two digits after
 * the point ("12.34"), kept in Tartan as a number of cents, so no amount is ever rounded.
 */
public final class TransferAmount {

    /** The largest amount Tartan accepts: above any network's limit. */
    private static final long MAX_CENTS = 100_000_000_00L;

    private TransferAmount() {
    }

    /** 1234 cents reads "12.34"; -5 reads "-0.05". */
    public static String format(long cents) {
        return BigDecimal.valueOf(cents, 2).toPlainString();
    }

    /**
     * The cents of an amount the user typed ("12.34", "12.3", "12", "$1,200.00"), for {@code what}
     * ("The amount", "The refund"). Refuses, with a sentence for the user, what is not a positive
     * amount of at most two decimals.
     */
    public static long parse(String typed, String what) {
        if (typed == null || typed.isBlank()) {
            throw new IllegalArgumentException(what + " is missing: type it in dollars, as 12.34.");
        }
        String text = typed.strip().replace(",", "");
        if (text.startsWith("$")) {
            text = text.substring(1).strip();
        }
        BigDecimal value;
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " \"" + typed.strip() + "\" is not an amount: type it in dollars, as 12.34.");
        }
        if (value.signum() <= 0) {
            throw new IllegalArgumentException(what + " must be more than $0.00.");
        }
        if (value.scale() > 2 && value.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException(what + " " + typed.strip() + " has more than two decimals: Plaid moves whole cents.");
        }
        BigDecimal cents = value.movePointRight(2).setScale(0, RoundingMode.UNNECESSARY);
        if (cents.compareTo(BigDecimal.valueOf(MAX_CENTS)) > 0) {
            throw new IllegalArgumentException(what + " " + typed.strip() + " is more than any network carries.");
        }
        return cents.longValueExact();
    }

    /** The cents of an amount Plaid wrote ("12.34", "-5.00"); 0 for a missing one. */
    public static long ofPlaid(String amount) {
        if (amount == null || amount.isBlank()) {
            return 0;
        }
        return new BigDecimal(amount.strip()).movePointRight(2).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }
}
