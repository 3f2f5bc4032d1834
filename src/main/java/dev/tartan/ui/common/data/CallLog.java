package dev.tartan.ui.common.data;

import dev.tartan.model.CallRecord;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The calls a pane made for the subject it shows, newest first, for its "Raw JSON" tab. Keeps the
 * newest {@value #CAPACITY}: a first sync of a large Item makes hundreds of page calls, and the
 * request history in the vault keeps them all anyway. Used on the FX thread.
 */
public final class CallLog {

    static final int CAPACITY = 50;

    private final ObservableList<CallRecord> records = FXCollections.observableArrayList();

    public void add(CallRecord call) {
        records.add(0, call);
        if (records.size() > CAPACITY) {
            records.remove(CAPACITY, records.size());
        }
    }

    public void clear() {
        records.clear();
    }

    public ObservableList<CallRecord> records() {
        return records;
    }
}
