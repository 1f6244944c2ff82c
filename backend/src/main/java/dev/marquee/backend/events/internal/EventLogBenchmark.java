package dev.marquee.backend.events.internal;

import dev.marquee.backend.events.EventConsumer;
import dev.marquee.backend.events.EventLog.OffsetReset;
import dev.marquee.backend.events.HeartbeatReceived;
import dev.marquee.backend.events.LogRecord;
import dev.marquee.model.events.PlaybackEventType;
import dev.marquee.model.events.PlaybackHeartbeat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code ./marquee bench events}: append, poll and hand-off throughput of the in-memory event log, and the
 * latency from an append to a waiting consumer, each phase bounded by a record count and a time limit. The
 * reference is a JDK {@link ArrayBlockingQueue} doing the same producer-to-consumer hand-off in the same run
 * (results on this VM drift between runs; compare ratios). Not a JMH benchmark: a few warm-up rounds, then
 * the best of three.
 */
public final class EventLogBenchmark {
    static final int RECORDS = 1_000_000;
    static final int SESSIONS = 10_000;
    static final int PARTITIONS = 4;
    static final int BATCH = 4_096;
    static final int ROUNDS = 3;
    static final int LATENCY_SAMPLES = 2_000;
    /** What the metrics operators do after a short batch: let records accumulate instead of waking per append. */
    static final Duration LINGER = Duration.ofMillis(1);
    /** Every phase stops after this long even if it has not moved every record (a slow or busy machine). */
    static final Duration PHASE_LIMIT = Duration.ofSeconds(10);
    private static final String TOPIC = "bench";

    private EventLogBenchmark() {}

    public static void main(String[] args) throws Exception {
        HeartbeatReceived[] values = heartbeats();
        String[] keys = new String[SESSIONS];
        for (int i = 0; i < SESSIONS; i++) {
            keys[i] = values[i].heartbeat().sessionId().toString();
        }
        System.out.printf("event log benchmark: %,d heartbeat records over %,d sessions, %d partitions, best of %d%n",
                RECORDS, SESSIONS, PARTITIONS, ROUNDS);
        double append = 0, poll = 0, handOff = 0, lingering = 0, queue = 0;
        for (int round = 0; round < ROUNDS + 1; round++) {
            boolean warmUp = round == 0;
            InMemoryEventLog log = newLog();
            double a = appendRate(log, keys, values);
            double p = pollRate(log);
            double h = handOffRate(newLog(), keys, values, Duration.ZERO);
            double l = handOffRate(newLog(), keys, values, LINGER);
            double q = queueRate(values);
            if (!warmUp) {
                append = Math.max(append, a);
                poll = Math.max(poll, p);
                handOff = Math.max(handOff, h);
                lingering = Math.max(lingering, l);
                queue = Math.max(queue, q);
            }
        }
        System.out.printf("append (1 producer, keyed):            %,12.0f records/s%n", append);
        System.out.printf("poll (1 consumer, batches of %d):    %,12.0f records/s%n", BATCH, poll);
        System.out.printf("hand-off log (producer || consumer):   %,12.0f records/s%n", handOff);
        System.out.printf("hand-off log, consumer lingers %d ms:   %,12.0f records/s%n", LINGER.toMillis(), lingering);
        System.out.printf("hand-off ArrayBlockingQueue reference: %,12.0f records/s%n", queue);
        System.out.printf("ratio log / ArrayBlockingQueue:        %12.2f (lingering: %.2f)%n", handOff / queue, lingering / queue);
        long[] latencyNs = wakeUpLatency(newLog());
        System.out.printf("append -> waiting consumer latency:    p50 %.1f us, p99 %.1f us (%d samples)%n",
                latencyNs[latencyNs.length / 2] / 1e3, latencyNs[(int) (latencyNs.length * 0.99)] / 1e3, latencyNs.length);
    }

    private static InMemoryEventLog newLog() {
        // Retention large enough that nothing is dropped: this measures the log, not the retention policy.
        InMemoryEventLog log = new InMemoryEventLog(Clock.systemUTC(), Duration.ofHours(1), RECORDS, InMemoryEventLog.DEFAULT_CHUNK_SIZE);
        log.createTopic(TOPIC, PARTITIONS);
        return log;
    }

    private static double appendRate(InMemoryEventLog log, String[] keys, HeartbeatReceived[] values) {
        long start = System.nanoTime();
        long deadline = start + PHASE_LIMIT.toNanos();
        int n = 0;
        while (n < RECORDS && System.nanoTime() < deadline) {
            for (int end = Math.min(RECORDS, n + BATCH); n < end; n++) {
                int s = n % SESSIONS;
                log.append(TOPIC, keys[s], values[s]);
            }
        }
        return n / ((System.nanoTime() - start) / 1e9);
    }

