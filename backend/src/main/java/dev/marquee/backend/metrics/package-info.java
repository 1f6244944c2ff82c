/**
 * Stream operators over the event log (the Flink role) and a dimensional in-memory time-series store (the
 * Atlas role): SPS, start time, rebuffer ratio, bitrate mix, API latency and errors, edge hit ratios, per
 * region and overall, in 10-second windows; the ops metrics API, the console's live stream and the KPI gauges
 * on the Prometheus scrape endpoint.
 */
@ApplicationModule(displayName = "Metrics")
@NullMarked
package dev.marquee.backend.metrics;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
