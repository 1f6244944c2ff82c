package dev.marquee.player.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.marquee.model.identity.ProfileView;
import dev.marquee.model.playback.PlaybackManifest;
import dev.marquee.player.api.BackendClient;
import dev.marquee.player.api.PlaybackApi;
import dev.marquee.player.live.LiveBackend;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue D's end-to-end test against the REAL platform: the backend (child JVM) with its edges, licence server and
 * playback service, a title published through the ingest API, and the engine with real libvlc (no display).
 */
class PlayerLiveBackendIntegrationTest {
    /** 16 s of media, a licence, a backend under load from the other helpers' builds: generous, still bounded. */
    private static final Duration PLAY_TIMEOUT = Duration.ofSeconds(90);
    /** A small goal spreads the fetches over the whole playback, so an edge can die mid-play. */
    private static final StreamingEngine.Config CONFIG =
            new StreamingEngine.Config(Duration.ofSeconds(4), StreamingEngine.Config.DEFAULT_STALL_THRESHOLD);
    /** The test master's frame rate (the backend's TestMasters.FPS). */
    private static final int FPS = 25;
    /**
     * Decoded pictures as a share of the master's: the ladder's frame rate is the master's, but libvlc may stop
     * a few pictures short at the very end of a live-style input. The fake-edge test checks the exact count.
     */
    private static final int MIN_DECODED_PERCENT = 95;
    /** The backend's segment length: every segment is decrypted with the licence's key (one use each). */
    private static final int SEGMENT_SECONDS = 4;
    private static final int TS_PACKET = 188;
    private static final int SYNC_RUN = 10;
    private static final int NEEDLE_BYTES = 64;

    @TempDir
    Path deviceDir;
    private final OkHttpClient http = new OkHttpClient();
    private PlaybackApi api;
    private ProfileView profile;
    private PlaybackManifest manifest;

    @BeforeEach
    void session() {
        LiveBackend.title();
        BackendClient viewer = LiveBackend.viewer();
        profile = LiveBackend.adultProfile(viewer);
        api = LiveBackend.playback(viewer, http);
    }

    @AfterEach
    void end() {
        if (manifest != null) {
            api.endSession(manifest.sessionId());
        }
    }

    private Player player(FrameSurface surface) throws Exception {
        DeviceIdentity device = DeviceIdentity.loadOrCreate(deviceDir);
        api.registerDevice("live test player", device.publicKeyBase64());
        manifest = api.createSession(LiveBackend.title(), profile.id(), null, null);
        var options = new Player.Options(api.controlPlane(), manifest.masterPath(),
                new ContentSteeringManager.Steering(manifest.steering().baseUrls(),
                        Duration.ofSeconds(manifest.steering().ttlSeconds())),
                manifest.steeringPath(), new EventReporter.Session(manifest.sessionId(), manifest.titleId(),
                        profile.id(), manifest.region()),
                deviceDir, List.of(VlcMediaSink.HEADLESS_AUDIO), CONFIG, api.bearer(), true);
        return new Player(options, surface, InstantSource.system(), http);
    }

    @Test
    void playsAPublishedTitleToItsEndFromTheRealEdgesWithARealLicence() throws Exception {
        Instant start = Instant.now();
        AtomicInteger frames = new AtomicInteger();
        int[] size = new int[2];
        FrameSurface surface = new FrameSurface() {
            @Override
            public void format(int width, int height) {
                size[0] = width;
                size[1] = height;
            }

            @Override
            public void frame(ByteBuffer bgra, int width, int height) {
                frames.incrementAndGet();
            }
        };
        try (Player player = player(surface)) {
            player.play();
            await().atMost(PLAY_TIMEOUT).until(() -> player.engine().finished());
            assertThat(player.errorMessage()).isNull();
            PlaybackStats.Snapshot stats = player.stats().snapshot();
            long decoded = player.engine().sink().stats().decodedFrames();

            assertThat(decoded).isGreaterThanOrEqualTo((long) LiveBackend.TITLE_SECONDS * FPS * MIN_DECODED_PERCENT / 100);
            assertThat(frames.get()).isPositive();
            assertThat(size).containsExactly(LiveBackend.WIDTH, LiveBackend.HEIGHT);
            assertThat(stats.stallCount()).isZero();
            assertThat(player.drm().license().titleId()).isEqualTo(LiveBackend.title());
            assertThat(player.drm().licenceUses()).isGreaterThanOrEqualTo(LiveBackend.TITLE_SECONDS / SEGMENT_SECONDS);
            assertThat(manifest.steering().baseUrls()).contains(stats.edge());
            assertThat(stats.edgeNode()).isEqualTo(LiveBackend.edgeNodeAt(http, stats.edge())); // X-Marquee-Node
            assertThat(stats.cacheStatus()).isIn("HIT", "MISS"); // X-Cache
            System.out.printf("live e2e: startup %d ms, licence %d ms, decoded %d, shown %d, rungs %s, edge %s%n",
                    stats.startupTimeMs(), stats.licenceTimeMs(), decoded, frames.get(),
                    stats.rungHistory().stream().map(PlaybackStats.RungChange::rungIndex).toList(), stats.edge());
            List<byte[]> needles = plaintextNeedles(player);
            assertThat(plaintextFilesSince(start, needles)).isEmpty();
        }
    }

