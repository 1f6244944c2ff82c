package dev.marquee.backend.encoding.internal.media;

/**
 * Full-reference quality of an encode against its source at the source's resolution.
 * SSIM and PSNR because Debian's ffmpeg has no libvmaf.
 *
 * @param ssim  mean SSIM over all planes, 0..1
 * @param psnrDb mean PSNR in dB (capped at {@link #PSNR_IDENTICAL_DB} for identical pictures)
 */
public record QualityScore(double ssim, double psnrDb) {
    /** Stand-in for ffmpeg's "inf" when every frame is identical. */
    public static final double PSNR_IDENTICAL_DB = 100;
    /** SSIM dB of identical pictures: caps the log scale. */
    public static final double SSIM_DB_IDENTICAL = 60;

    /** SSIM on a log scale, {@code -10·log10(1 − SSIM)}: spreads out the range near 1 where encodes differ. */
    public double ssimDb() {
        return ssimToDb(ssim);
    }

    public static double ssimToDb(double ssim) {
        return ssim >= 1 ? SSIM_DB_IDENTICAL : Math.min(SSIM_DB_IDENTICAL, -10 * Math.log10(1 - ssim));
    }
}
