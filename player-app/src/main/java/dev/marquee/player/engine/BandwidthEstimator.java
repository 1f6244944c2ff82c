package dev.marquee.player.engine;

/**
 * Turns completed transfers into one network bandwidth estimate.
 * It measures nothing itself: its owner (the {@link AbrManager}) feeds it one sample per finished
 * segment download, on the streaming engine's thread. Implementations need not be thread-safe.
 */
public interface BandwidthEstimator {

    /**
     * Records one transfer.
     *
     * @param durationUs wall time of the transfer in microseconds, request sent to last byte
     * @param bytes      payload bytes received
     */
    void sample(long durationUs, long bytes);

    /** The current estimate in bits per second (a default until {@link #hasGoodEstimate()}). */
    long estimateBps();

    /** Whether enough data was sampled for {@link #estimateBps()} to mean something. */
    boolean hasGoodEstimate();

    /** Forgets every sample (new presentation, new network). */
    void reset();
}
