package dev.marquee.backend.encoding.internal.ladder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class LadderPlannerTest {
    static final double FPS = 25;
    final LadderPlanner planner = new LadderPlanner();

    /** Rate–quality points of a synthetic title whose cost scales with {@code difficulty}. */
    static List<RateQualityPoint> title(double difficulty) {
        List<RateQualityPoint> points = new ArrayList<>();
        int[][] sizes = {{1280, 720}, {854, 480}, {640, 360}, {426, 240}};
        for (int[] size : sizes) {
            double pixels = size[0] * (double) size[1];
            // Smaller pictures lose detail (a resolution ceiling) but need fewer bits.
            double ceilingDb = 14 + 12 * Math.sqrt(pixels / (1280.0 * 720)) / difficulty;
            for (double crf : new double[] {20, 27, 34, 41}) {
                long rate = Math.round(difficulty * pixels * 0.15 * Math.pow(2, (20 - crf) / 6.0) * FPS / 10);
                double db = ceilingDb - (crf - 20) * 0.35;
                points.add(new RateQualityPoint(size[0], size[1], crf, rate, 1 - Math.pow(10, -db / 10), 40));
            }
        }
        return points;
    }

    @Test
    void hullKeepsOnlyPointsNoOtherPointBeats() {
        var a = new RateQualityPoint(640, 360, 30, 500_000, 0.95, 35);
        var dominated = new RateQualityPoint(426, 240, 30, 900_000, 0.93, 33);
        var b = new RateQualityPoint(1280, 720, 25, 2_000_000, 0.99, 40);
        var worseAndDearer = new RateQualityPoint(1280, 720, 20, 4_000_000, 0.985, 41);

        var hull = LadderPlanner.upperHull(List.of(a, dominated, b, worseAndDearer));

        assertThat(hull).containsExactly(a, b);
    }

    @Test
    void easyContentGetsFewerAndCheaperRungsThanHardContent() {
        var easy = planner.plan(title(0.3), FPS);
        var hard = planner.plan(title(3), FPS);

        assertThat(easy.size()).isLessThan(hard.size());
        assertThat(easy.getLast().targetBitrateBps()).isLessThan(hard.getLast().targetBitrateBps());
        assertThat(hard.size()).isLessThanOrEqualTo(LadderPlanner.MAX_RUNGS);
    }

    @Test
    void ladderAscendsInBitrateAndNeverInResolutionDownwards() {
        var ladder = planner.plan(title(2), FPS);

        assertThat(ladder).isSortedAccordingTo(Comparator.comparingLong(PlannedRung::targetBitrateBps));
        assertThat(ladder).isSortedAccordingTo(Comparator.comparingInt(PlannedRung::height));
        for (int i = 1; i < ladder.size(); i++) {
            assertThat(ladder.get(i).targetBitrateBps()).isGreaterThan(ladder.get(i - 1).targetBitrateBps());
        }
    }

    @Test
    void topRungNeverExceedsTheCeilingForTheMastersSize() {
        var ladder = planner.plan(title(20), FPS);

        assertThat(ladder.getLast().targetBitrateBps()).isLessThanOrEqualTo(Math.round(LadderPlanner.ceilingBps(1280, 720, FPS)));
        assertThat(ladder).allSatisfy(r -> assertThat(r.height()).isLessThanOrEqualTo(720));
    }

    @Test
    void noRungBelowTheMinimumVideoBitrate() {
        var ladder = planner.plan(title(0.3), FPS); // its best trial needs more than the minimum

        assertThat(ladder).allSatisfy(r -> assertThat(r.targetBitrateBps()).isGreaterThanOrEqualTo(LadderPlanner.MIN_VIDEO_BITRATE_BPS));
    }
}
