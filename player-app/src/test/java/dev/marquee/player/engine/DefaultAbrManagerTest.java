package dev.marquee.player.engine;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DefaultAbrManagerTest {

    /** The reference ladder of the shared ABR data, kbit/s. */
    private static final long[] LADDER_KBPS = {300, 750, 1200, 1850, 2850, 4300};
    private static final Duration SEGMENT = Duration.ofSeconds(4);
    private static final Duration BUFFER_GOAL = Duration.ofSeconds(60);
    private static final long SECOND_US = 1_000_000;
    private static final int TOP = LADDER_KBPS.length - 1;

    private final FakeClock clock = new FakeClock();
    private DefaultAbrManager manager;

    @BeforeEach
    void configure() {
        manager = new DefaultAbrManager(clock);
        manager.configure(LongStream.of(LADDER_KBPS).mapToObj(k -> new Variant(k + "k", k * 1000, 0)).toList(),
                SEGMENT, BUFFER_GOAL);
    }

    /** Reports {@code count} segments of rung {@code rung} downloaded at {@code bps}. */
    private void downloaded(int count, int rung, long bps) {
        long bytes = segmentBytes(rung);
        for (int i = 0; i < count; i++) {
            long durationUs = bytes * 8 * SECOND_US / bps;
            manager.segmentDownloaded(durationUs, bytes);
            clock.advance(Duration.ofNanos(durationUs * 1000));
        }
    }

    private static long segmentBytes(int rung) {
        return LADDER_KBPS[rung] * 1000 * SEGMENT.toSeconds() / 8;
    }

    private AbrDecision choose(int segment, double bufferS, int current) {
        return manager.chooseVariant(new SegmentContext(segment, SegmentContext.UNKNOWN_REMAINING,
                Math.round(bufferS * SECOND_US), current, null));
    }

    @Test
    void startsWithinTheDefaultEstimateBeforeAnyMeasurement() {
        AbrDecision first = choose(0, 0, -1);
        assertThat(first.rule()).isEqualTo(AbrRule.STARTUP);
        // 80 % of the 1 Mbit/s default: the 750 kbit/s rung
        assertThat(first.variantIndex()).isEqualTo(1);
    }

    @Test
    void climbsToTheTopRungOnAFastStableLink() {
        downloaded(8, 1, 20_000_000);
        assertThat(choose(8, 20, 1).variantIndex()).isEqualTo(TOP);
    }

    @Test
    void doesNotSwitchUpWhenBufferBelowMinimum() {
        downloaded(8, 1, 20_000_000);
        AbrDecision held = choose(8, DefaultAbrManager.MIN_BUFFER_FOR_UP_SWITCH_S - 1, 1);
        assertThat(held.variantIndex()).isEqualTo(1);
        assertThat(held.rule()).isEqualTo(AbrRule.HOLD_LOW_BUFFER);

        AbrDecision released = choose(8, DefaultAbrManager.MIN_BUFFER_FOR_UP_SWITCH_S + 6, 1);
        assertThat(released.variantIndex()).isGreaterThan(1);
    }

    @Test
    void settlesOnASustainableRungWhenTheBufferSitsAtTheOwnersGoal() {
        var capped = new DefaultAbrManager(clock);
        capped.configure(LongStream.of(LADDER_KBPS).mapToObj(k -> new Variant(k + "k", k * 1000, 0)).toList(),
                SEGMENT, Duration.ofSeconds(30));
        long bytes = segmentBytes(1);
        for (int i = 0; i < 8; i++) {
            capped.segmentDownloaded(bytes * 8 * SECOND_US / 2_000_000, bytes); // a steady 2 Mbit/s
        }
        // the buffer cannot grow past 30 s, so holding 750 kbit/s "to build buffer" would last for ever
        AbrDecision decision = capped.chooseVariant(new SegmentContext(8, SegmentContext.UNKNOWN_REMAINING,
                30 * SECOND_US, 1, null));
        assertThat(decision.variantIndex()).isGreaterThan(1);
        assertThat(LADDER_KBPS[decision.variantIndex()] * 1000).isLessThanOrEqualTo(2_850_000);
    }

    @Test
    void switchesDownWithinOneSegmentAfterAFourfoldDrop() {
        downloaded(10, TOP, 8_000_000);
        assertThat(choose(10, 30, TOP).variantIndex()).isEqualTo(TOP);
        downloaded(1, TOP, 2_000_000); // the link drops to a quarter during one segment
        AbrDecision next = choose(11, 30 - 8.6 + 4, TOP);
        assertThat(LADDER_KBPS[next.variantIndex()] * 1000).isLessThanOrEqualTo(2_000_000);
    }

    @Test
    void switchesDownBeforeTheBufferEmpties() {
        downloaded(10, 3, 2_000_000);
        AbrDecision decision = choose(10, 2.0, 3);
        double downloadS = segmentBytes(decision.variantIndex()) * 8 / 2_000_000.0;
        assertThat(downloadS).isLessThan(2.0 - DefaultAbrManager.STALL_MARGIN_S);
        assertThat(decision.variantIndex()).isLessThan(3);
    }

    @Test
    void abandonsADownloadThatWillStallAndThenChoosesWhatTheLinkCarries() {
        downloaded(10, TOP, 8_000_000);
        long total = segmentBytes(TOP);
        // 2 s in, only 100 kB arrived (400 kbit/s): 41 s to go with 6 s of buffer
        var stalled = new DownloadProgress(TOP, 100_000, total, 2 * SECOND_US, 6 * SECOND_US);
        assertThat(manager.shouldAbandon(stalled)).isTrue();

        AbrDecision retry = choose(10, 6, TOP);
        assertThat(retry.rule()).isEqualTo(AbrRule.EMERGENCY);
        assertThat(retry.variantIndex()).isZero();
    }

    @Test
    void keepsADownloadThatWillFinishInTime() {
        downloaded(10, TOP, 8_000_000);
        long total = segmentBytes(TOP);
        var onTime = new DownloadProgress(TOP, 1_500_000, total, 2 * SECOND_US, 6 * SECOND_US);
        assertThat(manager.shouldAbandon(onTime)).isFalse();
        var tooEarlyToJudge = new DownloadProgress(TOP, 0, total, 100_000, 6 * SECOND_US);
        assertThat(manager.shouldAbandon(tooEarlyToJudge)).isFalse();
    }

    @Test
    void neverAbandonsTheLowestRung() {
        downloaded(10, 0, 1_000_000);
        var slow = new DownloadProgress(0, 1_000, segmentBytes(0), 3 * SECOND_US, SECOND_US);
        assertThat(manager.shouldAbandon(slow)).isFalse();
    }

    @Test
    void recordsEachDecisionWithItsRuleAndTime() {
        AbrDecision first = choose(0, 0, -1);
        downloaded(1, 1, 4_000_000);
        AbrDecision second = choose(1, 4, 1);
        List<AbrDecision> recent = manager.recentDecisions();
        assertThat(recent).containsExactly(first, second);
        assertThat(second.at()).isAfter(first.at());
        assertThat(second.estimateBps()).isEqualTo(manager.bandwidthEstimateBps());
    }

    @Test
    void refusesToDecideBeforeItKnowsTheLadder() {
        var unconfigured = new DefaultAbrManager(clock);
        assertThatThrownBy(() -> unconfigured.chooseVariant(new SegmentContext(0, 10, 0, -1, null)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("configure");
    }

    @Test
    void rejectsALadderThatIsNotOrderedByBandwidth() {
        var unordered = List.of(new Variant("hi", 4_000_000, 1080), new Variant("lo", 1_000_000, 360));
        assertThatThrownBy(() -> manager.configure(unordered, SEGMENT, BUFFER_GOAL))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("increasing bandwidth");
    }
}
