package dev.marquee.backend.metrics.internal;

import dev.marquee.backend.events.EventConsumer;
import dev.marquee.backend.events.EventLog;
import dev.marquee.backend.events.LogRecord;
import dev.marquee.backend.events.TopicPartition;
import dev.marquee.backend.events.Topics;
import dev.marquee.backend.platform.ProblemException;
import dev.marquee.model.metrics.KpiSnapshot;
import dev.marquee.model.metrics.LiveEvent;
import dev.marquee.model.metrics.MetricsPaths;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The console's live stream: per connection, a virtual thread reads the notable topics from the log (an
 * anonymous consumer, no group) and sends each record as a {@link MetricsPaths#NOTABLE_EVENT} whose id is the
 * resume position of every notable partition after it ({@code topic/partition:offset,…}); every few seconds it
 * sends a {@link MetricsPaths#KPIS_EVENT} with the overall and per-region snapshots. A client that reconnects
 * with {@code Last-Event-ID} resumes right after the last event it saw (if retention has not dropped it).
 * Stops before the web server's graceful shutdown so open streams never hold it up.
 */
final class LiveStreams implements SmartLifecycle {
    /** Asks browsers and the console to reconnect after this long. */
    static final Duration RECONNECT_DELAY = Duration.ofSeconds(2);
    static final int MAX_EVENTS_PER_POLL = 256;
    static final Duration KPI_WINDOW = Duration.ofMinutes(1);
    /** A console per SRE and a few wall dashboards; more open streams are a leak or abuse, and are refused. */
    static final int MAX_STREAMS = 64;

    private final EventLog eventLog;
    private final MetricsEngine engine;
    private final JsonMapper json;
    private final Duration interval;
    private final Duration timeout;
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private volatile boolean running;

    LiveStreams(EventLog eventLog, MetricsEngine engine, JsonMapper json, MetricsSettings settings) {
        this.eventLog = eventLog;
        this.engine = engine;
        this.json = json;
        this.interval = settings.liveInterval();
        this.timeout = settings.liveStreamTimeout();
    }

    /** @throws ProblemException 503 when {@link #MAX_STREAMS} are open or the backend is shutting down */
    SseEmitter open(@Nullable String lastEventId) {
        if (!running || connections.size() >= MAX_STREAMS) {
            throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "live-stream-unavailable", "Live stream unavailable",
                    running ? "Too many live streams are open (" + MAX_STREAMS + "); close one and retry." : "The backend is shutting down.");
        }
        SseEmitter emitter = new SseEmitter(timeout.toMillis());
        EventConsumer consumer = eventLog.consumer(null, Topics.NOTABLE, EventLog.OffsetReset.LATEST);
        resume(consumer, lastEventId);
        Connection connection = new Connection(emitter, consumer);
        emitter.onCompletion(connection::stop);
        emitter.onTimeout(connection::stop);
        emitter.onError(e -> connection.stop());
        connections.add(connection);
        connection.thread = Thread.ofVirtual().name("metrics-live").start(connection::run);
        return emitter;
    }

    /** Encodes resume positions as {@code topic/partition:offset} joined by commas. */
    static String token(Map<TopicPartition, Long> positions) {
        StringBuilder token = new StringBuilder();
        positions.forEach((tp, offset) -> token.append(token.isEmpty() ? "" : ",").append(tp).append(':').append(offset));
        return token.toString();
    }

    /** Seeks the partitions named in a token; ignores what it cannot read (the client then gets only new events). */
    static void resume(EventConsumer consumer, @Nullable String token) {
        if (token == null || token.isBlank()) {
            return;
        }
        Set<TopicPartition> assigned = consumer.positions().keySet();
        for (String part : token.split(",")) {
            int colon = part.lastIndexOf(':');
            int slash = part.lastIndexOf('/', colon);
            if (colon < 0 || slash < 0) {
                continue;
            }
            try {
                TopicPartition tp = new TopicPartition(part.substring(0, slash), Integer.parseInt(part.substring(slash + 1, colon)));
                if (assigned.contains(tp)) {
                    consumer.seek(tp, Long.parseLong(part.substring(colon + 1)));
                }
            } catch (IllegalArgumentException unreadable) {
                // A token from another version or a forged one: start from now for that partition.
            }
        }
    }

    private List<KpiSnapshot> snapshots() {
        List<KpiSnapshot> snapshots = new ArrayList<>();
        snapshots.add(engine.snapshot(MetricsPaths.ALL_REGIONS, KPI_WINDOW));
        engine.regions().forEach(region -> snapshots.add(engine.snapshot(region, KPI_WINDOW)));
        return snapshots;
    }

    @SuppressWarnings("unchecked")
    private LiveEvent liveEvent(LogRecord record) {
        Object value = record.value();
        Map<String, Object> payload;
        try {
            Object tree = json.convertValue(value, Object.class);
            payload = tree instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of("value", String.valueOf(tree));
        } catch (RuntimeException notConvertible) {
            payload = Map.of("value", String.valueOf(value));
        }
        return new LiveEvent(record.topic(), record.partition(), record.offset(), Instant.ofEpochMilli(record.timestampMs()),
                value.getClass().getSimpleName(), payload);
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        connections.forEach(Connection::stop);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Open streams, for diagnostics and tests. */
    int openStreams() {
        return connections.size();
    }

    private final class Connection {
        private final SseEmitter emitter;
        private final EventConsumer consumer;
        private volatile boolean open = true;
        private volatile @Nullable Thread thread;

        Connection(SseEmitter emitter, EventConsumer consumer) {
            this.emitter = emitter;
            this.consumer = consumer;
        }

        void run() {
            Map<TopicPartition, Long> positions = new LinkedHashMap<>(consumer.positions());
            try {
                emitter.send(SseEmitter.event().reconnectTime(RECONNECT_DELAY.toMillis()).name(MetricsPaths.KPIS_EVENT)
                        .data(snapshots(), MediaType.APPLICATION_JSON));
                long nextKpisNs = System.nanoTime() + interval.toNanos();
                while (open && running) {
                    List<LogRecord> records = consumer.poll(MAX_EVENTS_PER_POLL, Duration.ofNanos(Math.max(0, nextKpisNs - System.nanoTime())));
                    for (LogRecord record : records) {
                        positions.put(record.topicPartition(), record.offset() + 1);
                        emitter.send(SseEmitter.event().id(token(positions)).name(MetricsPaths.NOTABLE_EVENT)
                                .data(liveEvent(record), MediaType.APPLICATION_JSON));
                    }
                    if (System.nanoTime() - nextKpisNs >= 0) {
                        emitter.send(SseEmitter.event().name(MetricsPaths.KPIS_EVENT).data(snapshots(), MediaType.APPLICATION_JSON));
                        nextKpisNs += interval.toNanos();
                    }
                }
                emitter.complete();
            } catch (IOException | IllegalStateException gone) {
                // The client went away or the response was completed: nothing to tell anyone.
            } finally {
                consumer.close();
                connections.remove(this);
            }
        }

        void stop() {
            open = false;
            Thread t = thread;
            if (t != null) {
                t.interrupt();
            }
        }
    }
}
