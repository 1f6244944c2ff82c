package dev.marquee.model.catalog;

/**
 * One rung of a title's published ladder.
 *
 * @param codecs        RFC 6381 codecs string, e.g. {@code avc1.64001f,mp4a.40.2}
 * @param qualityMetric "VMAF", or "SSIM" where the encoder had no libvmaf
 */
public record RenditionView(
        int width,
        int height,
        long bitrateBps,
        String codecs,
        double qualityScore,
        String qualityMetric) {}
