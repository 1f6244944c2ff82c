package dev.marquee.backend.events;

import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A partitioned, append-only log of events (the Kafka role). A topic has a fixed number of partitions; a
 * record goes to the partition of its key's hash (round-robin without a key), so one key's records stay in
 * order. Each record gets the next offset of its partition and the log's clock time. Old records are dropped
 * by retention (age and count), whole chunks at a time, never one by one.
 * <p>
 * Values are kept as the appended objects (no serialization), so they must be immutable: records of records.
 * All methods are thread-safe; {@link #append} never blocks on readers.
 */
public interface EventLog {

    /** Creates a topic, or does nothing if it exists with the same number of partitions. */
    void createTopic(String topic, int partitions);

    Set<String> topics();

    /** @throws IllegalArgumentException for an unknown topic */
    int partitions(String topic);

    /**
     * Appends one record.
     *
     * @return where it landed
     * @throws IllegalArgumentException for an unknown topic
     */
    RecordPosition append(String topic, @Nullable String key, Object value);

    /** Up to {@code maxRecords} records of one partition from {@code fromOffset} (or its first retained one). */
    List<LogRecord> read(TopicPartition partition, long fromOffset, int maxRecords);

    /** Offset of the first record still retained. */
    long startOffset(TopicPartition partition);

    /** Offset the next appended record will get. */
    long endOffset(TopicPartition partition);

    /**
     * Opens the consumer of a group over some topics, positioned at the group's committed offsets; a partition
     * without one starts at {@code reset}. A group has one consumer at a time, which owns every partition of its
     * topics (no rebalancing). A {@code null} group gives an anonymous consumer that cannot commit.
     *
     * @throws IllegalStateException if the group already has an open consumer
     */
    EventConsumer consumer(@Nullable String group, Collection<String> topics, OffsetReset reset);

    /** The group's committed offset of a partition (the next offset it will read), if it committed one. */
    OptionalLong committed(String group, TopicPartition partition);

    /** Where a consumer without a committed offset starts. */
    enum OffsetReset {
        /** At the first retained record. */
        EARLIEST,
        /** After the last record: only records appended from now on. */
        LATEST
    }
}
