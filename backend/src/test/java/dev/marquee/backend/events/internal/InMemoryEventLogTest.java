package dev.marquee.backend.events.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marquee.backend.events.EventConsumer;
import dev.marquee.backend.events.EventLog.OffsetReset;
import dev.marquee.backend.events.LogRecord;
import dev.marquee.backend.events.RecordPosition;
import dev.marquee.backend.events.TopicPartition;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InMemoryEventLogTest {
    private static final int CHUNK = 4;
    private final FakeClock clock = new FakeClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final InMemoryEventLog log = new InMemoryEventLog(clock, Duration.ofMinutes(10), 1_000, CHUNK);

    @Test
    void keepsOneKeyInOnePartitionWithConsecutiveOffsets() {
        log.createTopic("t", 4);
        List<RecordPosition> positions = List.of(log.append("t", "session-a", "a1"), log.append("t", "session-a", "a2"),
                log.append("t", "session-a", "a3"));

        assertThat(positions).extracting(RecordPosition::partition).containsOnly(positions.getFirst().partition());
        assertThat(positions).extracting(RecordPosition::offset).containsExactly(0L, 1L, 2L);
        assertThat(log.read(positions.getFirst().partition(), 1, 10)).extracting(LogRecord::value).containsExactly("a2", "a3");
        assertThat(positions.getFirst().timestampMs()).isEqualTo(clock.millis());
    }

    @Test
    void spreadsKeysOverEveryPartition() {
        log.createTopic("t", 4);
        for (int i = 0; i < 200; i++) {
            log.append("t", "node-" + i, i);
        }
        for (int p = 0; p < 4; p++) {
            assertThat(log.endOffset(new TopicPartition("t", p))).as("partition %d", p).isBetween(20L, 80L);
        }
    }

    @Test
    void groupResumesAfterItsCommittedOffsetAndRefusesASecondConsumer() {
        log.createTopic("t", 2);
        for (int i = 0; i < 6; i++) {
            log.append("t", null, i);
        }
        List<Object> seen = new java.util.ArrayList<>();
        try (EventConsumer first = log.consumer("g", List.of("t"), OffsetReset.EARLIEST)) {
            assertThatThrownBy(() -> log.consumer("g", List.of("t"), OffsetReset.EARLIEST)).isInstanceOf(IllegalStateException.class);
            first.poll(4, Duration.ZERO).forEach(r -> seen.add(r.value()));
            first.commit();
        }
        assertThat(seen).hasSize(4);
        log.append("t", null, 6);
        try (EventConsumer second = log.consumer("g", List.of("t"), OffsetReset.EARLIEST)) {
            second.poll(100, Duration.ZERO).forEach(r -> seen.add(r.value()));
        }
        assertThat(seen).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6);
        assertThat(log.committed("g", new TopicPartition("t", 0)).getAsLong()
                + log.committed("g", new TopicPartition("t", 1)).getAsLong()).isEqualTo(4);
    }

    @Test
    void latestResetSeesOnlyNewRecordsAndSeekRewinds() {
        log.createTopic("t", 1);
        log.append("t", null, "old");
        try (EventConsumer consumer = log.consumer(null, List.of("t"), OffsetReset.LATEST)) {
            log.append("t", null, "new");
            assertThat(consumer.poll(10, Duration.ZERO)).extracting(LogRecord::value).containsExactly("new");
            consumer.seek(new TopicPartition("t", 0), 0);
            assertThat(consumer.poll(10, Duration.ZERO)).extracting(LogRecord::value).containsExactly("old", "new");
            assertThat(consumer.positions()).isEqualTo(Map.of(new TopicPartition("t", 0), 2L));
            assertThatThrownBy(consumer::commit).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void pollWakesUpWhenARecordIsAppended() throws Exception {
        log.createTopic("t", 2);
        try (EventConsumer consumer = log.consumer(null, List.of("t"), OffsetReset.LATEST)) {
            CompletableFuture<List<LogRecord>> polled = CompletableFuture.supplyAsync(() -> consumer.poll(10, Duration.ofSeconds(30)));
            log.append("t", "k", "hello");
            assertThat(polled.get(10, TimeUnit.SECONDS)).extracting(LogRecord::value).containsExactly("hello");
        }
    }

    @Test
    void retentionDropsWholeChunksOlderThanTheRetentionButNeverTheChunkBeingWritten() {
        log.createTopic("t", 1);
        TopicPartition tp = new TopicPartition("t", 0);
        for (int i = 0; i < 2 * CHUNK + 1; i++) {
            log.append("t", null, i);
        }
        clock.advance(Duration.ofMinutes(11));
        assertThat(log.enforceRetention()).isEqualTo(2L * CHUNK);
        assertThat(log.startOffset(tp)).isEqualTo(2L * CHUNK);
        assertThat(log.read(tp, 0, 100)).extracting(LogRecord::value).containsExactly(2 * CHUNK);
    }

    @Test
    void retentionCapsTheRecordCountAndAConsumerSkipsWhatWasDropped() {
        InMemoryEventLog small = new InMemoryEventLog(clock, Duration.ofHours(1), 8, CHUNK);
        small.createTopic("t", 1);
        try (EventConsumer consumer = small.consumer("g", List.of("t"), OffsetReset.EARLIEST)) {
            for (int i = 0; i < 20; i++) {
                small.append("t", null, i);
            }
            // 20 records in chunks of 4; dropping happens as chunks fill, keeping at most 8 + one chunk.
            long start = small.startOffset(new TopicPartition("t", 0));
            assertThat(20 - start).isLessThanOrEqualTo(8 + CHUNK).isGreaterThanOrEqualTo(8);
            List<LogRecord> seen = consumer.poll(100, Duration.ZERO);
            assertThat(seen.getFirst().offset()).isEqualTo(start);
            assertThat(consumer.skippedByRetention()).isEqualTo(start);
            assertThat(small.droppedByRetention()).isEqualTo(start);
        }
    }

    @Test
    void refusesUnknownTopicsAndAChangedPartitionCount() {
        log.createTopic("t", 2);
        log.createTopic("t", 2);
        assertThatThrownBy(() -> log.append("nope", null, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> log.createTopic("t", 3)).isInstanceOf(IllegalArgumentException.class);
    }
}
