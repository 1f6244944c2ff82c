package dev.marquee.backend.events;

/** One partition of a topic. */
public record TopicPartition(String topic, int partition) {
    public TopicPartition {
        if (partition < 0) {
            throw new IllegalArgumentException("partition must not be negative: " + partition);
        }
    }

    @Override
    public String toString() {
        return topic + "/" + partition;
    }
}
