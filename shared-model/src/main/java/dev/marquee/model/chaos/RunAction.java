package dev.marquee.model.chaos;

import java.time.Instant;

/**
 * One step on a run's timeline, e.g. {@code INSTANCE_TERMINATED catalog-us-east-1a-1}.
 *
 * @param kind  INSTANCE_TERMINATED, INSTANCE_STARTED, INSTANCE_REPLACED, GATEWAY_STOPPED, GATEWAY_STARTED,
 *              CACHE_ZONE_FAILED, CACHE_ZONE_RESTORED, FAULTS_INJECTED, FAULTS_CLEARED, HYPOTHESIS_FAILED, ABORTED,
 *              REVERT_FAILED, ENDED
 */
public record RunAction(Instant at, String kind, String target, String detail) {}
