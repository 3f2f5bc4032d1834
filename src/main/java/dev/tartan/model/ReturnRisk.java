package dev.tartan.model;

/**
 * One of Signal's two return-risk scores for a planned ACH debit, with what it means.
 *
 * @param title       "Customer-initiated return risk" or "Bank-initiated return risk"
 * @param meaning     what this kind of return is, in plain words
 * @param score       Plaid's score, 1 (safest) to 99, or null when the reply had none
 * @param tier        the risk tier, 1 (lowest) to {@code tierCount}, or null
 * @param tierCount   how many tiers this score has (5 for customer-initiated, 8 for bank-initiated)
 * @param incidence   the share of such debits Plaid expects back in this tier ("0.05% to 0.1%"), or null
 * @param level       the tier as a coarse level, for colour
 * @param implication what the tier suggests doing
 */
public record ReturnRisk(String title, String meaning, Integer score, Integer tier, int tierCount, String incidence,
                         RiskLevel level, String implication) {
}
