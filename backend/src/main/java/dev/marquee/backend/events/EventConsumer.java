package dev.marquee.backend.events;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One consumer of an {@link EventLog}: a position per partition of its topics, advanced by {@link #poll}.
 * Not thread-safe: one thread polls it. {@link #close()} releases the group for another consumer.
 */
public interface EventConsumer extends AutoCloseable {

    /**
     * Returns up to {@code maxRecords} records after the current positions and advances them, waiting up to
     * {@code timeout} for something to be appended when there is nothing yet. Records of one partition come in
     * offset order; partitions are served in turn. Returns an empty list on timeout or interruption.
     */
    List<LogRecord> poll(int maxRecords, Duration timeout);

    /** Stores the current positions as the group's committed offsets. */
    void commit();

    /** Moves the position of one partition, e.g. to resume after a client's last seen offset. */
    void seek(TopicPartition partition, long offset);

    /** The next offset this consumer reads, per partition. */
    Map<TopicPartition, Long> positions();

    /** Records this consumer never saw because retention dropped them before it got there. */
    long skippedByRetention();

    @Override
    void close();
}
