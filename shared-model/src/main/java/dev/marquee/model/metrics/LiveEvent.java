package dev.marquee.model.metrics;

import java.time.Instant;
import java.util.Map;

/**
 * A notable event (breaker transition, region change, chaos run step …) as the ops live stream sends it.
 *
 * @param topic      the event-log topic it was read from
 * @param partition  its partition
 * @param offset     its offset in that partition
 * @param at         when the backend appended it
 * @param type       the simple name of the event's type, e.g. {@code CircuitBreakerTransitioned}
 * @param payload    the event itself as JSON
 */
public record LiveEvent(String topic, int partition, long offset, Instant at, String type, Map<String, Object> payload) {}
