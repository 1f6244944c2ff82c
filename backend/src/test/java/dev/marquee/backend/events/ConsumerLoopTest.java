package dev.marquee.backend.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.marquee.backend.events.internal.InMemoryEventLog;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConsumerLoopTest {
    private static final String TOPIC = "loop-test";
    private static final String GROUP = "loop-test-group";
    private static final TopicPartition PARTITION = new TopicPartition(TOPIC, 0);
    /** Longer than any test may take: a loop that stops in time was interrupted, it did not wait this out. */
    private static final Duration LONG = Duration.ofMinutes(10);
    private static final Duration WITHIN = Duration.ofSeconds(10);

    private final InMemoryEventLog eventLog = new InMemoryEventLog(Clock.systemUTC(), Duration.ofMinutes(1), 4_096, 64);
    private final Recording handler = new Recording();
    private ConsumerLoop loop = loop(Duration.ofMillis(20), Duration.ZERO);

    ConsumerLoopTest() {
        eventLog.createTopic(TOPIC, 1);
    }

    @AfterEach
    void stopLoop() {
        loop.stop();
        eventLog.close();
    }

    @Test
    void appliesEveryRecordInOrderAndCommitsPastThem() {
        loop.start();
        for (String value : List.of("a", "b", "c")) {
            eventLog.append(TOPIC, null, value);
        }
        await().atMost(WITHIN).until(() -> handler.applied.size() == 3);
        assertThat(handler.applied).containsExactly("a", "b", "c");
        await().atMost(WITHIN).until(() -> eventLog.committed(GROUP, PARTITION).orElse(0) == 3);
        assertThat(loop.isRunning()).isTrue();
    }

    @Test
    void aRecordThatThrowsIsCountedAsFailedAndTheLoopGoesOn() {
        handler.failAfterPollOnce.set(1);
        loop.start();
        for (String value : List.of("a", "bad", "c")) {
            eventLog.append(TOPIC, null, value);
        }
        await().atMost(WITHIN).until(() -> handler.applied.size() == 2);
        assertThat(handler.applied).containsExactly("a", "c");
        assertThat(handler.failed).containsExactly("bad");

        eventLog.append(TOPIC, null, "d"); // after afterPoll threw too, the loop still runs
        await().atMost(WITHIN).until(() -> handler.applied.contains("d"));
        assertThat(handler.failAfterPollOnce).hasValue(0);
        await().atMost(WITHIN).until(() -> eventLog.committed(GROUP, PARTITION).orElse(0) == 4);
    }

    @Test
    void stopInterruptsAWaitingPollOrLingerAndFreesTheGroup() {
        loop = loop(LONG, LONG);
        loop.start();
        eventLog.append(TOPIC, null, "a"); // a short batch: the loop lingers, then polls, both for ten minutes
        await().atMost(WITHIN).until(() -> handler.applied.size() == 1);

        long startNs = System.nanoTime();
        loop.stop();
        Duration took = Duration.ofNanos(System.nanoTime() - startNs);

        assertThat(took).isLessThan(ConsumerLoop.STOP_TIMEOUT);
        assertThat(loop.isRunning()).isFalse();
        // The loop's consumer is closed: the group may have another one (a live one would make this throw).
        eventLog.consumer(GROUP, List.of(TOPIC), EventLog.OffsetReset.EARLIEST).close();
    }

    private ConsumerLoop loop(Duration pollWait, Duration linger) {
        handler.pollWait = pollWait;
        return new ConsumerLoop(eventLog, new ConsumerLoop.Config("loop-test", GROUP, List.of(TOPIC),
                EventLog.OffsetReset.EARLIEST, 100, linger), handler);
    }

    /** Records what the loop hands it; throws on the value "bad", and from afterPoll as many times as asked. */
    private static final class Recording implements ConsumerLoop.Handler {
        final List<Object> applied = new CopyOnWriteArrayList<>();
        final List<Object> failed = new CopyOnWriteArrayList<>();
        final AtomicInteger failAfterPollOnce = new AtomicInteger();
        volatile Duration pollWait = Duration.ZERO;

        @Override
        public Duration pollWait() {
            return pollWait;
        }

        @Override
        public void accept(LogRecord record) {
            if ("bad".equals(record.value())) {
                throw new IllegalStateException("cannot apply " + record.value());
            }
            applied.add(record.value());
        }

        @Override
        public void afterPoll(List<LogRecord> records) {
            if (!records.isEmpty() && failAfterPollOnce.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new IllegalStateException("afterPoll failed");
            }
        }

        @Override
        public void failed(LogRecord record, RuntimeException e) {
            failed.add(record.value());
        }
    }
}
