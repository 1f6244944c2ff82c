package dev.marquee.player.ui;

import dev.marquee.model.catalog.TitleDetail;
import dev.marquee.model.playback.PlaybackManifest;
import dev.marquee.model.playback.PlaybackPaths;
import dev.marquee.player.api.ApiError;
import dev.marquee.player.api.ApiException;
import dev.marquee.player.api.PlaybackApi;
import dev.marquee.player.engine.AbrDecision;
import dev.marquee.player.engine.ContentSteeringManager;
import dev.marquee.player.engine.DeviceIdentity;
import dev.marquee.player.engine.EventReporter;
import dev.marquee.player.engine.FrameSurface;
import dev.marquee.player.engine.LicenseException;
import dev.marquee.player.engine.PlaybackStats;
import dev.marquee.player.engine.Player;
import dev.marquee.player.engine.StreamingEngine;
import dev.marquee.player.engine.Variant;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.Executor;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * One title played by the engine for the playback screen: starts on the background executor (device
 * registration, stream session, {@link Player}), then maps the engine's stats to {@link PlaybackSnapshot}s and the
 * screen's commands to the player. Commands given before the player exists are remembered and applied when it
 * does. Closing stops the player and ends the stream session on the backend (both in the background).
 * Every failure becomes one sentence for the viewer in {@link PlaybackSnapshot#failure()}.
 */
final class EnginePlaybackSession implements PlaybackSession {
    /** "Why this rung" lines kept for the overlay: the overlay shows fewer, the rest is history. */
    static final int DECISIONS_KEPT = 8;
    static final String NO_LIBVLC = "This computer cannot decode video: install VLC's library (Debian: libvlc5 "
            + "vlc-plugin-base) and start the player again.";
    static final String EDGES_UNREACHABLE = "The video servers cannot be reached right now. Check the connection "
            + "and try again.";

    private final PlaybackApi api;
    private final UUID profileId;
    private final EnginePlaybackLauncher.Settings settings;
    private final OkHttpClient http;
    private final Executor background;
    private final InstantSource clock;
    private final TitleDetail title;
    private final Duration startAt;
    private final Object lock = new Object();
    private @Nullable VideoSurface surface;
    private @Nullable Player player;
    private @Nullable PlaybackManifest manifest;
    private @Nullable String failure;
    private boolean wantsPlay;
    private boolean paused;
    private boolean closed;
    private double volume = 1.0;
    private boolean muted;
    private OptionalInt fixed = OptionalInt.empty();

    EnginePlaybackSession(PlaybackApi api, UUID profileId, EnginePlaybackLauncher.Settings settings, OkHttpClient http,
                          Executor background, InstantSource clock, TitleDetail title, Duration startAt) {
        this.api = api;
        this.profileId = profileId;
        this.settings = settings;
        this.http = http;
        this.background = background;
        this.clock = clock;
        this.title = title;
        this.startAt = startAt;
    }

    /** Begins the session on the background executor; returns at once. */
    void start() {
        background.execute(this::open);
    }

    private void open() {
        PlaybackManifest session = null;
        try {
            DeviceIdentity device = DeviceIdentity.loadOrCreate(settings.deviceDir());
            api.registerDevice(deviceName(), device.publicKeyBase64());
            session = api.createSession(title.card().id(), profileId, settings.clientRegion(), settings.isp());
            synchronized (lock) {
                manifest = session;
                if (closed) {
                    background.execute(this::end);
                    return;
                }
            }
            Player created = new Player(options(session), new SurfaceAdapter(), clock, http);
            boolean closedMeanwhile;
            synchronized (lock) {
                closedMeanwhile = closed;
                if (!closedMeanwhile) {
                    player = created;
                    if (!startAt.isZero()) {
                        created.seek(startAt);
                    }
                    if (fixed.isPresent()) {
                        created.fixRung(fixed.getAsInt());
                    }
                    created.setVolume(percent());
                }
            }
            if (closedMeanwhile) {
                created.close();
                end();
                return;
            }
            created.play(); // the screen asks to play at once; a pause before the first frame is applied below
            synchronized (lock) {
                if (paused || !wantsPlay) {
                    created.setPaused(true);
                }
            }
        } catch (ApiException e) {
            fail(message(e));
        } catch (LinkageError e) {
            fail(NO_LIBVLC); // JNA: libvlc's native library not found
            endQuietly(session);
        } catch (Exception e) {
            fail("Playback could not start: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            endQuietly(session);
        }
    }

    private Player.Options options(PlaybackManifest session) {
        var steering = new ContentSteeringManager.Steering(session.steering().baseUrls(),
                Duration.ofSeconds(Math.max(1, session.steering().ttlSeconds())));
        String steeringPath = session.steeringPath() == null || session.steeringPath().isBlank()
                ? PlaybackApi.steeringPath(session.sessionId()) : session.steeringPath();
        return new Player.Options(api.controlPlane(), session.masterPath(), steering, steeringPath,
                new EventReporter.Session(session.sessionId(), session.titleId(), profileId, session.region()),
                settings.deviceDir(), settings.vlcArgs(), settings.config(), api.bearer(), settings.heartbeats());
    }

    /** A viewer's sentence for a backend refusal: the backend's own detail where it wrote one for viewers. */
    static String message(ApiException e) {
        if (e.error() instanceof ApiError.NotFound notFound) {
            String detail = notFound.problem().detail();
            return PlaybackPaths.PROBLEM_NOT_PLAYABLE.equals(notFound.problem().type()) && detail != null && !detail.isBlank()
                    ? detail : "This title cannot be played right now.";
        }
        return e.error().message(); // Rejected (e.g. the stream limit's 409) shows the backend's detail as is
    }

    private static String deviceName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "this computer";
        }
        return "Marquee player on " + host;
    }

    private void fail(String message) {
        synchronized (lock) {
            failure = message;
        }
    }

    private void endQuietly(@Nullable PlaybackManifest session) {
        if (session != null) {
            background.execute(this::end);
        }
    }

    /** Ends the stream session on the backend; a backend that is gone frees the slot itself when the session expires. */
    private void end() {
        PlaybackManifest session;
        synchronized (lock) {
            session = manifest;
        }
        if (session == null) {
            return;
        }
        try {
            api.endSession(session.sessionId());
        } catch (ApiException ignored) {
            // the backend expires the session on its own when no heartbeat comes
        }
    }

    @Override
    public void attach(VideoSurface attached) {
        synchronized (lock) {
            surface = attached;
        }
    }

    @Override
    public void play() {
        Player p;
        synchronized (lock) {
            wantsPlay = true;
            paused = false;
            p = player;
        }
        if (p != null) {
            p.setPaused(false);
        }
    }

    @Override
    public void pause() {
        Player p;
        synchronized (lock) {
            paused = true;
            p = player;
        }
        if (p != null) {
            p.setPaused(true);
        }
    }

    @Override
    public void seek(Duration position) {
        Player p;
        synchronized (lock) {
            p = player;
        }
        if (p != null) {
            p.seek(position);
        }
    }

    @Override
    public void volume(double level) {
        applyVolume(() -> volume = Math.clamp(level, 0, 1));
    }

    @Override
    public void mute(boolean mute) {
        applyVolume(() -> muted = mute);
    }

    private void applyVolume(Runnable change) {
        Player p;
        int percent;
        synchronized (lock) {
            change.run();
            p = player;
            percent = percent();
        }
        if (p != null) {
            p.setVolume(percent);
        }
    }

    private int percent() {
        return muted ? 0 : (int) Math.round(volume * 100);
    }

    @Override
    public void quality(OptionalInt rung) {
        Player p;
        synchronized (lock) {
            fixed = rung;
            p = player;
        }
        if (p != null) {
            p.fixRung(rung.orElse(-1));
        }
    }

    @Override
    public PlaybackSnapshot snapshot() {
        Player p;
        String failed;
        boolean pausedNow;
        OptionalInt fixedNow;
        synchronized (lock) {
            p = player;
            failed = failure;
            pausedNow = paused || !wantsPlay;
            fixedNow = fixed;
        }
        Duration duration = Duration.ofSeconds(Math.max(0, title.card().durationSeconds()));
        if (p == null) {
            return new PlaybackSnapshot(false, false, startAt, duration, List.of(), List.of(), fixedNow,
                    PlaybackStatsView.EMPTY, failed);
        }
        StreamingEngine engine = p.engine();
        Throwable engineFailure = engine.failure();
        if (failed == null && engineFailure != null) {
            failed = engineMessage(engineFailure);
        }
        boolean ended = engine.finished() && failed == null;
        Duration position = Duration.ofNanos(engine.positionUs() * 1_000);
        Duration buffer = Duration.ofNanos(engine.bufferUs() * 1_000);
        List<Variant> ladder = engine.ladder();
        return new PlaybackSnapshot(!pausedNow && !ended && failed == null, ended, position, duration,
                List.of(new PlaybackSnapshot.TimeRange(position, position.plus(buffer))),
                ladder.stream().map(EnginePlaybackSession::rungLabel).toList(), fixedNow,
                stats(p.stats().snapshot(), ladder, buffer, engine.segmentDurationUs(), fixedNow), failed);
    }

    /** The overlay's view of the engine's counters; rung names as in the quality menu. */
    static PlaybackStatsView stats(PlaybackStats.Snapshot s, List<Variant> ladder, Duration buffer, long segmentUs,
                                   OptionalInt fixedRung) {
        List<AbrDecision> recent = s.recentDecisions();
        List<PlaybackStatsView.Decision> decisions = new ArrayList<>();
        for (int i = recent.size() - 1; i >= 0 && decisions.size() < DECISIONS_KEPT; i--) { // newest first
            AbrDecision d = recent.get(i);
            decisions.add(new PlaybackStatsView.Decision(Duration.ofNanos(d.segmentIndex() * segmentUs * 1_000),
                    label(ladder, d.variantIndex()), d.rule().name()));
        }
        String target = fixedRung.isPresent() ? label(ladder, fixedRung.getAsInt()) + " (fixed)"
                : recent.isEmpty() ? null : label(ladder, recent.getLast().variantIndex());
        return new PlaybackStatsView(
                s.rungIndex() < 0 ? null : label(ladder, s.rungIndex()),
                target,
                s.bandwidthEstimateBps(),
                buffer,
                s.edgeNode() != null ? s.edgeNode() : hostOf(s.edge()),
                s.cacheStatus(),
                s.decodedFrames(),
                s.droppedFrames(),
                s.stallCount(),
                s.startupTimeMs() < 0 ? null : Duration.ofMillis(s.startupTimeMs()),
                s.licenceTimeMs() < 0 ? null : Duration.ofMillis(s.licenceTimeMs()),
                decisions);
    }

    /** "127.0.0.1:9001" of an edge base URL, for edges that do not name themselves ({@code X-Marquee-Node}). */
    static @Nullable String hostOf(@Nullable String baseUrl) {
        if (baseUrl == null) {
            return null;
        }
        int scheme = baseUrl.indexOf("://");
        return scheme < 0 ? baseUrl : baseUrl.substring(scheme + 3);
    }

    private static String label(List<Variant> ladder, int index) {
        return index >= 0 && index < ladder.size() ? rungLabel(ladder.get(index)) : "rung " + index;
    }

    /** "720p · 3.0 Mbit/s". */
    static String rungLabel(Variant v) {
        return String.format(Locale.ROOT, "%dp · %.1f Mbit/s", v.heightPx(), v.bandwidthBps() / 1e6);
    }

    /** The engine's failure in a viewer's words: licence refusals are already written for viewers. */
    static String engineMessage(Throwable failure) {
        if (failure instanceof LicenseException && failure.getMessage() != null) {
            return failure.getMessage();
        }
        if (failure instanceof IOException) {
            return EDGES_UNREACHABLE;
        }
        return "Playback stopped: " + (failure.getMessage() == null ? failure.toString() : failure.getMessage());
    }

    @Override
    public void close() {
        Player p;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            p = player;
            player = null;
        }
        background.execute(() -> {
            if (p != null) {
                p.close();
                end();
            }
        });
    }

    /** The engine's frames into the screen's surface (both on libvlc's thread; the surface copies and returns). */
    private final class SurfaceAdapter implements FrameSurface {
        @Override
        public void format(int width, int height) {
            VideoSurface target = target();
            if (target != null) {
                target.format(width, height);
            }
        }

        @Override
        public void frame(ByteBuffer bgra, int width, int height) {
            VideoSurface target = target();
            if (target != null) {
                target.frame(bgra);
            }
        }

        private @Nullable VideoSurface target() {
            synchronized (lock) {
                return surface;
            }
        }
    }
}
