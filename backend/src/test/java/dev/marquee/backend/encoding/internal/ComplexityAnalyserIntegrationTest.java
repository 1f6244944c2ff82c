package dev.marquee.backend.encoding.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.backend.encoding.internal.ComplexityAnalyser.Analysis;
import dev.marquee.backend.encoding.internal.ladder.PlannedRung;
import dev.marquee.backend.encoding.internal.media.FfmpegRunner;
import dev.marquee.backend.encoding.internal.media.MediaProbe;
import dev.marquee.backend.encoding.internal.media.Prober;
import dev.marquee.backend.encoding.internal.media.QualityMeter;
import dev.marquee.backend.encoding.internal.media.X264Encoder;
import dev.marquee.backend.testsupport.TestMasters;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** The per-title ladder responds to content: trial encodes of real (tiny) masters through ffmpeg. */
class ComplexityAnalyserIntegrationTest {
    static final EncodingProperties.Profile FAST = new EncodingProperties.Profile("test", "ultrafast", Duration.ofSeconds(4), 4,
            EncodingProperties.STANDARD_TRIAL_CRFS);

    final FfmpegRunner runner = new FfmpegRunner("ffmpeg", "ffprobe");
    final X264Encoder encoder = new X264Encoder(runner, 2);
    final ComplexityAnalyser analyser = new ComplexityAnalyser(encoder, new QualityMeter(runner, 2));
    final Prober prober = new Prober(runner, JsonMapper.builder().build());
    @TempDir Path dir;

    @AfterEach
    void close() {
        runner.close();
    }

    @Test
    void flatContentGetsAFewerAndCheaperRungsThanNoisyContent() throws Exception {
        Analysis flat = analyse(TestMasters.flat(320, 180), "flat");
        Analysis noisy = analyse(TestMasters.noisy(320, 180), "noisy");

        assertThat(flat.ladder().size()).isLessThan(noisy.ladder().size());
        assertThat(flat.ladder().getLast().targetBitrateBps()).isLessThan(noisy.ladder().getLast().targetBitrateBps() / 4);
        for (Analysis a : java.util.List.of(flat, noisy)) {
            assertThat(a.ladder()).allSatisfy(r -> assertThat(r.height()).isLessThanOrEqualTo(TestMasters.HEIGHT));
            assertThat(a.ladder()).isSortedAccordingTo(java.util.Comparator.comparingLong(PlannedRung::targetBitrateBps));
        }
    }

    private Analysis analyse(String graph, String name) throws Exception {
        Path master = TestMasters.make(dir.resolve(name + ".mp4"), graph, 6, false);
        MediaProbe probe = prober.probe(master, f -> { });
        Analysis analysis = analyser.analyse(master, probe, FAST, dir.resolve(name), f -> { });
        System.out.println(name + " points: " + analysis.points());
        System.out.println(name + " ladder: " + EncodingPipeline.describe(analysis.ladder()));
        return analysis;
    }
}
