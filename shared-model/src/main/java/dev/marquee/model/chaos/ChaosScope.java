package dev.marquee.model.chaos;

import org.jspecify.annotations.Nullable;

/**
 * What an experiment may touch; absent fields do not narrow it. Which fields an experiment needs is in its
 * {@link ExperimentDescriptor}: e.g. Chaos Gorilla needs {@code zone}, Chaos Kong {@code region}, Latency Monkey
 * exactly one of {@code service} (with an optional region), {@code instanceId} or {@code edgeNodeId}.
 */
public record ChaosScope(
        @Nullable String region,
        @Nullable String zone,
        @Nullable String service,
        @Nullable String instanceId,
        @Nullable String edgeNodeId) {

    public static final ChaosScope EVERYWHERE = new ChaosScope(null, null, null, null, null);
}
