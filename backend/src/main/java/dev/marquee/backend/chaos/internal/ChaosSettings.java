package dev.marquee.backend.chaos.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code marquee.chaos}.
 *
 * @param minDuration            shortest run: long enough for one KPI window to see the effect
 * @param maxDuration            longest run: an experiment is not an outage left running
 * @param maxLatency             the largest injected latency accepted; beyond it every client has timed out anyway
 * @param evaluationInterval     how often a run's hypothesis is evaluated (and Doctor Monkey looks for sick instances)
 * @param kpiWindow              the KPI window each evaluation reads (a multiple of the metrics window)
 * @param maxSpsDropPercent      default limit: stream starts per second below the baseline by this much
 * @param maxErrorRate           default limit: share of API requests answered 5xx
 * @param maxP99LatencyMs        default limit: p99 API latency
 * @param maxRebufferRatio       default limit: stall time over watch time
 * @param scheduleCheckInterval  how often schedules are checked for a due run
 * @param healthProbeTimeout     Doctor Monkey's connect timeout when it probes an instance's port
 */
@ConfigurationProperties("marquee.chaos")
public record ChaosSettings(
        @DefaultValue("10s") Duration minDuration,
        @DefaultValue("2h") Duration maxDuration,
        @DefaultValue("30s") Duration maxLatency,
        @DefaultValue("2s") Duration evaluationInterval,
        @DefaultValue("10s") Duration kpiWindow,
        @DefaultValue("50") double maxSpsDropPercent,
        @DefaultValue("0.05") double maxErrorRate,
        @DefaultValue("2000") double maxP99LatencyMs,
        @DefaultValue("0.05") double maxRebufferRatio,
        @DefaultValue("30s") Duration scheduleCheckInterval,
        @DefaultValue("500ms") Duration healthProbeTimeout) {

    public ChaosSettings {
        if (!minDuration.isPositive() || maxDuration.compareTo(minDuration) < 0 || !evaluationInterval.isPositive()
                || !kpiWindow.isPositive() || !scheduleCheckInterval.isPositive()) {
            throw new IllegalArgumentException("marquee.chaos: durations must be positive and max-duration >= min-duration");
        }
    }
}
