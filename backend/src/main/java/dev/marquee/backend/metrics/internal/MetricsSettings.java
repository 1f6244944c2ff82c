package dev.marquee.backend.metrics.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code marquee.metrics}.
 *
 * @param window              tumbling window of the operators and step of the fine series; must divide a minute
 * @param allowedLateness     how long after its end a window still takes records before it closes
 * @param history             how far back the fine (one point per window) series reach
 * @param rollupHistory       how far back the one-minute series reach
 * @param sessionIdleTimeout  a playback session that reports nothing for this long is forgotten
 * @param liveInterval        how often the live stream pushes KPI snapshots
 * @param liveStreamTimeout   how long one live-stream response lasts before the client reconnects (with its
 *                            Last-Event-ID, so it misses nothing)
 */
@ConfigurationProperties("marquee.metrics")
public record MetricsSettings(
        @DefaultValue("10s") Duration window,
        @DefaultValue("1s") Duration allowedLateness,
        @DefaultValue("1h") Duration history,
        @DefaultValue("6h") Duration rollupHistory,
        @DefaultValue("2m") Duration sessionIdleTimeout,
        @DefaultValue("5s") Duration liveInterval,
        @DefaultValue("30m") Duration liveStreamTimeout) {

    /** The coarse series' step: one point per minute, merged exactly from the windows of that minute. */
    public static final Duration ROLLUP_STEP = Duration.ofMinutes(1);

    public MetricsSettings {
        if (!window.isPositive() || ROLLUP_STEP.toMillis() % window.toMillis() != 0) {
            throw new IllegalArgumentException("marquee.metrics.window must be positive and divide one minute: " + window);
        }
        if (allowedLateness.isNegative() || allowedLateness.compareTo(window) > 0) {
            throw new IllegalArgumentException("marquee.metrics.allowed-lateness must be between 0 and the window");
        }
        if (history.compareTo(window) < 0 || rollupHistory.compareTo(ROLLUP_STEP) < 0) {
            throw new IllegalArgumentException("marquee.metrics: history must hold at least one window, rollup-history one minute");
        }
        if (!sessionIdleTimeout.isPositive() || !liveInterval.isPositive() || !liveStreamTimeout.isPositive()) {
            throw new IllegalArgumentException("marquee.metrics: timeouts and intervals must be positive");
        }
    }
}
