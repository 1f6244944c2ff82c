package dev.marquee.player.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plays one title: wires the {@link NetworkingEngine}, {@link ContentSteeringManager}, {@link DrmEngine},
 * {@link DefaultAbrManager}, {@link StreamingEngine}, {@link VlcMediaSink}, {@link PlaybackStats} and
 * {@link EventReporter}, and exposes the few controls a screen needs. It holds no logic of its own. All methods
 * return at once (work happens on the engine thread); pictures arrive on the given {@link FrameSurface}.
 */
public final class Player implements AutoCloseable {

    /**
     * What to play and where from.
     *
     * @param controlPlane    where licence, steering and heartbeat calls go: the current region's gateway, which
     *                        moves to the next region when one fails ({@link ControlPlaneRoute#fixed} for one backend)
     * @param masterPath      path (and signed query) of the master playlist on the edges
     * @param steering        the ranked edge base URLs the session starts with, and their TTL
     * @param steeringPath    control-plane path to re-ask for steering after the TTL, or {@code null} to keep them
     * @param session         ids for licences and heartbeats
     * @param deviceDir       where the device key lives ({@link DeviceIdentity#defaultDirectory})
     * @param vlcArgs         extra libvlc options (tests: {@link VlcMediaSink#HEADLESS_AUDIO})
     * @param config          buffer goal and stall threshold
     * @param bearer          the viewer's access token, or a supplier of {@code null}
     * @param heartbeats      whether to send heartbeats to the backend
     */
    public record Options(ControlPlaneRoute controlPlane, String masterPath, ContentSteeringManager.Steering steering,
                          String steeringPath, EventReporter.Session session, Path deviceDir, List<String> vlcArgs,
                          StreamingEngine.Config config, Supplier<String> bearer, boolean heartbeats) {
        public Options {
            Objects.requireNonNull(controlPlane, "controlPlane");
            Objects.requireNonNull(masterPath, "masterPath");
            Objects.requireNonNull(steering, "steering");
            Objects.requireNonNull(session, "session");
            Objects.requireNonNull(deviceDir, "deviceDir");
            vlcArgs = List.copyOf(vlcArgs);
        }
    }

    /**
     * Where decrypted media goes: one sink per play (and per seek), made for the top rung of the ladder. People
     * watch through libvlc ({@link VlcMediaSink#output}); the synthetic viewer fleet plays into a sink that only
     * keeps time. {@link #close()} frees what the output holds (e.g. the libvlc instance).
     */
    public interface Output extends AutoCloseable {
        MediaSink newSink(Manifest.VariantStream top);

        @Override
        void close();
    }

    private final PlaybackStats stats = new PlaybackStats();
    private final DrmEngine drm;
    private final StreamingEngine engine;
    private final EventReporter reporter;
    private final ContentSteeringManager steering;
    private final Output output;

    /** A player that shows pictures on {@code surface} through libvlc. */
    public Player(Options options, FrameSurface surface, InstantSource clock, OkHttpClient http) throws Exception {
        this(options, () -> VlcMediaSink.output(options.vlcArgs(), surface), clock, http);
    }

    /** A player that plays into the output {@code outputs} makes; the player owns it and closes it. */
    public Player(Options options, Supplier<Output> outputs, InstantSource clock, OkHttpClient http) throws Exception {
        DeviceIdentity device = DeviceIdentity.loadOrCreate(options.deviceDir());
        Holder<NetworkingEngine> net = new Holder<>();
        JsonMapper json = JsonMapper.builder().build();
        this.steering = new ContentSteeringManager(options.steering(), () -> {
            if (options.steeringPath() == null) {
                return options.steering();
            }
            String bearer = options.bearer() == null ? null : options.bearer().get();
            JsonNode answer = json.readTree(net.value.get(RequestType.STEERING, options.controlPlane(),
                    options.steeringPath(), bearer).body());
            return new ContentSteeringManager.Steering(
                    answer.get("baseUrls").valueStream().map(JsonNode::asString).toList(),
                    Duration.ofSeconds(answer.get("ttlSeconds").asLong()));
        }, clock);
        net.value = new NetworkingEngine(http, steering, Backoff.defaults(), Backoff.Sleeper.THREAD, stats,
                NetworkingEngine.LinkShaper.NONE, NetworkingEngine.DEFAULT_STALL_TIMEOUT,
                NetworkingEngine.DEFAULT_MAX_ROUNDS);
        this.drm = new DrmEngine(new LicenseClient(net.value, options.controlPlane(), options.bearer()), device, clock,
                Backoff.defaults());
        EventReporter.Session session = options.session();
        this.output = outputs.get(); // before play(): libvlc start-up is not startup time
        this.engine = new StreamingEngine(net.value, new DefaultAbrManager(clock), drm, output::newSink, stats,
                options.config(),
                options.masterPath(), () -> drm.acquire(session.titleId(), session.sessionId()));
        this.reporter = options.heartbeats()
                ? new EventReporter(http, options.controlPlane(), options.bearer(), session, stats, clock) : null;
    }

    private static final class Holder<T> {
        T value;
    }

    /** A new session id for {@link Options#session()}. */
    public static UUID newSessionId() {
        return UUID.randomUUID();
    }

    /** Starts: licence, playlists, first segments, first frame. Returns at once. */
    public void play() {
        engine.start();
    }

    public void setPaused(boolean paused) {
        engine.setPaused(paused);
    }

    public void seek(Duration position) {
        engine.seek(position);
    }

    /** A fixed rung from the quality menu, or {@code -1} for Auto. */
    public void fixRung(int rungIndex) {
        engine.fixRung(rungIndex);
    }

    public void setVolume(int percent) {
        MediaSink sink = engine.sink();
        if (sink != null) {
            sink.setVolume(percent);
        }
    }

    public PlaybackStats stats() {
        return stats;
    }

    public StreamingEngine engine() {
        return engine;
    }

    public DrmEngine drm() {
        return drm;
    }

    public ContentSteeringManager steering() {
        return steering;
    }

    /** The viewer-readable reason playback stopped, or {@code null} while it plays or after a normal end. */
    public String errorMessage() {
        Throwable failure = engine.failure();
        return failure == null ? null : failure.getMessage();
    }

    @Override
    public void close() {
        engine.close();
        output.close();
        if (reporter != null) {
            reporter.finish(engine.failure() != null);
        }
    }
}
