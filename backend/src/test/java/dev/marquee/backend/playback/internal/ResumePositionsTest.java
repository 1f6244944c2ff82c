package dev.marquee.backend.playback.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.model.playback.ResumePosition;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ResumePositionsTest {
    private static final long FILM_MS = Duration.ofHours(2).toMillis();
    private static final long SHORT_MS = Duration.ofSeconds(40).toMillis();

    @Test
    void aLongFilmIsFinishedOnlyInItsLastTwoMinutes() {
        assertThat(ResumePositions.finished(at(FILM_MS - Duration.ofMinutes(5).toMillis(), FILM_MS))).isFalse();
        assertThat(ResumePositions.finished(at(FILM_MS - Duration.ofMinutes(2).toMillis(), FILM_MS))).isTrue();
    }

    @Test
    void aShortTitleIsFinishedInItsLastFivePercent() {
        assertThat(ResumePositions.finished(at(SHORT_MS - 2_500, SHORT_MS))).isFalse();
        assertThat(ResumePositions.finished(at(SHORT_MS - 1_500, SHORT_MS))).isTrue();
    }

    @Test
    void aTitleOfUnknownDurationIsNeverFinished() {
        assertThat(ResumePositions.finished(at(5_000, 0))).isFalse();
    }

    private static ResumePosition at(long positionMs, long durationMs) {
        return new ResumePosition(UUID.randomUUID(), positionMs, durationMs, Instant.EPOCH);
    }
}
