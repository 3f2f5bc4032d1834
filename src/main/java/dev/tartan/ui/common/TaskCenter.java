package dev.tartan.ui.common;

import dev.tartan.model.ProgressSink;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Every piece of long work the user started, while it runs: the status bar lists them with their
 * progress and a cancel button. Cancelling cancels the work's future, which cancels its HTTP call.
 */
public final class TaskCenter {

    private final ObservableList<Task> running = FXCollections.observableArrayList();
    private final ObservableList<Task> readOnly = FXCollections.unmodifiableObservableList(running);

    /** The tasks under way, newest last. Changed on the FX thread only. */
    public ObservableList<Task> running() {
        return readOnly;
    }

    /** Tracks work that reports no progress. */
    public <T> CompletableFuture<T> run(String title, Supplier<CompletableFuture<T>> work) {
        return run(title, progress -> work.get());
    }

    /** Tracks work that reports its progress to the sink it is given. */
    public <T> CompletableFuture<T> run(String title, Function<ProgressSink, CompletableFuture<T>> work) {
        Task task = new Task(title);
        CompletableFuture<T> future = work.apply(task);
        task.future = future;
        FxAsync.runOnFx(() -> {
            if (!future.isDone()) {
                running.add(task);
            }
        });
        future.whenComplete((value, error) -> FxAsync.runOnFx(() -> running.remove(task)));
        return future;
    }

    /** Cancels everything under way (on exit, on switching profile). */
    public void cancelAll() {
        for (Task task : running.toArray(new Task[0])) {
            task.cancel();
        }
    }

    /** One tracked piece of work: its title, progress (negative while unknown), latest message. */
    public static final class Task implements ProgressSink {
        private final String title;
        private final DoubleProperty progress = new SimpleDoubleProperty(-1);
        private final StringProperty message = new SimpleStringProperty("");
        private volatile CompletableFuture<?> future;

        private Task(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }

        public ReadOnlyDoubleProperty progressProperty() {
            return progress;
        }

        public ReadOnlyStringProperty messageProperty() {
            return message;
        }

        public void cancel() {
            CompletableFuture<?> f = future;
            if (f != null) {
                f.cancel(true);
            }
        }

        @Override
        public void report(long done, long total, String text) {
            double fraction = total > 0 ? Math.min(1.0, (double) done / total) : -1;
            FxAsync.runOnFx(() -> {
                progress.set(fraction);
                if (text != null) {
                    message.set(text);
                }
            });
        }
    }
}
