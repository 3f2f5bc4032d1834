package dev.tartan.ui.processor;

import dev.tartan.model.TransactionsPage;
import dev.tartan.service.ProcessorAccountService;
import dev.tartan.ui.common.data.Outcome;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.time.LocalDate;

/** The "Transactions by date" form: a date range and a page size, and the page of /processor/transactions/get shown. */
public final class TransactionsByDateViewModel {

    static final String NOT_YET = "Choose the dates and press Get: /processor/transactions/get returns the token's "
            + "transactions of that range, newest first, a page at a time.";
    static final int DEFAULT_PAGE_SIZE = 100;
    static final int DEFAULT_DAYS = 30;

    private final ProcessorViewModel owner;
    private final ProcessorAccountService service;
    private final ObjectProperty<LocalDate> start = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> end = new SimpleObjectProperty<>();
    private final ObjectProperty<Integer> pageSize = new SimpleObjectProperty<>(DEFAULT_PAGE_SIZE);
    private final ObjectProperty<Outcome<TransactionsPage>> page = new SimpleObjectProperty<>(Outcome.empty(NOT_YET));

    TransactionsByDateViewModel(ProcessorViewModel owner, ProcessorAccountService service) {
        this.owner = owner;
        this.service = service;
        LocalDate today = LocalDate.now();
        end.set(today);
        start.set(today.minusDays(DEFAULT_DAYS));
    }

    /** A new token is open: no page of it is shown; the range stays, to read the same dates of this token. */
    void reset() {
        page.set(Outcome.empty(NOT_YET));
    }

    /** The first page of the range. */
    public void get() {
        load(0);
    }

    /** The page after the one shown. */
    public void next() {
        TransactionsPage shown = page.get().data();
        if (shown != null && shown.hasNext()) {
            load(shown.offset() + shown.count());
        }
    }

    /** The page before the one shown. */
    public void previous() {
        TransactionsPage shown = page.get().data();
        if (shown != null && shown.hasPrevious()) {
            load(Math.max(0, shown.offset() - shown.count()));
        }
    }

    private void load(int offset) {
        LocalDate from = start.get();
        LocalDate to = end.get();
        int count = pageSize.get() == null ? DEFAULT_PAGE_SIZE : pageSize.get();
        owner.run(page, "Getting transactions", (token, log) -> service.transactionsPage(token.profile(), token.value(), from, to,
                offset, count, log), shown -> { });
    }

    public ObjectProperty<LocalDate> startProperty() {
        return start;
    }

    public ObjectProperty<LocalDate> endProperty() {
        return end;
    }

    public ObjectProperty<Integer> pageSizeProperty() {
        return pageSize;
    }

    public ReadOnlyObjectProperty<Outcome<TransactionsPage>> pageProperty() {
        return page;
    }
}
