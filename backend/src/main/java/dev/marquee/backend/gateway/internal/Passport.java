package dev.marquee.backend.gateway.internal;

/**
 * Zuul's passport: the timestamps of one request's way through the gateway. It keeps the first and the last time of
 * each stamp (an upstream call retried is one span from its first start to its last end) and renders as a
 * {@code Server-Timing} header, one duration per phase. Used on one event loop only; not thread-safe.
 */
final class Passport {
    enum Stamp { IN_REQUEST_START, IN_FILTERS_END, UPSTREAM_START, UPSTREAM_END, OUT_RESPONSE_START }

    private static final int STAMPS = Stamp.values().length;
    private static final long NOT_STAMPED = Long.MIN_VALUE;

    private final long[] first = new long[STAMPS];
    private final long[] last = new long[STAMPS];

    Passport() {
        java.util.Arrays.fill(first, NOT_STAMPED);
        java.util.Arrays.fill(last, NOT_STAMPED);
    }

    void stamp(Stamp stamp) {
        long now = System.nanoTime();
        int i = stamp.ordinal();
        if (first[i] == NOT_STAMPED) {
            first[i] = now;
        }
        last[i] = now;
    }

    /** e.g. {@code inbound;dur=0.21, upstream;dur=1.84, total;dur=2.30} (milliseconds, as the header wants). */
    String serverTiming() {
        StringBuilder header = new StringBuilder(64);
        append(header, "inbound", first[Stamp.IN_REQUEST_START.ordinal()], first[Stamp.IN_FILTERS_END.ordinal()]);
        append(header, "upstream", first[Stamp.UPSTREAM_START.ordinal()], last[Stamp.UPSTREAM_END.ordinal()]);
        append(header, "total", first[Stamp.IN_REQUEST_START.ordinal()], last[Stamp.OUT_RESPONSE_START.ordinal()]);
        return header.toString();
    }

    private static void append(StringBuilder header, String name, long from, long to) {
        if (from == NOT_STAMPED || to == NOT_STAMPED) {
            return;
        }
        if (!header.isEmpty()) {
            header.append(", ");
        }
        // Milliseconds with two decimals, written by hand: String.format was a visible share of a request's cost.
        long hundredths = Math.max(0, (to - from + 5_000) / 10_000);
        header.append(name).append(";dur=").append(hundredths / 100).append('.');
        long fraction = hundredths % 100;
        if (fraction < 10) {
            header.append('0');
        }
        header.append(fraction);
    }
}
