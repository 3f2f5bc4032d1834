package dev.tartan.ui.common;

import dev.tartan.concurrent.Futures;
import javafx.application.Platform;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The one way results come back to the FX thread. Services complete their futures on their own
 * threads; views hand those futures here with what to do on success and on failure, and both run
 * on the FX thread. A cancelled future calls neither: the user asked for nothing more.
 */
public final class FxAsync {

    private FxAsync() {
    }

    public static <T> void whenDone(CompletableFuture<T> future, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        future.whenComplete((value, error) -> runOnFx(() -> {
            if (future.isCancelled() || Futures.unwrap(error) instanceof CancellationException) {
                return;
            }
            if (error != null) {
                onFailure.accept(Futures.unwrap(error));
            } else {
                onSuccess.accept(value);
            }
        }));
    }

    /** Runs {@code action} on the FX thread: now if already there, else soon. */
    public static void runOnFx(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }
}
