package dev.marquee.backend.events;

/** Where an appended record landed: its partition, offset, and the log time it was stamped with. */
public record RecordPosition(TopicPartition partition, long offset, long timestampMs) {}
