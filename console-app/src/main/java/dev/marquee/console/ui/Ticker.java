package dev.marquee.console.ui;

import java.time.Duration;

/** Runs a task every period until cancelled; the app uses a scheduled executor, tests tick by hand. */
@FunctionalInterface
public interface Ticker {

    /** Starts calling {@code task} now and then every {@code period}; closing the result stops it. */
    AutoCloseable every(Duration period, Runnable task);
}
