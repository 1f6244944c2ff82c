package dev.marquee.player.sim;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The player's policy against the baselines on the shared traces (the full comparison is {@code abr-sim}). */
class SharedTracesRegressionTest {

    /** Every third trace of a family: a spread sample that keeps the test well under a second. */
    private static final int STRIDE = 3;

    private static List<Trace> sample(String family) {
        List<Trace> all = Trace.loadAll(SharedAbrData.dir().resolve("traces").resolve(family));
        return java.util.stream.IntStream.range(0, all.size()).filter(i -> i % STRIDE == 0)
                .mapToObj(all::get).toList();
    }

    private static SessionSetup video() {
        return SessionSetup.loadReferenceVideo(SharedAbrData.dir().resolve("video"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"hsdpa", "fcc"})
    void beatsTheThroughputOnlyRuleAndStallsLess(String family) {
        List<Trace> traces = sample(family);
        SimSummary ours = SimSummary.run(Policies.MARQUEE, traces, video());
        SimSummary throughput = SimSummary.run("throughput", traces, video());

        assertThat(ours.meanQoe()).isGreaterThan(throughput.meanQoe());
        assertThat(ours.rebufferRatioWhereLinkAllows()).isLessThan(throughput.rebufferRatioWhereLinkAllows());
    }

    @ParameterizedTest
    @ValueSource(strings = {"hsdpa", "fcc"})
    void beatsRobustMpc(String family) {
        List<Trace> traces = sample(family);
        assertThat(SimSummary.run(Policies.MARQUEE, traces, video()).meanQoe())
                .isGreaterThan(SimSummary.run("mpc", traces, video()).meanQoe());
    }

    @org.junit.jupiter.api.Test
    void findsTheSharedDataBesideTheRepository() {
        Path dir = SharedAbrData.dir();
        assertThat(dir.resolve("video/video_size_0")).exists();
    }
}
