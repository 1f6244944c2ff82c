package dev.marquee.backend.encoding;

/**
 * One rung as the quality gate judged it.
 *
 * @param name            directory of the rung in the origin, e.g. {@code 720p-2400k}
 * @param bitrateBps      measured average bitrate of the encoded rung (video + audio)
 * @param targetSsim      the gate's threshold: the planner's prediction less its tolerance
 * @param qualityMetric   the metric that gated the rung: "SSIM" (Debian's ffmpeg has no libvmaf); PSNR is reported alongside
 * @param outcome         PASSED, PASSED_AFTER_REENCODE or DROPPED
 */
public record RungReport(
        String name,
        int width,
        int height,
        long bitrateBps,
        double crf,
        double ssim,
        double psnrDb,
        double targetSsim,
        String qualityMetric,
        String outcome) {

    public static final String PASSED = "PASSED";
    public static final String PASSED_AFTER_REENCODE = "PASSED_AFTER_REENCODE";
    public static final String DROPPED = "DROPPED";
}
