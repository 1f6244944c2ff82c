package dev.marquee.backend.resilience.internal;

import dev.marquee.backend.resilience.BreakerTransitioned;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live stream for the console: every breaker transition as a {@code transition} event the moment it happens,
 * and a {@code snapshot} of every breaker at a fixed interval. A subscriber that cannot be written to is dropped.
 */
final class ResilienceStream {
    /** A console stays connected for hours; it reconnects after this. */
    static final long EMITTER_TIMEOUT_MS = 30 * 60 * 1000L;

    private final Resilience4jCalls calls;
    private final List<SseEmitter> subscribers = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("resilience-stream").daemon().factory());

    ResilienceStream(Resilience4jCalls calls, ResilienceSettings settings) {
        this.calls = calls;
        calls.onTransition(this::transition);
        long periodMs = settings.snapshotInterval().toMillis();
        scheduler.scheduleAtFixedRate(this::snapshot, periodMs, periodMs, TimeUnit.MILLISECONDS);
    }

    SseEmitter subscribe() {
        SseEmitter emitter = new SseEmitter(EMITTER_TIMEOUT_MS);
        emitter.onCompletion(() -> subscribers.remove(emitter));
        emitter.onTimeout(() -> subscribers.remove(emitter));
        emitter.onError(e -> subscribers.remove(emitter));
        subscribers.add(emitter);
        send(emitter, "snapshot", calls.views());
        return emitter;
    }

    private void transition(BreakerTransitioned transition) {
        subscribers.forEach(s -> send(s, "transition", transition));
    }

    private void snapshot() {
        if (!subscribers.isEmpty()) {
            List<Resilience4jCalls.BreakerView> views = calls.views();
            subscribers.forEach(s -> send(s, "snapshot", views));
        }
    }

    private void send(SseEmitter emitter, String name, Object data) {
        try {
            emitter.send(SseEmitter.event().name(name).data(data));
        } catch (IOException | IllegalStateException gone) {
            subscribers.remove(emitter);
        }
    }

    void close() {
        scheduler.shutdownNow();
        subscribers.forEach(SseEmitter::complete);
    }
}
