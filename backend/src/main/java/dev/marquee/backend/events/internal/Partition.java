package dev.marquee.backend.events.internal;

import dev.marquee.backend.events.LogRecord;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One partition: records in fixed-size chunks (the segments of a Kafka partition), so an offset is found by
 * arithmetic and retention drops whole chunks from the head. The chunk being written is never dropped.
 * Synchronized: appends and reads of one partition are short critical sections.
 */
final class Partition {
    private final String topic;
    private final int index;
    private final int chunkSize;
    /** Every chunk but the last is full; chunk {@code i} starts at {@code chunks[0].baseOffset + i * chunkSize}. */
    private final List<Chunk> chunks = new ArrayList<>();
    private long endOffset;

    Partition(String topic, int index, int chunkSize) {
        this.topic = topic;
        this.index = index;
        this.chunkSize = chunkSize;
    }

    synchronized long append(@Nullable String key, Object value, long timestampMs) {
        Chunk tail = chunks.isEmpty() ? null : chunks.getLast();
        if (tail == null || tail.size == chunkSize) {
            tail = new Chunk(endOffset, chunkSize);
            chunks.add(tail);
        }
        long offset = endOffset++;
        tail.records[tail.size++] = new LogRecord(topic, index, offset, timestampMs, key, value);
        tail.lastTimestampMs = timestampMs;
        return offset;
    }

    /** Adds up to {@code max} records from {@code from} (clamped to the first retained one) to {@code out}. */
    synchronized int read(long from, int max, List<LogRecord> out) {
        if (chunks.isEmpty() || max <= 0) {
            return 0;
        }
        long start = chunks.getFirst().baseOffset;
        long offset = Math.max(from, start);
        int added = 0;
        while (offset < endOffset && added < max) {
            Chunk chunk = chunks.get((int) ((offset - start) / chunkSize));
            int i = (int) (offset - chunk.baseOffset);
            int n = Math.min(chunk.size - i, max - added);
            for (int k = 0; k < n; k++) {
                out.add(chunk.records[i + k]);
            }
            added += n;
            offset += n;
        }
        return added;
    }

    synchronized long startOffset() {
        return chunks.isEmpty() ? endOffset : chunks.getFirst().baseOffset;
    }

    synchronized long endOffset() {
        return endOffset;
    }

    /**
     * Drops full head chunks whose newest record is older than {@code oldestKeptMs}, or while more than
     * {@code maxRecords} would remain without them. A partition keeps at most {@code maxRecords + chunkSize} records.
     *
     * @return how many records were dropped
     */
    synchronized long retain(long oldestKeptMs, long maxRecords) {
        long dropped = 0;
        while (chunks.size() > 1) {
            Chunk head = chunks.getFirst();
            long retained = endOffset - head.baseOffset;
            boolean tooOld = head.lastTimestampMs < oldestKeptMs;
            boolean tooMany = retained - head.size >= maxRecords;
            if (!tooOld && !tooMany) {
                break;
            }
            chunks.removeFirst();
            dropped += head.size;
        }
        return dropped;
    }

    private static final class Chunk {
        final long baseOffset;
        final LogRecord[] records;
        int size;
        long lastTimestampMs;

        Chunk(long baseOffset, int capacity) {
            this.baseOffset = baseOffset;
            this.records = new LogRecord[capacity];
        }
    }
}
