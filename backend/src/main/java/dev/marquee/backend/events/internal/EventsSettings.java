package dev.marquee.backend.events.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code marquee.events}.
 *
 * @param retention                how long records stay in the log (at least; dropped a chunk at a time)
 * @param maxRecordsPerPartition   record count above which a partition drops its oldest chunks, whatever their age
 * @param telemetryPartitions      partitions of the heartbeat, API request and edge stats topics
 * @param retentionCheckInterval   how often retention runs on topics that receive nothing
 * @param apiRequestEvents         record every API request on the API request topic
 */
@ConfigurationProperties("marquee.events")
public record EventsSettings(
        @DefaultValue("30m") Duration retention,
        @DefaultValue("50000") long maxRecordsPerPartition,
        @DefaultValue("4") int telemetryPartitions,
        @DefaultValue("30s") Duration retentionCheckInterval,
        @DefaultValue("true") boolean apiRequestEvents) {

    public EventsSettings {
        if (!retention.isPositive() || !retentionCheckInterval.isPositive()) {
            throw new IllegalArgumentException("marquee.events: retention and its check interval must be positive");
        }
        if (maxRecordsPerPartition < InMemoryEventLog.DEFAULT_CHUNK_SIZE || telemetryPartitions < 1) {
            throw new IllegalArgumentException("marquee.events: max-records-per-partition must be at least "
                    + InMemoryEventLog.DEFAULT_CHUNK_SIZE + " and telemetry-partitions at least 1");
        }
    }
}
