package dev.marquee.backend.metrics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marquee.model.metrics.SeriesAnswer;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TimeSeriesStoreTest {
    private static final long T0 = 1_800_000_000_000L;
    private final TimeSeriesStore store = new TimeSeriesStore(Duration.ofSeconds(10), Duration.ofMinutes(1));

    @Test
    void answersPointsOnTheGridWithGapsAsNull() {
        store.put("sps", Map.of("region", "us"), T0, 1.0);
        store.put("sps", Map.of("region", "us"), T0 + 20_000, 3.0);
        store.put("sps", Map.of("region", "eu"), T0, 7.0);

        SeriesAnswer answer = store.query("sps", Map.of("region", "us"), Instant.ofEpochMilli(T0 + 5_000),
                Instant.ofEpochMilli(T0 + 30_000), Duration.ofSeconds(10));
        assertThat(answer.from()).isEqualTo(Instant.ofEpochMilli(T0));
        assertThat(answer.series()).hasSize(1);
        assertThat(answer.series().getFirst().values()).containsExactly(1.0, null, 3.0);
        assertThat(store.query("sps", Map.of(), Instant.ofEpochMilli(T0), Instant.ofEpochMilli(T0 + 10_000), Duration.ofSeconds(10))
                .series()).hasSize(2);
    }

    @Test
    void consolidatesCoarserStepsByAveragingThePointsPresent() {
        store.put("x", Map.of(), T0, 1.0);
        store.put("x", Map.of(), T0 + 10_000, 2.0);
        store.put("x", Map.of(), T0 + 30_000, 6.0);
        SeriesAnswer answer = store.query("x", Map.of(), Instant.ofEpochMilli(T0), Instant.ofEpochMilli(T0 + 60_000), Duration.ofSeconds(30));
        assertThat(answer.series().getFirst().values()).containsExactly(1.5, 6.0);
    }

    @Test
    void forgetsPointsOlderThanItsHistory() {
        store.put("x", Map.of(), T0, 1.0);
        store.put("x", Map.of(), T0 + 60_000, 2.0);
        SeriesAnswer answer = store.query("x", Map.of(), Instant.ofEpochMilli(T0), Instant.ofEpochMilli(T0 + 70_000), Duration.ofSeconds(10));
        assertThat(answer.series().getFirst().values()).containsExactlyElementsOf(Arrays.asList(null, null, null, null, null, null, 2.0));
        store.put("x", Map.of(), T0, 5.0);
        assertThat(store.query("x", Map.of(), Instant.ofEpochMilli(T0 + 60_000), Instant.ofEpochMilli(T0 + 70_000), Duration.ofSeconds(10))
                .series().getFirst().values()).as("an old write does not overwrite a newer point").containsExactly(2.0);
    }

    @Test
    void refusesAStepThatIsNotAMultipleAndTooManyPoints() {
        assertThatThrownBy(() -> store.query("x", Map.of(), Instant.ofEpochMilli(T0), Instant.ofEpochMilli(T0 + 60_000), Duration.ofSeconds(15)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.query("x", Map.of(), Instant.ofEpochMilli(0), Instant.ofEpochMilli(T0), Duration.ofSeconds(10)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
