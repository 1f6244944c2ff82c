package dev.marquee.backend.events;

import org.jspecify.annotations.Nullable;

/**
 * A record of the log: where it is, when it was appended (log clock, epoch milliseconds), its key and value.
 * Immutable; the value is the appended object itself.
 */
public record LogRecord(String topic, int partition, long offset, long timestampMs, @Nullable String key, Object value) {

    public TopicPartition topicPartition() {
        return new TopicPartition(topic, partition);
    }
}
