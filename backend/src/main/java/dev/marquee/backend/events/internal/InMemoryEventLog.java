package dev.marquee.backend.events.internal;

import dev.marquee.backend.events.EventConsumer;
import dev.marquee.backend.events.EventLog;
import dev.marquee.backend.events.LogRecord;
import dev.marquee.backend.events.RecordPosition;
import dev.marquee.backend.events.TopicPartition;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;

/**
 * The embedded {@link EventLog}: every topic in memory, nothing on disk (see docs/decisions "in-memory event
 * log"). Retention is by age and by record count per partition, applied when a chunk fills and by
 * {@link #enforceRetention()}, which the owner calls periodically.
 * <p>
 * A waiting consumer parks its thread and registers it with the topics it reads; an append unparks the threads
 * registered with its topic only, so an idle log costs nothing, a busy one with nobody waiting pays one atomic
 * increment per append, and a reader of rare topics sleeps through a flood on another.
 */
public final class InMemoryEventLog implements EventLog, AutoCloseable {
    /** Records per chunk: small enough that retention is fine-grained, large enough that chunk rolls are rare. */
    public static final int DEFAULT_CHUNK_SIZE = 4096;

    private final InstantSource clock;
    private final Duration retention;
    private final long maxRecordsPerPartition;
    private final int chunkSize;
    private final Map<String, Topic> topics = new ConcurrentHashMap<>();
    private final Map<GroupPartition, Long> committed = new ConcurrentHashMap<>();
    private final Set<String> openGroups = ConcurrentHashMap.newKeySet();

    private final AtomicLong droppedByRetention = new AtomicLong();
    private @Nullable ScheduledExecutorService sweeper;

    public InMemoryEventLog(InstantSource clock, Duration retention, long maxRecordsPerPartition, int chunkSize) {
        if (!retention.isPositive() || maxRecordsPerPartition < 1 || chunkSize < 1) {
            throw new IllegalArgumentException("retention, record limit and chunk size must be positive");
        }
        this.clock = clock;
        this.retention = retention;
        this.maxRecordsPerPartition = maxRecordsPerPartition;
        this.chunkSize = chunkSize;
    }

    @Override
    public void createTopic(String topic, int partitions) {
        if (topic.isBlank() || partitions < 1) {
            throw new IllegalArgumentException("a topic needs a name and at least one partition");
        }
        Topic existing = topics.computeIfAbsent(topic, name -> new Topic(name, partitions, chunkSize));
        if (existing.partitions.length != partitions) {
            throw new IllegalArgumentException("topic " + topic + " exists with " + existing.partitions.length + " partitions");
        }
    }

    @Override
    public Set<String> topics() {
        return Set.copyOf(topics.keySet());
    }

    @Override
    public int partitions(String topic) {
        return topic(topic).partitions.length;
    }

    @Override
    public RecordPosition append(String topic, @Nullable String key, Object value) {
        Topic t = topic(topic);
        int p = t.partitionFor(key);
        long now = clock.millis();
        Partition partition = t.partitions[p];
        long offset = partition.append(key, value, now);
        if ((offset + 1) % chunkSize == 0) {
            droppedByRetention.addAndGet(partition.retain(now - retention.toMillis(), maxRecordsPerPartition));
        }
        t.appends.incrementAndGet();
        if (!t.waiting.isEmpty()) {
            t.waiting.forEach(LockSupport::unpark);
        }
        return new RecordPosition(t.names[p], offset, now);
    }

    @Override
    public List<LogRecord> read(TopicPartition partition, long fromOffset, int maxRecords) {
        List<LogRecord> out = new ArrayList<>(Math.min(maxRecords, chunkSize));
        partition(partition).read(fromOffset, maxRecords, out);
        return out;
    }

    @Override
    public long startOffset(TopicPartition partition) {
        return partition(partition).startOffset();
    }

    @Override
    public long endOffset(TopicPartition partition) {
        return partition(partition).endOffset();
    }

    @Override
    public EventConsumer consumer(@Nullable String group, Collection<String> topicNames, OffsetReset reset) {
        List<TopicPartition> assigned = new ArrayList<>();
        for (String name : topicNames) {
            for (int p = 0; p < topic(name).partitions.length; p++) {
                assigned.add(new TopicPartition(name, p));
            }
        }
        if (group != null && !openGroups.add(group)) {
            throw new IllegalStateException("consumer group " + group + " already has an open consumer");
        }
        return new LogConsumer(this, group, assigned, reset);
    }

    @Override
    public OptionalLong committed(String group, TopicPartition partition) {
        Long offset = committed.get(new GroupPartition(group, partition));
        return offset == null ? OptionalLong.empty() : OptionalLong.of(offset);
    }

