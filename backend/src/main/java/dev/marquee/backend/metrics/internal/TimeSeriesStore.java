package dev.marquee.backend.metrics.internal;

import dev.marquee.model.metrics.SeriesAnswer;
import dev.marquee.model.metrics.SeriesDescriptor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * A dimensional time-series store in memory (the Atlas role): a series is a name plus tags, holding one value
 * per step in a ring buffer of a fixed number of steps, so memory is bounded and old points fall off by
 * themselves. Queries consolidate several steps into one by averaging the points present (as Atlas does).
 * <p>
 * Writes come from the stream operators' thread, reads from request threads; each series is locked briefly.
 */
final class TimeSeriesStore {
    /** Bounds one answer (a week at one-minute steps is far more than anyone plots). */
    static final int MAX_POINTS_PER_SERIES = 10_080;

    private final long stepMs;
    private final int capacity;
    private final Map<SeriesDescriptor, Ring> series = new ConcurrentHashMap<>();

    TimeSeriesStore(Duration step, Duration history) {
        this.stepMs = step.toMillis();
        if (stepMs <= 0 || history.toMillis() < stepMs) {
            throw new IllegalArgumentException("step must be positive and history at least one step");
        }
        this.capacity = (int) (history.toMillis() / stepMs);
    }

    Duration step() {
        return Duration.ofMillis(stepMs);
    }

    /** How far back the store reaches. */
    Duration history() {
        return Duration.ofMillis(stepMs * capacity);
    }

    /** Sets the point of the step containing {@code timestampMs} (a later write to the same step replaces it). */
    void put(String name, Map<String, String> tags, long timestampMs, double value) {
        series.computeIfAbsent(new SeriesDescriptor(name, tags), d -> new Ring(capacity))
                .put(Math.floorDiv(timestampMs, stepMs), value);
    }

    /** Every series, sorted by name then tags. */
    List<SeriesDescriptor> descriptors() {
        List<SeriesDescriptor> all = new ArrayList<>(series.keySet());
        all.sort(Comparator.comparing(SeriesDescriptor::name).thenComparing(d -> new TreeMap<>(d.tags()).toString()));
        return all;
    }

    /**
     * Series of {@code name} whose tags include every entry of {@code tagFilter}, on the grid of {@code step}
     * (a multiple of this store's step) from {@code from} (rounded down to the grid) to {@code to} (exclusive).
     */
    SeriesAnswer query(String name, Map<String, String> tagFilter, Instant from, Instant to, Duration step) {
        long queryStepMs = step.toMillis();
        if (queryStepMs < stepMs || queryStepMs % stepMs != 0) {
            throw new IllegalArgumentException("step must be a multiple of " + Duration.ofMillis(stepMs).toSeconds() + "s");
        }
        long fromMs = Math.floorDiv(from.toEpochMilli(), queryStepMs) * queryStepMs;
        long points = Math.max(0, Math.ceilDiv(to.toEpochMilli() - fromMs, queryStepMs));
        if (points > MAX_POINTS_PER_SERIES) {
            throw new IllegalArgumentException("the range holds " + points + " steps; at most " + MAX_POINTS_PER_SERIES + " are answered");
        }
        int perPoint = (int) (queryStepMs / stepMs);
        List<SeriesAnswer.Series> answer = new ArrayList<>();
        for (SeriesDescriptor descriptor : descriptors()) {
            if (!descriptor.name().equals(name) || !descriptor.tags().entrySet().containsAll(tagFilter.entrySet())) {
                continue;
            }
            Ring ring = series.get(descriptor);
            List<@Nullable Double> values = new ArrayList<>((int) points);
            long firstSlot = fromMs / stepMs;
            for (int i = 0; i < points; i++) {
                values.add(ring.average(firstSlot + (long) i * perPoint, perPoint));
            }
            answer.add(new SeriesAnswer.Series(descriptor, values));
        }
        return new SeriesAnswer(name, Instant.ofEpochMilli(fromMs), step, answer);
    }

    /** One series: the value and the step number at each ring index (so a stale index reads as no data). */
    private static final class Ring {
        private final double[] values;
        private final long[] slots;

        Ring(int capacity) {
            values = new double[capacity];
            slots = new long[capacity];
            Arrays.fill(slots, Long.MIN_VALUE);
        }

        synchronized void put(long slot, double value) {
            int i = (int) Math.floorMod(slot, (long) values.length);
            if (slot >= slots[i]) {
                slots[i] = slot;
                values[i] = value;
            }
        }

        synchronized @Nullable Double average(long firstSlot, int count) {
            double sum = 0;
            int present = 0;
            for (long slot = firstSlot; slot < firstSlot + count; slot++) {
                int i = (int) Math.floorMod(slot, (long) values.length);
                if (slots[i] == slot && !Double.isNaN(values[i])) {
                    sum += values[i];
                    present++;
                }
            }
            return present == 0 ? null : sum / present;
        }
    }
}
