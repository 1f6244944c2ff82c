package dev.marquee.player.sim;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The player's policy against the baselines on the shared traces (the full comparison is {@code abr-sim}). */
class SharedTracesRegressionTest {

    /** Every third trace of a family: a spread sample that keeps the test to a few seconds. */
    private static final int STRIDE = 3;
    /**
     * Sessions per trace, from evenly spaced starting points: one session per trace rewards luck (a single
     * stall moves a family's mean by a point), four make the comparison mean something.
     */
    private static final int OFFSETS = 4;

    private static List<Trace> sample(String family) {
        List<Trace> all = Trace.loadAll(SharedAbrData.dir().resolve("traces").resolve(family));
        return java.util.stream.IntStream.range(0, all.size()).filter(i -> i % STRIDE == 0)
                .mapToObj(all::get).toList();
    }

    /** Each policy's summary per family, computed once for all the tests of this class. */
    private static final java.util.Map<String, SimSummary> SUMMARIES = new java.util.concurrent.ConcurrentHashMap<>();

    private static SimSummary summary(String algo, String family) {
        return SUMMARIES.computeIfAbsent(algo + "/" + family,
                key -> SimSummary.run(algo, sample(family), video(), OFFSETS));
    }

    private static SessionSetup video() {
        return SessionSetup.loadReferenceVideo(SharedAbrData.dir().resolve("video"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"hsdpa", "fcc"})
    void beatsTheThroughputOnlyRuleAndStallsLess(String family) {
        SimSummary ours = summary(Policies.MARQUEE, family);
        SimSummary throughput = summary("throughput", family);

        assertThat(ours.meanQoe()).isGreaterThan(throughput.meanQoe());
        assertThat(ours.rebufferRatioWhereLinkAllows()).isLessThan(throughput.rebufferRatioWhereLinkAllows());
    }

    @ParameterizedTest
    @ValueSource(strings = {"hsdpa", "fcc"})
    void beatsRobustMpcAndBola(String family) {
        double ours = summary(Policies.MARQUEE, family).meanQoe();
        assertThat(ours).isGreaterThan(summary("mpc", family).meanQoe());
        assertThat(ours).isGreaterThan(summary("bola", family).meanQoe());
    }

    @org.junit.jupiter.api.Test
    void findsTheSharedDataBesideTheRepository() {
        Path dir = SharedAbrData.dir();
        assertThat(dir.resolve("video/video_size_0")).exists();
    }
}