    /** Applies age and count retention to every partition now; returns the records dropped by this call. */
    public long enforceRetention() {
        long oldestKeptMs = clock.millis() - retention.toMillis();
        long dropped = 0;
        for (Topic topic : topics.values()) {
            for (Partition partition : topic.partitions) {
                dropped += partition.retain(oldestKeptMs, maxRecordsPerPartition);
            }
        }
        droppedByRetention.addAndGet(dropped);
        return dropped;
    }

    /** Runs {@link #enforceRetention()} every {@code period} on a daemon thread until {@link #close()}. */
    public synchronized void startRetentionSweeps(Duration period) {
        if (sweeper != null) {
            throw new IllegalStateException("retention sweeps already run");
        }
        sweeper = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("event-log-retention").daemon().factory());
        long periodMs = period.toMillis();
        sweeper.scheduleAtFixedRate(this::enforceRetention, periodMs, periodMs, TimeUnit.MILLISECONDS);
    }

    /** Stops the retention sweeps; the log stays readable. */
    @Override
    public synchronized void close() {
        if (sweeper != null) {
            sweeper.shutdownNow();
            sweeper = null;
        }
    }

    /** Records dropped by retention since the log was created. */
    public long droppedByRetention() {
        return droppedByRetention.get();
    }

    // ------------------------------------------------------------------ used by LogConsumer

    /** Appends so far to each of these topics, to pass to {@link #awaitAppend} after finding nothing new. */
    long[] appendCounts(String[] topicNames, long[] into) {
        for (int i = 0; i < topicNames.length; i++) {
            into[i] = topic(topicNames[i]).appends.get();
        }
        return into;
    }

    /**
     * Parks the calling thread until one of these topics gets an append after {@code seen} was read, the time is
     * up or the thread is interrupted. Only appends to these topics wake it: a console waiting for breaker events
     * is not woken by every heartbeat. (Register, then re-check, then park: an append in between unparks it.)
     */
    void awaitAppend(String[] topicNames, long[] seen, long timeoutNanos) {
        Thread self = Thread.currentThread();
        Topic[] watched = new Topic[topicNames.length];
        for (int i = 0; i < watched.length; i++) {
            watched[i] = topic(topicNames[i]);
            watched[i].waiting.add(self);
        }
        try {
            long deadline = System.nanoTime() + timeoutNanos;
            while (!self.isInterrupted() && !changed(watched, seen)) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return;
                }
                LockSupport.parkNanos(this, remaining);
            }
        } finally {
            for (Topic topic : watched) {
                topic.waiting.remove(self);
            }
        }
    }

    private static boolean changed(Topic[] watched, long[] seen) {
        for (int i = 0; i < watched.length; i++) {
            if (watched[i].appends.get() != seen[i]) {
                return true;
            }
        }
        return false;
    }

    Partition partition(TopicPartition tp) {
        Partition[] partitions = topic(tp.topic()).partitions;
        if (tp.partition() >= partitions.length) {
            throw new IllegalArgumentException("topic " + tp.topic() + " has no partition " + tp.partition());
        }
        return partitions[tp.partition()];
    }

    void commit(String group, Map<TopicPartition, Long> positions) {
        positions.forEach((tp, offset) -> committed.put(new GroupPartition(group, tp), offset));
    }

    void release(String group) {
        openGroups.remove(group);
    }

    static long nanos(Duration timeout) {
        return timeout.isNegative() ? 0 : TimeUnit.NANOSECONDS.convert(timeout);
    }

    private Topic topic(String name) {
        Topic topic = topics.get(name);
        if (topic == null) {
            throw new IllegalArgumentException("unknown topic: " + name);
        }
        return topic;
    }

    private record GroupPartition(String group, TopicPartition partition) {}

    private static final class Topic {
        final Partition[] partitions;
        final TopicPartition[] names;
        final AtomicInteger roundRobin = new AtomicInteger();
        final AtomicLong appends = new AtomicLong();
        /** Threads parked in a poll over this topic. */
        final Set<Thread> waiting = ConcurrentHashMap.newKeySet();

        Topic(String name, int count, int chunkSize) {
            partitions = new Partition[count];
            names = new TopicPartition[count];
            for (int p = 0; p < count; p++) {
                partitions[p] = new Partition(name, p, chunkSize);
                names[p] = new TopicPartition(name, p);
            }
        }

        int partitionFor(@Nullable String key) {
            int n = partitions.length;
            if (n == 1) {
                return 0;
            }
            if (key == null) {
                return Math.floorMod(roundRobin.getAndIncrement(), n);
            }
            return Math.floorMod(spread(key.hashCode()), n);
        }

        /** String hash codes cluster in their low bits; mix them (the finaliser of MurmurHash3) before the modulo. */
        private static int spread(int h) {
            h ^= h >>> 16;
            h *= 0x85ebca6b;
            h ^= h >>> 13;
            h *= 0xc2b2ae35;
            h ^= h >>> 16;
            return h;
        }
    }
}
