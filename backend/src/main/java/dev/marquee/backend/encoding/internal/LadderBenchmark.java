package dev.marquee.backend.encoding.internal;

import dev.marquee.backend.encoding.internal.ComplexityAnalyser.Analysis;
import dev.marquee.backend.encoding.internal.ladder.PlannedRung;
import dev.marquee.backend.encoding.internal.media.FfmpegRunner;
import dev.marquee.backend.encoding.internal.media.MediaProbe;
import dev.marquee.backend.encoding.internal.media.Prober;
import dev.marquee.backend.encoding.internal.media.QualityMeter;
import dev.marquee.backend.encoding.internal.media.QualityScore;
import dev.marquee.backend.encoding.internal.media.X264Encoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./marquee bench ladder}: bits the per-title ladder needs for the same quality as a fixed reference ladder,
 * on the sample titles. The reference is Apple's HLS authoring-spec H.264 ladder (145k 416×234 … 4.5M 1280×720),
 * capped at the master's height, encoded as classic fixed-ladder ABR; the per-title ladder is planned and encoded
 * exactly as the encoder does (capped CRF). Both use the same preset and GOP, video only, on an excerpt of each
 * title, scored with SSIM against the excerpt at the master's size. The figure is a BD-rate: the mean difference in
 * log bitrate between the two rate–quality curves over the quality range both cover (SSIM dB), as a saving.
 * Where that is impossible (one-point curves, quality ranges that do not overlap) it falls back to bits at matched
 * quality (see {@link #matchedQualitySaving}), and says so. A plain main: no Spring context.
 */
public final class LadderBenchmark {
    /** Apple HLS authoring specification, H.264 16:9 ladder up to 720p: {height, kbit/s}. */
    static final int[][] REFERENCE_LADDER = {{234, 145}, {360, 365}, {432, 730}, {432, 1100}, {540, 2000}, {720, 3000}, {720, 4500}};
    static final Duration EXCERPT = Duration.ofSeconds(8);
    static final String PRESET = "superfast";
    static final int THREADS = 2;

    record Point(int height, long bitrateBps, double ssimDb) {}

    record Result(String title, List<Point> perTitle, List<Point> reference, double saving, String method) {}

    public static void main(String[] args) throws Exception {
        Path home = Path.of(System.getProperty("marquee.home", System.getProperty("user.home") + "/.marquee"));
        Path dir = home.resolve("bench/ladder");
        Files.createDirectories(dir);
        System.out.println("Ladder benchmark: per-title (convex hull) vs Apple HLS authoring-spec fixed ladder (145k–4.5M, capped at the master)");
        System.out.printf(Locale.ROOT, "x264 preset %s, %d s excerpt per title, quality metric SSIM (no libvmaf in this ffmpeg)%n%n",
                PRESET, EXCERPT.toSeconds());
        try (FfmpegRunner runner = new FfmpegRunner("ffmpeg", "ffprobe")) {
            X264Encoder encoder = new X264Encoder(runner, THREADS);
            QualityMeter meter = new QualityMeter(runner, THREADS);
            Prober prober = new Prober(runner, JsonMapper.builder().build());
            ComplexityAnalyser analyser = new ComplexityAnalyser(encoder, meter);
            List<Result> results = new ArrayList<>();
            for (SampleTitles.Sample sample : SampleTitles.STANDARD) {
                Path master = home.resolve("samples").resolve(sample.slug() + ".mp4");
                if (!Files.isRegularFile(master)) {
                    master = dir.resolve(sample.slug() + ".mp4");
                    if (!Files.isRegularFile(master)) {
                        System.out.println("generating master " + sample.slug() + " ...");
                        SampleTitles.generateMaster(runner, sample, master, THREADS);
                    }
                }
                results.add(bench(sample.metadata().title(), master, dir.resolve(sample.slug()), encoder, meter, prober, analyser));
                print(results.getLast());
            }
            double mean = results.stream().mapToDouble(Result::saving).average().orElse(0);
            System.out.printf(Locale.ROOT, "%nAverage saving at equal quality: %.1f %% over %d titles (target >= 25 %%)%n",
                    mean * 100, results.size());
        }
    }

    static Result bench(String title, Path master, Path work, X264Encoder encoder, QualityMeter meter, Prober prober,
            ComplexityAnalyser analyser) throws Exception {
        Files.createDirectories(work);
        MediaProbe full = prober.probe(master, f -> { });
        double seconds = Math.min(EXCERPT.toMillis() / 1000.0, full.durationSeconds());
        Path excerpt = work.resolve("excerpt.mkv");
        encoder.extractExcerpt(master, full.durationSeconds(), seconds, excerpt);
        MediaProbe probe = prober.probe(excerpt, f -> { });
        var profile = new EncodingProperties.Profile("bench", PRESET, EXCERPT, 3, EncodingProperties.STANDARD_TRIAL_CRFS);
        Analysis analysis = analyser.analyse(excerpt, probe, profile, work.resolve("analysis"), f -> { });

        List<Point> perTitle = new ArrayList<>();
        for (PlannedRung rung : analysis.ladder()) {
            perTitle.add(encode(encoder, meter, excerpt, probe, rung.width(), rung.height(), rung.crf(), rung.targetBitrateBps(), work));
        }
        List<Point> reference = new ArrayList<>();
        for (int[] r : REFERENCE_LADDER) {
            if (r[0] > probe.height()) continue;
            int width = ComplexityAnalyser.even((int) Math.round((double) probe.width() * r[0] / probe.height()));
            reference.add(encode(encoder, meter, excerpt, probe, width, r[0], null, r[1] * 1000L, work));
        }
        if (reference.isEmpty()) {
            reference.add(encode(encoder, meter, excerpt, probe, probe.width(), probe.height(), null, REFERENCE_LADDER[0][1] * 1000L, work));
        }
        double bd = bdRateSaving(perTitle, reference);
        if (!Double.isNaN(bd)) return new Result(title, perTitle, reference, bd, "BD-rate");
        return new Result(title, perTitle, reference, matchedQualitySaving(perTitle, reference), "bits at matched quality");
    }

    private static Point encode(X264Encoder encoder, QualityMeter meter, Path excerpt, MediaProbe probe, int width, int height,
            Double crf, long bitrate, Path work) throws IOException, InterruptedException {
        Path out = work.resolve("rung.h264");
        encoder.videoOnly(excerpt, width, height, crf, bitrate, PRESET, probe.frameRate(), out);
        long actual = Math.round(Files.size(out) * 8 / probe.durationSeconds());
        QualityScore score = meter.measure(out, excerpt, probe.width(), probe.height(), probe.durationSeconds(), f -> { });
        Files.deleteIfExists(out);
        return new Point(height, actual, score.ssimDb());
    }

    /**
     * Mean log-rate difference of two curves over their common quality range, as a saving (positive: per-title
     * needs fewer bits). NaN if the quality ranges do not overlap. Curves are made monotonic (upper envelope).
     */
    static double bdRateSaving(List<Point> test, List<Point> reference) {
        List<Point> a = envelope(test);
        List<Point> b = envelope(reference);
        double lo = Math.max(a.getFirst().ssimDb(), b.getFirst().ssimDb());
        double hi = Math.min(a.getLast().ssimDb(), b.getLast().ssimDb());
        if (a.size() < 2 || b.size() < 2 || hi - lo < 1e-6) return Double.NaN;
        int steps = 100;
        double sum = 0;
        for (int i = 0; i <= steps; i++) {
            double q = lo + (hi - lo) * i / steps;
            sum += log2RateAt(a, q) - log2RateAt(b, q);
        }
        return 1 - Math.pow(2, sum / (steps + 1));
    }

    /**
     * Bits at matched quality when a BD-rate is impossible (a curve of one point, or quality ranges that do not
     * overlap): each side's bitrate for at least the quality the other reaches, interpolated where it can be.
     * Per-title tops out below the reference's cheapest rung: per-title top vs that rung. Per-title's cheapest rung
     * already beats the reference's best: that rung vs the reference's top.
     */
    static double matchedQualitySaving(List<Point> test, List<Point> reference) {
        List<Point> a = envelope(test);
        List<Point> b = envelope(reference);
        if (a.getLast().ssimDb() <= b.getFirst().ssimDb()) return 1 - (double) a.getLast().bitrateBps() / b.getFirst().bitrateBps();
        if (a.getFirst().ssimDb() >= b.getLast().ssimDb()) return 1 - (double) a.getFirst().bitrateBps() / b.getLast().bitrateBps();
        if (a.size() == 1) return 1 - a.getFirst().bitrateBps() / Math.pow(2, log2RateAt(b, a.getFirst().ssimDb()));
        return 1 - Math.pow(2, log2RateAt(a, b.getFirst().ssimDb())) / b.getFirst().bitrateBps();
    }

    private static List<Point> envelope(List<Point> points) {
        List<Point> sorted = points.stream().sorted(Comparator.comparingLong(Point::bitrateBps)).toList();
        List<Point> out = new ArrayList<>();
        for (Point p : sorted) if (out.isEmpty() || p.ssimDb() > out.getLast().ssimDb()) out.add(p);
        return out;
    }

    private static double log2RateAt(List<Point> curve, double q) {
        for (int i = 1; i < curve.size(); i++) {
            Point a = curve.get(i - 1);
            Point b = curve.get(i);
            if (q <= b.ssimDb() || i == curve.size() - 1) {
                double t = (q - a.ssimDb()) / (b.ssimDb() - a.ssimDb());
                double la = Math.log(a.bitrateBps()) / Math.log(2);
                double lb = Math.log(b.bitrateBps()) / Math.log(2);
                return la + t * (lb - la);
            }
        }
        return Math.log(curve.getFirst().bitrateBps()) / Math.log(2);
    }

    private static void print(Result r) {
        System.out.printf(Locale.ROOT, "%-18s per-title %s%n%-18s reference %s%n%-18s saving %.1f %% (%s)%n",
                r.title(), describe(r.perTitle()), "", describe(r.reference()), "", r.saving() * 100, r.method());
    }

    private static String describe(List<Point> points) {
        return points.stream().map(p -> String.format(Locale.ROOT, "%dp@%dk/%.1fdB", p.height(), p.bitrateBps() / 1000, p.ssimDb())).toList().toString();
    }
}
