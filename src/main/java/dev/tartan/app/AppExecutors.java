package dev.tartan.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The background threads Tartan owns: bounded, named, daemon, and loud about uncaught failures. */
final class AppExecutors {

    private static final Logger LOG = LoggerFactory.getLogger(AppExecutors.class);

    private AppExecutors() {
    }

    /** For blocking work (the vault, file I/O, parsing): a few threads, a queue for the rest. */
    static ExecutorService io() {
        int threads = Math.max(4, Runtime.getRuntime().availableProcessors() * 2);
        ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), named("tartan-io"));
        executor.allowCoreThreadTimeOut(true);
        // Once Tartan is closing, late work (a view refreshing as the window goes) is dropped, not thrown.
        executor.setRejectedExecutionHandler((task, pool) -> LOG.debug("Dropped background work submitted after shutdown"));
        return executor;
    }

    static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            thread.setUncaughtExceptionHandler(UncaughtFailures.INSTANCE);
            return thread;
        };
    }
}
