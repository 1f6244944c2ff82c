package dev.marquee.backend.encoding.internal;

import dev.marquee.backend.encoding.internal.ladder.LadderPlanner;
import dev.marquee.backend.encoding.internal.ladder.PlannedRung;
import dev.marquee.backend.encoding.internal.ladder.RateQualityPoint;
import dev.marquee.backend.encoding.internal.media.MediaProbe;
import dev.marquee.backend.encoding.internal.media.QualityMeter;
import dev.marquee.backend.encoding.internal.media.QualityScore;
import dev.marquee.backend.encoding.internal.media.X264Encoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.DoubleConsumer;

/**
 * Measures how hard a master is to encode: trial encodes of an excerpt (chunks from the start, middle and end) at a few resolutions and
 * CRFs, each scored (SSIM, PSNR) against the excerpt at the master's resolution, then the {@link LadderPlanner}
 * picks the ladder from the points' convex hull.
 */
public final class ComplexityAnalyser {
    /** Standard ladder heights the analysis picks from (the master's own height is always a candidate). */
    static final int[] CANDIDATE_HEIGHTS = {144, 240, 360, 480, 720, 1080, 1440, 2160};

    /** The analysis's result, stored with the job. */
    public record Analysis(List<RateQualityPoint> points, List<PlannedRung> ladder) {}

    private final X264Encoder encoder;
    private final QualityMeter meter;
    private final LadderPlanner planner = new LadderPlanner();

    public ComplexityAnalyser(X264Encoder encoder, QualityMeter meter) {
        this.encoder = encoder;
        this.meter = meter;
    }

    public Analysis analyse(Path master, MediaProbe probe, EncodingProperties.Profile profile, Path scratch, DoubleConsumer progress)
            throws IOException, InterruptedException {
        Files.createDirectories(scratch);
        double excerptSeconds = Math.min(profile.analysisExcerpt().toMillis() / 1000.0, probe.durationSeconds());
        Path excerpt = scratch.resolve("excerpt.mkv");
        encoder.extractExcerpt(master, probe.durationSeconds(), excerptSeconds, excerpt);

        List<int[]> sizes = trialSizes(probe.width(), probe.height(), profile.analysisResolutions());
        List<RateQualityPoint> points = new ArrayList<>();
        int total = sizes.size() * profile.trialCrfs().length;
        int done = 0;
        for (int[] size : sizes) {
            for (double crf : profile.trialCrfs()) {
                Path trial = scratch.resolve("trial-" + size[1] + "-" + (int) crf + ".h264");
                encoder.trial(excerpt, size[0], size[1], crf, profile.preset(), probe.frameRate(), trial);
                long bitrate = Math.max(1, Math.round(Files.size(trial) * 8 / excerptSeconds));
                QualityScore score = meter.measure(trial, excerpt, probe.width(), probe.height(), excerptSeconds, f -> { });
                points.add(new RateQualityPoint(size[0], size[1], crf, bitrate, score.ssim(), score.psnrDb()));
                Files.deleteIfExists(trial);
                progress.accept(++done / (double) total);
            }
        }
        return new Analysis(List.copyOf(points), planner.plan(points, probe.frameRate()));
    }

    /** Up to {@code count} sizes, highest first, never above the master, same aspect ratio, even dimensions. */
    static List<int[]> trialSizes(int masterWidth, int masterHeight, int count) {
        TreeSet<Integer> heights = new TreeSet<>();
        heights.add(masterHeight);
        for (int h : CANDIDATE_HEIGHTS) if (h < masterHeight) heights.add(h);
        List<int[]> sizes = new ArrayList<>();
        for (int h : heights.descendingSet()) {
            if (sizes.size() == count) break;
            int height = even(h);
            int width = even((int) Math.round((double) masterWidth * h / masterHeight));
            sizes.add(new int[] {width, height});
        }
        return sizes;
    }

    static int even(int value) {
        return Math.max(2, value - (value % 2));
    }
}
