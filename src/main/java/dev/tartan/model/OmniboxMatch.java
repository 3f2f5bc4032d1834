package dev.tartan.model;

import java.util.List;

/**
 * What the omnibox found for a pasted text: what it is, the token-book entries that mention it,
 * and the places to open it, best first.
 *
 * @param value        the text as looked up (trimmed)
 * @param destinations where it can be opened, best first
 * @param note         why there is nowhere to open it, for the kinds no Plaid call looks up on their own; else null
 */
public record OmniboxMatch(IdKind kind, String value, List<TokenEntry> known, List<OmniboxDestination> destinations, String note) {
}
