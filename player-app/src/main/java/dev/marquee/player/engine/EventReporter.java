package dev.marquee.player.engine;

import dev.marquee.model.events.PlaybackEventType;
import dev.marquee.model.events.PlaybackHeartbeat;
import dev.marquee.model.metrics.MetricsPaths;
import java.io.IOException;
import java.time.InstantSource;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends {@link PlaybackHeartbeat}s built from {@link PlaybackStats} to {@code POST /api/playback/heartbeats}:
 * START at the first frame, PLAYING every {@link PlaybackHeartbeat#RECOMMENDED_INTERVAL_MS}, STALL and SWITCH as
 * they happen, END or ERROR once. Fire and forget on OkHttp's threads: a lost heartbeat loses nothing (counters
 * are cumulative) and never slows playback. It measures nothing itself.
 */
public final class EventReporter implements AutoCloseable {

    /** Identity of the session the heartbeats describe. */
    public record Session(UUID sessionId, UUID titleId, UUID profileId, String region) {
    }

    private static final MediaType JSON = MediaType.get("application/json");
    /** Checks for the first frame this often, so START leaves within a tick of it. */
    private static final long START_POLL_MS = 100;

    private final OkHttpClient http;
    private final ControlPlaneRoute controlPlane;
    private final Supplier<String> bearer;
    private final Session session;
    private final PlaybackStats stats;
    private final InstantSource clock;
    private final JsonMapper json = JsonMapper.builder().findAndAddModules().build();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r ->
            Thread.ofPlatform().name("marquee-heartbeats").daemon().unstarted(r));
    private volatile boolean started;
    private volatile boolean closed;

    /**
     * @param controlPlane where each heartbeat goes when it leaves; a heartbeat that gets no answer or a 5xx is
     *                     reported to it, so the next one goes to the next region (the lost one is not resent)
     */
    public EventReporter(OkHttpClient http, ControlPlaneRoute controlPlane, Supplier<String> bearer, Session session,
                         PlaybackStats stats, InstantSource clock) {
        this.http = http;
        this.controlPlane = controlPlane;
        this.bearer = bearer;
        this.session = session;
        this.stats = stats;
        this.clock = clock;
        stats.onSwitch(change -> send(PlaybackEventType.SWITCH));
        stats.onStall(() -> send(PlaybackEventType.STALL));
        timer.scheduleAtFixedRate(this::tick, START_POLL_MS, START_POLL_MS, TimeUnit.MILLISECONDS);
        timer.scheduleAtFixedRate(() -> {
            if (started) {
                send(PlaybackEventType.PLAYING);
            }
        }, PlaybackHeartbeat.RECOMMENDED_INTERVAL_MS, PlaybackHeartbeat.RECOMMENDED_INTERVAL_MS, TimeUnit.MILLISECONDS);
    }

    private void tick() {
        if (!started && stats.snapshot().startupTimeMs() >= 0) {
            started = true;
            send(PlaybackEventType.START);
        }
    }

    /** The last heartbeat: END after a normal stop or the title's end, ERROR after a failure. */
    public void finish(boolean failed) {
        send(failed ? PlaybackEventType.ERROR : PlaybackEventType.END);
        close();
    }

    PlaybackHeartbeat heartbeat(PlaybackEventType type) {
        PlaybackStats.Snapshot s = stats.snapshot();
        Long startup = s.startupTimeMs() >= 0 ? Long.valueOf(s.startupTimeMs())
                : (type == PlaybackEventType.START ? Long.valueOf(0) : null); // no unboxing of null before the first frame
        String node = s.edgeNode() != null && s.edgeNode().matches(PlaybackHeartbeat.NAME_PATTERN) ? s.edgeNode() : null;
        return new PlaybackHeartbeat(session.sessionId(), session.titleId(), session.profileId(), session.region(), node,
                type, s.positionMs(), Math.max(0, s.rungIndex()), s.bitrateBps(), s.height(), s.bufferMs(),
                s.stallCount(), s.stallDurationMs(), startup, s.licenceTimeMs() >= 0 ? s.licenceTimeMs() : null,
                s.droppedFrames(), s.decodedFrames(), clock.instant());
    }

    private void send(PlaybackEventType type) {
        if (closed) {
            return;
        }
        String base = controlPlane.baseUrl();
        Request.Builder request = new Request.Builder().url(base + MetricsPaths.HEARTBEATS)
                .post(RequestBody.create(json.writeValueAsBytes(heartbeat(type)), JSON));
        String token = bearer.get();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        http.newCall(request.build()).enqueue(new Callback() {
            @Override
            public void onFailure(Call call, IOException e) {
                controlPlane.failed(base, e); // the next heartbeat carries the cumulative counters
            }

            @Override
            public void onResponse(Call call, Response response) {
                if (response.code() >= 500) {
                    controlPlane.failed(base, new IOException("heartbeat answered HTTP " + response.code()));
                }
                response.close();
            }
        });
    }

    @Override
    public void close() {
        closed = true;
        timer.shutdownNow();
    }
}
