package dev.marquee.console.ui;

/** A section's view model: it fetches and subscribes while shown, and lets go when closed. */
public interface SectionModel extends AutoCloseable {

    /** Starts polling and streaming; idempotent. */
    void start();

    /** Stops polling and streaming; never throws. */
    @Override
    void close();
}
