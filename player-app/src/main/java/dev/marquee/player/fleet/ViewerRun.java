package dev.marquee.player.fleet;

import dev.marquee.model.identity.SyntheticViewer;
import dev.marquee.model.playback.PlaybackManifest;
import dev.marquee.player.api.ApiException;
import dev.marquee.player.api.BackendClient;
import dev.marquee.player.api.ControlPlane;
import dev.marquee.player.api.PlaybackApi;
import dev.marquee.player.engine.ContentSteeringManager;
import dev.marquee.player.engine.DeviceIdentity;
import dev.marquee.player.engine.EventReporter;
import dev.marquee.player.engine.PlaybackStats;
import dev.marquee.player.engine.Player;
import dev.marquee.player.engine.StreamingEngine;
import dev.marquee.player.engine.Variant;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One synthetic viewer: its own account (tokens from the SRE), its own device (a key pair in its own directory),
 * its own {@link ControlPlane} and {@link PlaybackApi}, and one {@link Player} at a time playing into a
 * {@link HeadlessMediaSink}. When a session reaches the title's end it starts another; when one fails it records
 * why and starts again after {@link #RETRY_DELAY}. Its figures add up over its sessions.
 *
 * <p>Threads: {@link #startSession}, {@link #rotate} and {@link #stop} block on the network and run on the fleet's
 * small executor, one at a time per viewer (synchronized); {@link #needsRotation} and {@link #result} are cheap
 * and called by the fleet's supervisor.
 */
final class ViewerRun {
    /** A failed session is retried after this pause, so a broken platform is not hammered by the whole fleet. */
    static final Duration RETRY_DELAY = Duration.ofSeconds(2);
    /** The heartbeat region when neither the session nor the fleet names one. */
    private static final String UNKNOWN_REGION = "local";

    /** What every viewer of a run shares. */
    record Context(String baseUrl, OkHttpClient http, InstantSource clock, UUID titleId, @Nullable String region,
                   @Nullable String isp, StreamingEngine.Config config, Set<String> reasonsLogged) {
    }

    private static final Logger log = LoggerFactory.getLogger(ViewerRun.class);

    private final int number;
    private final SyntheticViewer account;
    private final Context context;
    private final Path deviceDir;
    private final BackendClient client;
    private final ControlPlane controlPlane;
    private final RecordingRoute engineRoute;
    private final PlaybackApi api;

    /** Figures of the sessions that ended; guarded by itself (the supervisor reads it while an action blocks). */
    private final Totals totals = new Totals();

    private volatile @Nullable Session current;
    private @Nullable String lastRegion; // guarded by totals
    private int regionFailovers; // guarded by totals
    private volatile long notBeforeNanos;
    private volatile boolean stopped;
    private boolean deviceRegistered;

    /** The player of one session and what it plays into. */
    private record Session(UUID sessionId, Player player, HeadlessMediaSink.Output output) {
    }

    ViewerRun(int number, SyntheticViewer account, Context context, Path deviceDir) {
        this.number = number;
        this.account = account;
        this.context = context;
        this.deviceDir = deviceDir;
        this.client = new BackendClient(context.baseUrl(), context.clock(), context.http());
        client.adopt(account.tokens(), context.clock().instant());
        this.controlPlane = new ControlPlane(context.http(), context.baseUrl(),
                context.region() == null ? "" : context.region(), context.clock());
        this.engineRoute = new RecordingRoute(controlPlane);
        this.api = new PlaybackApi(controlPlane, client, context.http(), context.clock());
    }

    int number() {
        return number;
    }

    /** Registers the device (first time), opens a play session and starts playing. Failures are recorded. */
    synchronized void startSession() {
        if (stopped || current != null) {
            return;
        }
        try {
            if (!deviceRegistered) {
                DeviceIdentity device = DeviceIdentity.loadOrCreate(deviceDir);
                api.registerDevice("synthetic viewer %03d".formatted(number), device.publicKeyBase64());
                deviceRegistered = true;
            }
            observeRegion();
            PlaybackManifest manifest = api.createSession(context.titleId(), account.profileId(), context.region(),
                    context.isp());
            synchronized (totals) {
                totals.sessions++;
            }
            String region = manifest.region() != null ? manifest.region()
                    : context.region() != null ? context.region() : UNKNOWN_REGION;
            Player.Options options = new Player.Options(engineRoute, manifest.masterPath(),
                    new ContentSteeringManager.Steering(manifest.steering().baseUrls(),
                            Duration.ofSeconds(manifest.steering().ttlSeconds())),
                    PlaybackApi.steeringPath(manifest.sessionId()),
                    new EventReporter.Session(manifest.sessionId(), context.titleId(), account.profileId(), region),
                    deviceDir, List.of(), context.config(), api.bearer(), true);
            HeadlessMediaSink.Output output = new HeadlessMediaSink.Output(HeadlessMediaSink.Clock.SYSTEM);
            Player player;
            try {
                player = new Player(options, () -> output, context.clock(), context.http());
            } catch (Exception e) {
                endQuietly(manifest.sessionId());
                throw e;
            }
            current = new Session(manifest.sessionId(), player, output);
            player.play();
        } catch (ApiException e) {
            failed(Reasons.of(deviceRegistered ? "session" : "device", e), e);
        } catch (Exception e) {
            failed("setup: " + Reasons.firstWords(e.getMessage()), e);
        }
    }

    /** Records a failure; the first of each reason in the fleet is logged in full (the summary only counts them). */
    private void failed(String reason, Throwable cause) {
        if (context.reasonsLogged().add(reason)) {
            log.warn("viewer {}: {} — {}", number, reason, cause.toString());
        }
        synchronized (totals) {
            totals.errors.add(reason);
        }
        notBeforeNanos = System.nanoTime() + RETRY_DELAY.toNanos();
    }

    /** Whether the current session ended (title end or failure), or a failed start may be retried now. */
    boolean needsRotation() {
        observeRegion();
        if (stopped) {
            return false;
        }
        Session s = current;
        return s == null ? System.nanoTime() >= notBeforeNanos : s.player().engine().finished();
    }

    /** Closes an ended session (recording its figures) and starts the next one. */
    synchronized void rotate() {
        Session s = current;
        if (s != null && s.player().engine().finished()) {
            Throwable failure = s.player().engine().failure();
            close(s);
            if (failure != null) {
                failed(Reasons.ofPlayback(failure), failure);
                return; // retried after the pause by the supervisor
            }
        }
        startSession();
    }

    /** Stops playing (END heartbeat, session ended, tokens revoked); no session starts after this. */
    void stop() {
        stopped = true; // before the lock: a start in progress gives up its retry at once
        synchronized (this) {
            Session s = current;
            if (s != null) {
                close(s);
            }
            client.signOut();
        }
    }

    private void close(Session s) {
        Player player = s.player();
        player.close(); // END (or ERROR) heartbeat; the engine thread has stopped, so the figures below are final
        PlaybackStats.Snapshot stats = player.stats().snapshot();
        synchronized (totals) {
            totals.add(stats, player.engine().positionUs(), s.output(), player.engine().ladder());
            current = null;
        }
        endQuietly(s.sessionId());
    }

    private void endQuietly(UUID sessionId) {
        try {
            api.endSession(sessionId);
        } catch (ApiException e) {
            // the session runs out on the backend by itself; the stream slot frees when it does
        }
    }

    /** Counts moves of the control traffic to another region (the ControlPlane moves on a failed call). */
    private void observeRegion() {
        String region = controlPlane.region();
        synchronized (totals) {
            if (region != null && lastRegion != null && !region.equals(lastRegion)) {
                regionFailovers++;
            }
            if (region != null) {
                lastRegion = region;
            }
        }
    }

    /** The region the viewer's control traffic goes to now, or null when it talks to the backend directly. */
    @Nullable String controlRegion() {
        return controlPlane.region();
    }

    /** Figures so far, the session in progress included. */
    ViewerResult result() {
        Session s;
        Totals sum;
        int failovers;
        synchronized (totals) {
            sum = totals.copy();
            s = current;
            failovers = regionFailovers;
        }
        if (s != null) {
            sum.add(s.player().stats().snapshot(), s.player().engine().positionUs(), s.output(),
                    s.player().engine().ladder());
        }
        return sum.result(number, failovers, engineRoute.causes());
    }

    /** Sums over sessions. Not thread-safe: the owner guards it. */
    private static final class Totals {
        final List<Long> startups = new ArrayList<>();
        final List<String> errors = new ArrayList<>();
        int stalls;
        long stallMs;
        long playedUs;
        long mediaUs;
        double bitrateTimesMediaUs;
        int edgeFailovers;
        long segments;
        long bytes;
        int sessions;

        void add(PlaybackStats.Snapshot stats, long positionUs, HeadlessMediaSink.Output output, List<Variant> ladder) {
            if (stats.startupTimeMs() >= 0) {
                startups.add(stats.startupTimeMs());
            }
            stalls += stats.stallCount();
            stallMs += stats.stallDurationMs();
            playedUs += positionUs;
            edgeFailovers += stats.edgeFailovers();
            segments += output.segments();
            bytes += output.bytes();
            HeadlessMediaSink sink = output.sink();
            if (sink != null) {
                long[] byRung = sink.mediaUsByRung();
                for (int rung = 0; rung < byRung.length && rung < ladder.size(); rung++) {
                    mediaUs += byRung[rung];
                    bitrateTimesMediaUs += (double) byRung[rung] * ladder.get(rung).bandwidthBps();
                }
            }
        }

        Totals copy() {
            Totals c = new Totals();
            c.startups.addAll(startups);
            c.errors.addAll(errors);
            c.stalls = stalls;
            c.stallMs = stallMs;
            c.playedUs = playedUs;
            c.mediaUs = mediaUs;
            c.bitrateTimesMediaUs = bitrateTimesMediaUs;
            c.edgeFailovers = edgeFailovers;
            c.segments = segments;
            c.bytes = bytes;
            c.sessions = sessions;
            return c;
        }

        ViewerResult result(int viewer, int regionFailovers, List<String> controlFailures) {
            long meanBitrate = mediaUs == 0 ? 0 : Math.round(bitrateTimesMediaUs / mediaUs);
            return new ViewerResult(viewer, startups, stalls, stallMs, playedUs / 1_000, mediaUs / 1_000, meanBitrate,
                    edgeFailovers, regionFailovers, segments, bytes, sessions, errors, controlFailures);
        }
    }
}
