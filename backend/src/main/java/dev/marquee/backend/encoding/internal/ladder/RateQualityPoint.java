package dev.marquee.backend.encoding.internal.ladder;

/**
 * One trial encode: at this resolution and CRF the content needed {@code bitrateBps} and reached this quality
 * against the source at the source's resolution.
 */
public record RateQualityPoint(int width, int height, double crf, long bitrateBps, double ssim, double psnrDb) {

    public double ssimDb() {
        return dev.marquee.backend.encoding.internal.media.QualityScore.ssimToDb(ssim);
    }

    double log2Rate() {
        return Math.log(bitrateBps) / Math.log(2);
    }
}
