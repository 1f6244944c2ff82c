package dev.marquee.backend.topology;

/** Opens {@link Listener}s on the backend's own servlet container. */
public interface Listeners {
    /**
     * Opens a listener on 127.0.0.1 with a free port.
     *
     * @param name            thread-name prefix, e.g. {@code catalog-us-east-1a-1}
     * @param maxThreads      bound of its request thread pool
     * @param maxConnections  connections served at once
     * @throws IllegalStateException when the backend runs without a servlet container (e.g. a test slice)
     */
    Listener open(String name, int maxThreads, int maxConnections);
}
