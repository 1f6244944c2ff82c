package dev.marquee.player.engine;

/**
 * Bandwidth estimate from two weighted moving averages of segment throughput, a fast and a slow one,
 * reporting the lower: it adapts down quickly and up slowly. Samples are weighted by their transfer
 * time, so one long download outweighs a burst of short ones. It does not look at the buffer; that is
 * the {@link AbrManager}'s business.
 */
public final class EwmaBandwidthEstimator implements BandwidthEstimator {

    /** Half-life of the fast average in seconds of transfer: follows a drop within about one segment. */
    public static final double FAST_HALF_LIFE_S = 2.0;
    /** Half-life of the slow average in seconds of transfer: a rise must last a few segments to count. */
    public static final double SLOW_HALF_LIFE_S = 5.0;
    /** Transfers smaller than this say more about latency than bandwidth; they are ignored. */
    public static final long MIN_SAMPLE_BYTES = 16_000;
    /** Below this many bytes sampled in total the estimate is the default (one segment is rarely enough). */
    public static final long MIN_TOTAL_BYTES = 128_000;
    /** Estimate used before enough was sampled: a modest 1 Mbit/s, so start-up picks a low-middle rung. */
    public static final long DEFAULT_ESTIMATE_BPS = 1_000_000;

    private static final double MICROS_PER_SECOND = 1e6;
    private static final int BITS_PER_BYTE = 8;

    private final Ewma fast = new Ewma(FAST_HALF_LIFE_S);
    private final Ewma slow = new Ewma(SLOW_HALF_LIFE_S);
    private final long defaultEstimateBps;
    private long bytesSampled;

    public EwmaBandwidthEstimator() {
        this(DEFAULT_ESTIMATE_BPS);
    }

    /** @param defaultEstimateBps what to report until enough bytes were sampled */
    public EwmaBandwidthEstimator(long defaultEstimateBps) {
        if (defaultEstimateBps <= 0) {
            throw new IllegalArgumentException("default estimate must be positive, was " + defaultEstimateBps);
        }
        this.defaultEstimateBps = defaultEstimateBps;
    }

    @Override
    public void sample(long durationUs, long bytes) {
        if (bytes < MIN_SAMPLE_BYTES || durationUs <= 0) {
            return;
        }
        double durationS = durationUs / MICROS_PER_SECOND;
        double bps = bytes * BITS_PER_BYTE / durationS;
        fast.sample(durationS, bps);
        slow.sample(durationS, bps);
        bytesSampled += bytes;
    }

    @Override
    public long estimateBps() {
        if (!hasGoodEstimate()) {
            return defaultEstimateBps;
        }
        return Math.round(Math.min(fast.estimate(), slow.estimate()));
    }

    @Override
    public boolean hasGoodEstimate() {
        return bytesSampled >= MIN_TOTAL_BYTES;
    }

    @Override
    public void reset() {
        fast.reset();
        slow.reset();
        bytesSampled = 0;
    }
}