    @Test
    void continuesFromAnotherEdgeWithoutAStallWhenTheServingEdgeIsSetDown() throws Exception {
        String killed = null;
        try (Player player = player(FrameSurface.NONE)) {
            player.play();
            await().atMost(PLAY_TIMEOUT).until(() -> player.stats().snapshot().edge() != null);
            String serving = player.stats().snapshot().edge();
            killed = LiveBackend.edgeNodeAt(http, serving);
            LiveBackend.setEdgeState(http, killed, "DOWN");

            await().atMost(PLAY_TIMEOUT).until(() -> player.engine().finished());
            assertThat(player.errorMessage()).isNull();
            PlaybackStats.Snapshot stats = player.stats().snapshot();
            assertThat(stats.edge()).isNotEqualTo(serving);
            assertThat(stats.edgeFailovers()).isPositive();
            assertThat(stats.stallCount()).isZero();
            assertThat(player.engine().sink().stats().decodedFrames())
                    .isGreaterThanOrEqualTo((long) LiveBackend.TITLE_SECONDS * FPS * MIN_DECODED_PERCENT / 100);
        } finally {
            if (killed != null) {
                LiveBackend.setEdgeState(http, killed, "UP");
            }
        }
    }

    @Test
    void keepsPlayingAndMovesItsControlPlaneCallsWhenItsRegionsGatewayStops() throws Exception {
        String region = null;
        try (Player player = player(FrameSurface.NONE)) {
            region = api.controlPlane().region();
            assertThat(region).as("the director named a region").isNotNull();
            player.play();
            await().atMost(PLAY_TIMEOUT).until(() -> player.stats().snapshot().startupTimeMs() >= 0);
            LiveBackend.setGateway(http, region, false);

            String stopped = region;
            // the next heartbeat (every 10 s) fails on the dead gateway and moves the control plane on
            await().atMost(PLAY_TIMEOUT).until(() -> !stopped.equals(api.controlPlane().region()));
            assertThat(player.engine().finished()).as("still playing when the control plane moved").isFalse();
            await().atMost(PLAY_TIMEOUT).until(() -> player.engine().finished());

            assertThat(player.errorMessage()).isNull();
            assertThat(player.stats().snapshot().stallCount()).isZero();
            assertThat(api.steering(manifest.sessionId()).baseUrls()).isNotEmpty(); // answered by the new region
        } finally {
            if (region != null) {
                LiveBackend.setGateway(http, region, true);
            }
        }
    }

    /** Slices of this title's decrypted segments (first segment of each rung), decrypted here with the licence's key. */
    private List<byte[]> plaintextNeedles(Player player) throws Exception {
        String edge = manifest.steering().baseUrls().getFirst();
        ManifestParser parser = new ManifestParser();
        Manifest.MasterPlaylist master = parser.parseMaster(get(edge, manifest.masterPath()), manifest.masterPath());
        List<byte[]> needles = new ArrayList<>();
        Decryptor decryptor = new Decryptor();
        for (Manifest.VariantStream variant : master.variants()) {
            Manifest.MediaPlaylist media = parser.parseMedia(get(edge, variant.uri()), variant.uri());
            Manifest.SegmentReference first = media.segments().getFirst();
            byte[] plain = decryptor.decrypt(bytes(edge, first.uri()), player.drm().contentKey(first.key().keyId()),
                    first.key().iv());
            assertThat(plain[0]).isEqualTo((byte) 0x47); // really MPEG-TS: the needle is plaintext
            needles.add(Arrays.copyOfRange(plain, plain.length / 2, plain.length / 2 + NEEDLE_BYTES));
        }
        return needles;
    }

    private String get(String edge, String path) throws IOException {
        return new String(bytes(edge, path), StandardCharsets.UTF_8);
    }

    private byte[] bytes(String edge, String path) throws IOException {
        String url = NetworkingEngine.join(edge, path);
        try (Response response = http.newCall(new Request.Builder().url(url).build()).execute()) {
            assertThat(response.code()).as(url).isEqualTo(200);
            return response.body().bytes();
        }
    }

    /** Files written since {@code since} under the temp dir and the home holding MPEG-TS with this title's plaintext. */
    private static List<Path> plaintextFilesSince(Instant since, List<byte[]> needles) throws IOException {
        List<Path> found = new ArrayList<>();
        for (Path root : List.of(Path.of(System.getProperty("java.io.tmpdir")), Path.of(System.getProperty("user.home")))) {
            try (Stream<Path> files = Files.find(root, 8, (p, a) -> a.isRegularFile()
                    && a.lastModifiedTime().toInstant().isAfter(since) && a.size() >= TS_PACKET * SYNC_RUN
                    && a.size() < 64 * 1024 * 1024, FileVisitOption.values())) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    byte[] b = readQuietly(p);
                    if (holdsTs(b) && containsAny(b, needles)) {
                        found.add(p);
                    }
                }
            } catch (java.io.UncheckedIOException e) {
                // a file vanished or is unreadable while walking: not ours
            }
        }
        return found;
    }

    private static byte[] readQuietly(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static boolean containsAny(byte[] haystack, List<byte[]> needles) {
        for (byte[] needle : needles) {
            for (int i = 0; i + needle.length <= haystack.length; i++) {
                if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean holdsTs(byte[] b) {
        for (int start = 0; start < TS_PACKET && start < b.length; start++) {
            int run = 0;
            for (int i = start; i < b.length && b[i] == 0x47; i += TS_PACKET) {
                if (++run >= SYNC_RUN) {
                    return true;
                }
            }
        }
        return false;
    }
}
