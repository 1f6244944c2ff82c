package dev.marquee.backend.encoding.internal.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FfmpegRunnerTest {

    @Test
    void progressBlocksBecomeOneReportEachWithTheLastValues() {
        List<FfmpegRunner.Progress> reports = new ArrayList<>();
        var parser = new FfmpegRunner.ProgressParser(reports::add);
        for (String line : """
                frame=0
                out_time_us=N/A
                progress=continue
                frame=50
                fps=25.0
                out_time_us=2000000
                progress=continue
                frame=100
                out_time_us=4000000
                progress=end
                """.split("\n")) {
            parser.accept(line);
        }

        assertThat(reports).containsExactly(
                new FfmpegRunner.Progress(Duration.ZERO, 0, false),
                new FfmpegRunner.Progress(Duration.ofSeconds(2), 50, false),
                new FfmpegRunner.Progress(Duration.ofSeconds(4), 100, true));
    }

    @Test
    void lastLinesJoinsTheTailOfStderr() {
        assertThat(FfmpegRunner.lastLines(List.of("a", "b", "c"), 2)).isEqualTo("b | c");
        assertThat(FfmpegRunner.lastLines(List.of(), 2)).isEmpty();
    }
}
