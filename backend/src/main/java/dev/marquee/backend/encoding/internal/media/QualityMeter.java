package dev.marquee.backend.encoding.internal.media;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures SSIM and PSNR of an encode against its reference with ffmpeg's {@code ssim} and {@code psnr} filters,
 * scaling the encode up to the reference's size first (quality as a viewer sees it at the display size, the
 * Netflix convention).
 */
public final class QualityMeter {
    private static final Pattern SSIM_ALL = Pattern.compile("SSIM .*All:([0-9.]+)");
    private static final Pattern PSNR_AVERAGE = Pattern.compile("PSNR .*average:([0-9.]+|inf)");

    private final FfmpegRunner runner;
    private final int threads;

    public QualityMeter(FfmpegRunner runner, int threads) {
        this.runner = runner;
        this.threads = threads;
    }

    /**
     * @param referenceWidth  size the encode is scaled to before comparing (the reference's size)
     * @param durationSeconds media duration, for progress as a share 0..1
     */
    public QualityScore measure(Path encoded, Path reference, int referenceWidth, int referenceHeight,
            double durationSeconds, DoubleConsumer progress) throws IOException, InterruptedException {
        String graph = String.format(Locale.ROOT,
                "[0:v]scale=%d:%d:flags=bicubic,format=yuv420p,setpts=PTS-STARTPTS[d];"
                        + "[1:v]format=yuv420p,setpts=PTS-STARTPTS[r];"
                        + "[d]split[d1][d2];[r]split[r1][r2];[d1][r1]ssim;[d2][r2]psnr",
                referenceWidth, referenceHeight);
        List<String> args = new ArrayList<>(List.of("-threads", Integer.toString(threads),
                "-i", encoded.toString(), "-i", reference.toString(),
                "-filter_complex", graph, "-filter_complex_threads", Integer.toString(threads), "-f", "null", "-"));
        var result = runner.ffmpeg(args, p -> progress.accept(Math.min(1, p.outTime().toNanos() / 1e9 / durationSeconds)));
        return parse(result.stderr());
    }

    static QualityScore parse(List<String> stderr) throws FfmpegException {
        Double ssim = null;
        Double psnr = null;
        for (String line : stderr) {
            Matcher s = SSIM_ALL.matcher(line);
            if (s.find()) ssim = Double.parseDouble(s.group(1));
            Matcher p = PSNR_AVERAGE.matcher(line);
            if (p.find()) psnr = p.group(1).equals("inf") ? QualityScore.PSNR_IDENTICAL_DB : Double.parseDouble(p.group(1));
        }
        if (ssim == null || psnr == null) {
            throw new FfmpegException("no SSIM/PSNR summary in ffmpeg's output: " + FfmpegRunner.lastLines(stderr, 3));
        }
        return new QualityScore(ssim, Math.min(psnr, QualityScore.PSNR_IDENTICAL_DB));
    }
}
