package dev.tartan.model;

import java.util.List;

/**
 * What an Asset Report with Insights adds, summed up for a lender: money in and out over the
 * period, by category and by merchant.
 *
 * @param inflow     money into the accounts over the period (a positive sum)
 * @param outflow    money out of them (a positive sum)
 * @param currency   the currency of the sums when the report has one, else null
 * @param categories by credit category (primary), the largest outflow first
 * @param merchants  by merchant, the largest outflow first
 * @param uncategorized transactions with no category
 */
public record AssetReportInsights(double inflow, double outflow, String currency, List<Total> categories, List<Total> merchants,
                                  int uncategorized) {

    public AssetReportInsights {
        categories = List.copyOf(categories);
        merchants = List.copyOf(merchants);
    }

    /** The transactions of one category or merchant: how many, money in, money out. */
    public record Total(String name, int count, double inflow, double outflow) {
    }
}
