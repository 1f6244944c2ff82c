package dev.marquee.backend.events.internal;

import dev.marquee.backend.events.EventConsumer;
import dev.marquee.backend.events.EventLog.OffsetReset;
import dev.marquee.backend.events.LogRecord;
import dev.marquee.backend.events.TopicPartition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/** A consumer of the {@link InMemoryEventLog}: positions per partition, served in turn from a rotating start. */
final class LogConsumer implements EventConsumer {
    private final InMemoryEventLog log;
    private final @Nullable String group;
    private final TopicPartition[] assigned;
    private final String[] topics;
    private final long[] seenAppends;
    private final long[] positions;
    private int nextPartition;
    private long skipped;
    private boolean closed;

    LogConsumer(InMemoryEventLog log, @Nullable String group, List<TopicPartition> assigned, OffsetReset reset) {
        this.log = log;
        this.group = group;
        this.assigned = assigned.toArray(TopicPartition[]::new);
        this.positions = new long[this.assigned.length];
        this.topics = assigned.stream().map(TopicPartition::topic).distinct().toArray(String[]::new);
        this.seenAppends = new long[topics.length];
        for (int i = 0; i < this.assigned.length; i++) {
            TopicPartition tp = this.assigned[i];
            OptionalLong committed = group == null ? OptionalLong.empty() : log.committed(group, tp);
            positions[i] = committed.orElseGet(() -> reset == OffsetReset.EARLIEST ? log.startOffset(tp) : log.endOffset(tp));
        }
    }

    @Override
    public List<LogRecord> poll(int maxRecords, Duration timeout) {
        ensureOpen();
        long deadline = System.nanoTime() + InMemoryEventLog.nanos(timeout);
        List<LogRecord> out = new ArrayList<>();
        while (true) {
            log.appendCounts(topics, seenAppends);
            fill(out, maxRecords);
            long remaining = deadline - System.nanoTime();
            if (!out.isEmpty() || remaining <= 0 || Thread.currentThread().isInterrupted()) {
                return out;
            }
            log.awaitAppend(topics, seenAppends, remaining);
        }
    }

    private void fill(List<LogRecord> out, int maxRecords) {
        int n = assigned.length;
        for (int k = 0; k < n && out.size() < maxRecords; k++) {
            int i = (nextPartition + k) % n;
            Partition partition = log.partition(assigned[i]);
            long start = partition.startOffset();
            if (positions[i] < start) {
                skipped += start - positions[i];
                positions[i] = start;
            }
            positions[i] += partition.read(positions[i], maxRecords - out.size(), out);
        }
        nextPartition = n == 0 ? 0 : (nextPartition + 1) % n;
    }

    @Override
    public void commit() {
        ensureOpen();
        if (group == null) {
            throw new IllegalStateException("an anonymous consumer has no group to commit for");
        }
        log.commit(group, positions());
    }

    @Override
    public void seek(TopicPartition partition, long offset) {
        ensureOpen();
        for (int i = 0; i < assigned.length; i++) {
            if (assigned[i].equals(partition)) {
                positions[i] = Math.max(0, Math.min(offset, log.endOffset(partition)));
                return;
            }
        }
        throw new IllegalArgumentException("partition " + partition + " is not assigned to this consumer");
    }

    @Override
    public Map<TopicPartition, Long> positions() {
        Map<TopicPartition, Long> map = new LinkedHashMap<>();
        for (int i = 0; i < assigned.length; i++) {
            map.put(assigned[i], positions[i]);
        }
        return map;
    }

    @Override
    public long skippedByRetention() {
        return skipped;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            if (group != null) {
                log.release(group);
            }
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("consumer is closed");
        }
    }
}
