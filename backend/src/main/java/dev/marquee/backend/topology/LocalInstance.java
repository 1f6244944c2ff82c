package dev.marquee.backend.topology;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * An instance hosted by this process: a {@link Listener} registered in discovery and renewing its lease while
 * it runs. {@link #terminate} closes the listener and stops the heartbeats (the registry evicts it when the
 * lease runs out); {@link #start} opens a new listener on a new port and registers again.
 */
public interface LocalInstance {
    String id();

    String service();

    String region();

    String zone();

    boolean isRunning();

    /** The port while running. */
    Optional<Integer> port();

    Optional<URI> url();

    void start();

    void terminate(String by);

    /** Faults injected on the wire of this instance; see {@link Faults}. */
    Faults faults();

    void injectFaults(Faults faults);

    /**
     * Failures the instance's listener produces for real: every request waits {@code latency} before it is
     * served, and a fraction {@code errorRate} of them is answered with 500. Nothing else in the code asks about
     * them.
     */
    record Faults(double errorRate, Duration latency) {
        public static final Faults NONE = new Faults(0, Duration.ZERO);

        public Faults {
            if (errorRate < 0 || errorRate > 1 || latency.isNegative()) {
                throw new IllegalArgumentException("faults: errorRate must be within 0..1 and latency not negative");
            }
        }

        public boolean any() {
            return errorRate > 0 || latency.isPositive();
        }
    }
}
