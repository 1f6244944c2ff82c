package dev.marquee.backend.encoding.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.marquee.backend.encoding.internal.LadderBenchmark.Point;
import java.util.List;
import org.junit.jupiter.api.Test;

class LadderBenchmarkTest {

    @Test
    void bdRateOfACurveAtHalfTheBitsIsFiftyPercent() {
        var reference = List.of(new Point(360, 400_000, 10), new Point(480, 800_000, 14), new Point(720, 1_600_000, 18));
        var half = List.of(new Point(360, 200_000, 10), new Point(480, 400_000, 14), new Point(720, 800_000, 18));

        assertThat(LadderBenchmark.bdRateSaving(half, reference)).isCloseTo(0.5, offset(1e-9));
        assertThat(LadderBenchmark.bdRateSaving(reference, half)).isCloseTo(-1.0, offset(1e-9));
    }

    @Test
    void withoutOverlapEachSideIsComparedAtTheQualityTheOtherReaches() {
        var reference = List.of(new Point(234, 150_000, 5), new Point(360, 400_000, 6));
        var dearerButBetter = List.of(new Point(240, 300_000, 8), new Point(240, 1_200_000, 11));
        var cheapAndEasy = List.of(new Point(720, 60_000, 4));

        assertThat(LadderBenchmark.bdRateSaving(dearerButBetter, reference)).isNaN();
        // Its cheapest rung (300k) already beats the reference's best (400k).
        assertThat(LadderBenchmark.matchedQualitySaving(dearerButBetter, reference)).isCloseTo(0.25, offset(1e-9));
        // Its top (60k) stays below the reference's cheapest rung (150k).
        assertThat(LadderBenchmark.matchedQualitySaving(cheapAndEasy, reference)).isCloseTo(0.6, offset(1e-9));
    }
}
