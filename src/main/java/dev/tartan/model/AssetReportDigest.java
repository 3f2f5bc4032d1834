package dev.tartan.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An asset report as the Assets pane shows it, worked out once from the reply (off the FX thread):
 * its Items and accounts with their figures, each account's daily balances, the owners, and every
 * transaction as a row of the shared transactions table.
 *
 * @param assetReportId  the report's id
 * @param clientReportId the lender's own id, or null
 * @param dateGenerated  when Plaid generated it, or null
 * @param daysRequested  the days of history asked for
 * @param applicant      the applicant's name, or null
 * @param items          the Items in the report
 * @param accounts       every account of every Item, in the report's order
 * @param owners         the people and businesses holding the accounts, each once
 * @param transactions   every transaction of the report, newest first
 * @param withInsights   whether the reply was an Asset Report with Insights (categories, merchants)
 */
public record AssetReportDigest(String assetReportId, String clientReportId, Instant dateGenerated, int daysRequested, String applicant,
                                List<ItemSummary> items, List<AccountSummary> accounts, List<Owner> owners,
                                List<TransactionRow> transactions, boolean withInsights) {

    public AssetReportDigest {
        items = List.copyOf(items);
        accounts = List.copyOf(accounts);
        owners = List.copyOf(owners);
        transactions = List.copyOf(transactions);
    }

    /** One Item of the report. */
    public record ItemSummary(String itemId, String institutionId, String institutionName, Instant lastUpdated, int accounts) {
    }

    /**
     * One account of the report, with what a lender looks at first.
     *
     * @param current        the current balance, or null
     * @param available      the available balance, or null
     * @param daysAvailable  how many days of history the institution had
     * @param averageBalance the mean of the daily balances of the period (the current balance when there are none), or null
     * @param lowestBalance  the lowest daily balance of the period, or null
     * @param balances       one balance per day, oldest first
     * @param ownerNames     the names on the account
     */
    public record AccountSummary(String itemId, String institutionName, String accountId, String name, String mask, String officialName,
                                 String type, String subtype, Double current, Double available, String currency, int daysAvailable,
                                 Double averageBalance, Double lowestBalance, int transactionCount, List<BalancePoint> balances,
                                 List<String> ownerNames) {

        public AccountSummary {
            balances = List.copyOf(balances);
            ownerNames = List.copyOf(ownerNames);
        }

        /** "Plaid Checking ••0000". */
        public String title() {
            return mask == null ? name : name + " \u2022\u2022" + mask;
        }
    }

    /** An account's balance at the end of one day. */
    public record BalancePoint(LocalDate date, double current) {
    }

    /**
     * Someone named on accounts of the report.
     *
     * @param accounts the titles of the accounts they are named on
     */
    public record Owner(List<String> names, List<String> emails, List<String> phoneNumbers, List<String> addresses, List<String> accounts) {
        public Owner {
            names = List.copyOf(names);
            emails = List.copyOf(emails);
            phoneNumbers = List.copyOf(phoneNumbers);
            addresses = List.copyOf(addresses);
            accounts = List.copyOf(accounts);
        }
    }

    /** The account with this id, or null. */
    public AccountSummary account(String accountId) {
        return accounts.stream().filter(account -> account.accountId().equals(accountId)).findFirst().orElse(null);
    }
}
