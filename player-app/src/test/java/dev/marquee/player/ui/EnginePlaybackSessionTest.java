package dev.marquee.player.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.player.engine.AbrDecision;
import dev.marquee.player.engine.AbrRule;
import dev.marquee.player.engine.LicenseException;
import dev.marquee.player.engine.PlaybackStats;
import dev.marquee.player.engine.Variant;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class EnginePlaybackSessionTest {
    private static final List<Variant> LADDER = List.of(new Variant("v0", 400_000, 180),
            new Variant("v1", 1_200_000, 360), new Variant("v2", 3_000_000, 720));
    private static final long SEGMENT_US = 2_000_000;

    private static PlaybackStats.Snapshot snapshot(int rung, List<AbrDecision> decisions) {
        return new PlaybackStats.Snapshot(412, 38, 1, 120, rung, LADDER.get(rung).bandwidthBps(), LADDER.get(rung).heightPx(),
                8_000, 12_000, 300, 2, "http://127.0.0.1:9001", "edge-us-east-1a", "HIT", 0, 5_400_000, List.of(),
                decisions, null);
    }

    private static AbrDecision decision(int segment, int rung, AbrRule rule) {
        return new AbrDecision(segment, rung, rule, 5_000_000, 4_000_000, 8_000_000, Instant.EPOCH);
    }

    @Test
    void mapsTheEnginesCountersToTheOverlayWithNewestDecisionFirst() {
        var stats = EnginePlaybackSession.stats(snapshot(1, List.of(decision(3, 1, AbrRule.values()[0]),
                decision(4, 2, AbrRule.values()[1]))), LADDER, Duration.ofSeconds(8), SEGMENT_US, OptionalInt.empty());

        assertThat(stats.currentRung()).isEqualTo("360p · 1.2 Mbit/s");
        assertThat(stats.targetRung()).isEqualTo("720p · 3.0 Mbit/s");
        assertThat(stats.edgeNode()).isEqualTo("edge-us-east-1a");
        assertThat(stats.lastCacheStatus()).isEqualTo("HIT");
        assertThat(stats.bandwidthBps()).isEqualTo(5_400_000);
        assertThat(stats.startupTime()).isEqualTo(Duration.ofMillis(412));
        assertThat(stats.licenceTime()).isEqualTo(Duration.ofMillis(38));
        assertThat(stats.decisions()).extracting(PlaybackStatsView.Decision::at)
                .containsExactly(Duration.ofSeconds(8), Duration.ofSeconds(6));
        assertThat(stats.decisions().getFirst().rule()).isEqualTo(AbrRule.values()[1].name());
    }

    @Test
    void showsAFixedRungAsTheTarget() {
        var stats = EnginePlaybackSession.stats(snapshot(0, List.of()), LADDER, Duration.ZERO, SEGMENT_US, OptionalInt.of(2));

        assertThat(stats.targetRung()).isEqualTo("720p · 3.0 Mbit/s (fixed)");
    }

    @Test
    void putsEngineFailuresInAViewersWords() {
        assertThat(EnginePlaybackSession.engineMessage(new LicenseException.ConcurrentStreamLimit("Stop one to watch here.")))
                .isEqualTo("Stop one to watch here.");
        assertThat(EnginePlaybackSession.engineMessage(new IOException("no edge could serve /x after 4 rounds")))
                .isEqualTo(EnginePlaybackSession.EDGES_UNREACHABLE);
    }
}
