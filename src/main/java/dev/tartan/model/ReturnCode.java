package dev.tartan.model;

/**
 * A NACHA return reason code, for reporting a returned debit to Signal.
 *
 * @param code              e.g. R01
 * @param description       what the bank said
 * @param customerInitiated whether the account holder asked for it (else the bank returned it on its own)
 */
public record ReturnCode(String code, String description, boolean customerInitiated) {
}
