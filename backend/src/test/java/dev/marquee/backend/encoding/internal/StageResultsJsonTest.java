package dev.marquee.backend.encoding.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.backend.encoding.internal.ComplexityAnalyser.Analysis;
import dev.marquee.backend.encoding.internal.ladder.PlannedRung;
import dev.marquee.backend.encoding.internal.ladder.RateQualityPoint;
import dev.marquee.backend.encoding.internal.media.MediaProbe;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** A resumed job reads its finished stages back from JSON: they must survive the round trip unchanged. */
class StageResultsJsonTest {
    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void probeAndAnalysisRoundTrip() {
        var probe = new MediaProbe("mov,mp4,m4a,3gp,3g2,mj2", "h264", 1280, 720, 25, Duration.ofMillis(30_040), true, 751);
        var analysis = new Analysis(
                List.of(new RateQualityPoint(1280, 720, 27, 1_200_000, 0.987, 39.5)),
                List.of(new PlannedRung(1280, 720, 26.5, 1_300_000, 18.9)));

        assertThat(json.readValue(json.writeValueAsString(probe), MediaProbe.class)).isEqualTo(probe);
        assertThat(json.readValue(json.writeValueAsString(analysis), Analysis.class)).isEqualTo(analysis);
    }
}
