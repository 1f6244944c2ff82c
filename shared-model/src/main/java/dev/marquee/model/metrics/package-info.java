/** Metrics on the wire: samples that data-plane nodes report, and the ops API's series, KPI and live-stream answers. */
@NullMarked
package dev.marquee.model.metrics;

import org.jspecify.annotations.NullMarked;
