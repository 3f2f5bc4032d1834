package dev.tartan.ui.assets;

import dev.tartan.model.AssetReportDigest;
import dev.tartan.model.TokenEntry;
import dev.tartan.service.FailureDescriber;
import dev.tartan.ui.common.FormViewModel;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The "Filter accounts" form: the report's accounts, each ticked to be left out of a new report
 * (an account that does not belong to the applicant, say). Used on the FX thread.
 */
public final class FilterFormViewModel extends FormViewModel<TokenEntry> {

    private final List<AssetReportDigest.AccountSummary> accounts;
    private final Map<String, BooleanProperty> excluded = new LinkedHashMap<>();
    private final ObservableList<String> excludedIds = FXCollections.observableArrayList();
    private final Function<List<String>, CompletableFuture<TokenEntry>> filter;
    private final Consumer<TokenEntry> onMade;

    FilterFormViewModel(List<AssetReportDigest.AccountSummary> accounts, Function<List<String>, CompletableFuture<TokenEntry>> filter,
                        Consumer<TokenEntry> onMade) {
        super(FailureDescriber::describe);
        this.accounts = List.copyOf(accounts);
        this.filter = filter;
        this.onMade = onMade;
        for (AssetReportDigest.AccountSummary account : this.accounts) {
            BooleanProperty tick = new SimpleBooleanProperty();
            tick.addListener((obs, was, now) -> {
                excludedIds.remove(account.accountId());
                if (now) {
                    excludedIds.add(account.accountId());
                }
            });
            excluded.put(account.accountId(), tick);
        }
        problemIs(() -> this.accounts.isEmpty() ? "The report's accounts are not loaded yet."
                : excludedIds.isEmpty() ? "Tick the accounts to leave out of the new report."
                : excludedIds.size() == this.accounts.size() ? "Leave at least one account in the report." : "", excludedIds);
    }

    /** The report's accounts, in its order. */
    public List<AssetReportDigest.AccountSummary> accounts() {
        return accounts;
    }

    /** Whether an account is left out of the new report. */
    public BooleanProperty excludedProperty(String accountId) {
        return excluded.get(accountId);
    }

    @Override
    public void submit() {
        List<String> chosen = List.copyOf(excludedIds);
        submission().submit("Asking Plaid for the filtered report\u2026", () -> filter.apply(chosen), onMade);
    }
}
