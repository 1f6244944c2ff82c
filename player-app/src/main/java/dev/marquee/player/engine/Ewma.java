package dev.marquee.player.engine;

/**
 * An exponentially weighted moving average whose samples carry a weight (here: seconds of transfer),
 * so that a long download counts more than a short one. Package-private helper of
 * {@link EwmaBandwidthEstimator}.
 */
final class Ewma {

    private final double alpha;
    private double estimate;
    private double totalWeight;

    /** @param halfLifeS weight (seconds of samples) after which an old sample counts half */
    Ewma(double halfLifeS) {
        if (!(halfLifeS > 0)) {
            throw new IllegalArgumentException("half-life must be positive, was " + halfLifeS);
        }
        this.alpha = Math.exp(Math.log(0.5) / halfLifeS);
    }

    void sample(double weight, double value) {
        double adjustedAlpha = Math.pow(alpha, weight);
        estimate = value * (1 - adjustedAlpha) + adjustedAlpha * estimate;
        totalWeight += weight;
    }

    /** The average, corrected for the zero it started from (so early values are not biased low). */
    double estimate() {
        double zeroFactor = 1 - Math.pow(alpha, totalWeight);
        return zeroFactor > 0 ? estimate / zeroFactor : 0;
    }

    void reset() {
        estimate = 0;
        totalWeight = 0;
    }
}
