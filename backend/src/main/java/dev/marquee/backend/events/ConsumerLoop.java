package dev.marquee.backend.events;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs one consumer group over the {@link EventLog} on a daemon thread of its own: poll, hand each record to the
 * {@link Handler}, let it act on the batch, commit, optionally linger, again, until {@link #stop()}. A handler's
 * exception on one record is logged and the loop goes on with the next (the record is counted as failed, and
 * committed past like the others); one from {@link Handler#afterPoll} is logged and the loop goes on. A failure of
 * the consumer itself (poll, commit) ends the loop with an error log: looping on a broken consumer would only spin.
 * It does not retry a failed record.
 *
 * <p>Not thread-safe to start and stop from several threads at once (Spring's lifecycle calls them in turn).
 */
public final class ConsumerLoop {

    /** How long {@link #stop()} waits for the thread to finish the record at hand. */
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(ConsumerLoop.class);

    /**
     * What the loop does with records; every method is called on the loop's thread.
     */
    public interface Handler {

        /** How long the next poll may wait for an append when there is nothing to read; also caps the linger. */
        Duration pollWait();

        /** Applies one record. An exception is logged and passed to {@link #failed}; the loop goes on. */
        void accept(LogRecord record);

        /** After each poll's records, before the commit; also after an empty poll (e.g. to close windows on time). */
        default void afterPoll(List<LogRecord> records) {}

        /** A record whose {@link #accept} threw, after the loop logged it. */
        default void failed(LogRecord record, RuntimeException e) {}
    }

    /**
     * A Spring component that consumes through a loop it owns: its lifecycle is the loop's (Spring starts it with
     * the context and stops it, promptly, on shutdown).
     */
    public interface Owner extends SmartLifecycle, Handler {

        /** The loop, created with this as its handler. */
        ConsumerLoop consumerLoop();

        @Override
        default void start() {
            consumerLoop().start();
        }

        @Override
        default void stop() {
            consumerLoop().stop();
        }

        @Override
        default boolean isRunning() {
            return consumerLoop().isRunning();
        }
    }

    /**
     * @param threadName   name of the loop's thread, shown in thread dumps
     * @param maxRecords   records per poll
     * @param linger       after a non-empty batch shorter than {@code maxRecords}, how long to let records accumulate
     *                     before polling again (Kafka's fetch.max.wait), at most {@link Handler#pollWait()};
     *                     {@link Duration#ZERO} to poll again at once
     */
    public record Config(String threadName, String group, List<String> topics, EventLog.OffsetReset reset,
                         int maxRecords, Duration linger) {
        public Config {
            topics = List.copyOf(topics);
            if (maxRecords <= 0 || linger.isNegative() || topics.isEmpty()) {
                throw new IllegalArgumentException("a consumer loop needs topics, maxRecords > 0 and a linger >= 0");
            }
        }
    }

    private final EventLog eventLog;
    private final Config config;
    private final Handler handler;
    private volatile @Nullable Thread thread;
    private volatile boolean running;

    public ConsumerLoop(EventLog eventLog, Config config, Handler handler) {
        this.eventLog = eventLog;
        this.config = config;
        this.handler = handler;
    }

    /** Starts the thread; the consumer is opened on it, at the group's committed offsets. */
    public void start() {
        running = true;
        thread = Thread.ofPlatform().name(config.threadName()).daemon().start(this::run);
    }

    /**
     * Stops the loop and waits (up to {@link #STOP_TIMEOUT}) for its thread: a waiting poll or linger is
     * interrupted, so this returns as soon as the record at hand is done. The consumer is closed, the group free.
     */
    public void stop() {
        running = false;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            try {
                t.join(STOP_TIMEOUT);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Between {@link #start()} and {@link #stop()}. */
    public boolean isRunning() {
        return running;
    }

    private void run() {
        try (EventConsumer consumer = eventLog.consumer(config.group(), config.topics(), config.reset())) {
            while (running) {
                List<LogRecord> records = consumer.poll(config.maxRecords(), handler.pollWait());
                for (LogRecord record : records) {
                    try {
                        handler.accept(record);
                    } catch (RuntimeException e) {
                        log.warn("{}: record {}/{}@{} not applied: {}", config.threadName(), record.topic(),
                                record.partition(), record.offset(), e.toString());
                        handler.failed(record, e);
                    }
                }
                try {
                    handler.afterPoll(records);
                } catch (RuntimeException e) {
                    log.warn("{}: after a poll of {} records", config.threadName(), records.size(), e);
                }
                if (!records.isEmpty()) {
                    consumer.commit();
                    if (records.size() < config.maxRecords()) {
                        linger();
                    }
                }
            }
        } catch (RuntimeException e) {
            log.error("{}: consumer of group {} stopped", config.threadName(), config.group(), e);
        }
    }

    private void linger() {
        long lingerMs = Math.min(config.linger().toMillis(), handler.pollWait().toMillis());
        if (lingerMs > 0) {
            try {
                Thread.sleep(lingerMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // stop(): poll returns at once and the loop sees !running
            }
        }
    }
}
