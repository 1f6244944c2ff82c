package dev.marquee.backend.gateway.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Zuul's passport: the timestamps of one request's way through the gateway, in order. It renders as a
 * {@code Server-Timing} header, one duration per phase. Used by one request's threads in turn; not shared.
 */
final class Passport {
    enum Stamp { IN_REQUEST_START, IN_FILTERS_END, UPSTREAM_START, UPSTREAM_END, OUT_RESPONSE_START }

    private record Entry(Stamp stamp, long nanos) {}

    private final List<Entry> entries = new ArrayList<>();

    synchronized void stamp(Stamp stamp) {
        entries.add(new Entry(stamp, System.nanoTime()));
    }

    private synchronized long first(Stamp stamp) {
        return entries.stream().filter(e -> e.stamp() == stamp).mapToLong(Entry::nanos).findFirst().orElse(-1);
    }

    private synchronized long last(Stamp stamp) {
        return entries.stream().filter(e -> e.stamp() == stamp).mapToLong(Entry::nanos).reduce((a, b) -> b).orElse(-1);
    }

    /** e.g. {@code inbound;dur=0.21, upstream;dur=1.84, total;dur=2.30} (milliseconds, as the header wants). */
    String serverTiming() {
        long start = first(Stamp.IN_REQUEST_START);
        long filters = first(Stamp.IN_FILTERS_END);
        long upStart = first(Stamp.UPSTREAM_START);
        long upEnd = last(Stamp.UPSTREAM_END);
        long out = last(Stamp.OUT_RESPONSE_START);
        List<String> parts = new ArrayList<>();
        if (start >= 0 && filters >= 0) {
            parts.add(metric("inbound", filters - start));
        }
        if (upStart >= 0 && upEnd >= 0) {
            parts.add(metric("upstream", upEnd - upStart));
        }
        if (start >= 0 && out >= 0) {
            parts.add(metric("total", out - start));
        }
        return String.join(", ", parts);
    }

    private static String metric(String name, long nanos) {
        return name + ";dur=" + String.format(Locale.ROOT, "%.2f", nanos / 1_000_000.0);
    }
}