    private static double pollRate(InMemoryEventLog log) {
        long start = System.nanoTime();
        long deadline = start + PHASE_LIMIT.toNanos();
        long n = 0;
        try (EventConsumer consumer = log.consumer("bench", List.of(TOPIC), OffsetReset.EARLIEST)) {
            List<LogRecord> batch;
            while (!(batch = consumer.poll(BATCH, Duration.ZERO)).isEmpty() && System.nanoTime() < deadline) {
                n += batch.size();
            }
        }
        return n / ((System.nanoTime() - start) / 1e9);
    }

    private static double handOffRate(InMemoryEventLog log, String[] keys, HeartbeatReceived[] values, Duration linger)
            throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + PHASE_LIMIT.toNanos();
        Thread producer = Thread.ofPlatform().start(() -> {
            for (int n = 0; n < RECORDS; n++) {
                int s = n % SESSIONS;
                log.append(TOPIC, keys[s], values[s]);
            }
        });
        long received = 0;
        try (EventConsumer consumer = log.consumer("bench", List.of(TOPIC), OffsetReset.EARLIEST)) {
            while (received < RECORDS && System.nanoTime() < deadline) {
                int n = consumer.poll(BATCH, Duration.ofMillis(100)).size();
                received += n;
                if (n < BATCH && linger.isPositive()) {
                    Thread.sleep(linger);
                }
            }
        }
        producer.join();
        return received / ((System.nanoTime() - start) / 1e9);
    }

    private static double queueRate(HeartbeatReceived[] values) throws InterruptedException {
        ArrayBlockingQueue<Object> queue = new ArrayBlockingQueue<>(BATCH * PARTITIONS);
        long start = System.nanoTime();
        long deadline = start + PHASE_LIMIT.toNanos();
        Thread producer = Thread.ofPlatform().start(() -> {
            try {
                for (int n = 0; n < RECORDS; n++) {
                    queue.put(values[n % SESSIONS]);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        long received = 0;
        List<Object> batch = new ArrayList<>(BATCH);
        while (received < RECORDS && System.nanoTime() < deadline) {
            Object first = queue.poll(100, TimeUnit.MILLISECONDS);
            if (first != null) {
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                received += batch.size();
                batch.clear();
            }
        }
        producer.interrupt();
        producer.join();
        return received / ((System.nanoTime() - start) / 1e9);
    }

    /** One record at a time to a consumer parked in poll: what a console or the operators wait after an append. */
    private static long[] wakeUpLatency(InMemoryEventLog log) throws InterruptedException {
        long[] samples = new long[LATENCY_SAMPLES];
        CountDownLatch done = new CountDownLatch(1);
        AtomicInteger count = new AtomicInteger();
        Semaphore taken = new Semaphore(0);
        try (EventConsumer consumer = log.consumer(null, List.of(TOPIC), OffsetReset.LATEST)) {
            Thread reader = Thread.ofPlatform().start(() -> {
                long deadline = System.nanoTime() + PHASE_LIMIT.toNanos();
                while (count.get() < LATENCY_SAMPLES && System.nanoTime() < deadline) {
                    for (LogRecord record : consumer.poll(1, Duration.ofSeconds(1))) {
                        samples[count.get()] = System.nanoTime() - (Long) record.value();
                        count.incrementAndGet();
                        taken.release();
                    }
                }
                done.countDown();
            });
            for (int i = 0; i < LATENCY_SAMPLES && done.getCount() > 0; i++) {
                log.append(TOPIC, "k", System.nanoTime());
                // Wait (bounded) until the reader took it, so each sample measures a parked consumer's wake-up.
                if (!taken.tryAcquire(1, TimeUnit.SECONDS)) {
                    break;
                }
            }
            done.await(PHASE_LIMIT.toSeconds(), TimeUnit.SECONDS);
            reader.join();
        }
        long[] measured = Arrays.copyOf(samples, count.get());
        Arrays.sort(measured);
        return measured;
    }

    private static HeartbeatReceived[] heartbeats() {
        HeartbeatReceived[] values = new HeartbeatReceived[SESSIONS];
        UUID title = UUID.randomUUID();
        for (int i = 0; i < SESSIONS; i++) {
            values[i] = new HeartbeatReceived(UUID.randomUUID(), new PlaybackHeartbeat(UUID.randomUUID(), title, UUID.randomUUID(),
                    "us-east-1", "edge-1", PlaybackEventType.PLAYING, 60_000, 3, 3_000_000, 720, 8_000, 0, 0, null, null, 0, 1_440,
                    Instant.now()));
        }
        return values;
    }
}
