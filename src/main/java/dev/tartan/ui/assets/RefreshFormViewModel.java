package dev.tartan.ui.assets;

import dev.tartan.model.TokenEntry;
import dev.tartan.service.AssetReportService;
import dev.tartan.service.FailureDescriber;
import dev.tartan.ui.common.FormViewModel;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;

/** The "Refresh" form: a new report over the same Items with today's data, for this many days. Used on the FX thread. */
public final class RefreshFormViewModel extends FormViewModel<TokenEntry> {

    /** The most days of history a report may ask for. */
    public static final int MAX_DAYS = AssetReportService.MAX_DAYS;

    private final IntegerProperty days;
    private final Function<Integer, CompletableFuture<TokenEntry>> refresh;
    private final Consumer<TokenEntry> onMade;

    RefreshFormViewModel(int days, Function<Integer, CompletableFuture<TokenEntry>> refresh, Consumer<TokenEntry> onMade) {
        super(FailureDescriber::describe);
        this.days = new SimpleIntegerProperty(days);
        this.refresh = refresh;
        this.onMade = onMade;
        problemIs(() -> this.days.get() < 0 || this.days.get() > AssetReportService.MAX_DAYS
                ? "Days of history: from 0 to " + AssetReportService.MAX_DAYS + "." : "", this.days);
    }

    /** The days of history of the new report (the old report's to start with). */
    public IntegerProperty daysProperty() {
        return days;
    }

    @Override
    public void submit() {
        int chosen = days.get();
        submission().submit("Asking Plaid for a refreshed report\u2026", () -> refresh.apply(chosen), onMade);
    }
}
