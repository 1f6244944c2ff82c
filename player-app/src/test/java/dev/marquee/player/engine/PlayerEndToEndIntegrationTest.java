package dev.marquee.player.engine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Encrypted HLS over loopback edges + a fake licence server + real libvlc (callback surface, no display). */
class PlayerEndToEndIntegrationTest {

    private static final int TITLE_SECONDS = 8;
    /** Generous bound for 8 s of media on a loaded 2-core box. */
    private static final Duration PLAY_TIMEOUT = Duration.ofSeconds(45);
    /** A small goal spreads the fetches over the whole playback, so an edge can die mid-play. */
    private static final StreamingEngine.Config CONFIG =
            new StreamingEngine.Config(Duration.ofSeconds(4), StreamingEngine.Config.DEFAULT_STALL_THRESHOLD);
    /** 10 consecutive TS packets starting with the sync byte: plaintext MPEG-TS, never ciphertext by chance. */
    private static final int SYNC_RUN = 10;
    private static final int TS_PACKET = 188;
    /** A slice of decrypted segment long enough to be unique to this title. */
    private static final int NEEDLE_BYTES = 64;
    /**
     * Shown plus dropped-late pictures as a share of ffprobe's count. Not 100: libvlc skips late pictures without
     * always counting them when the 2-core CI box is saturated; the decoded count is checked exactly.
     */
    private static final long MIN_SHOWN_PERCENT = 80;

    @TempDir
    static Path content;
    static HlsFixture hls;
    static long expectedFrames;

    @TempDir
    Path deviceDir;
    FileEdge edgeA;
    FileEdge edgeB;
    FakeLicenseServer licenses;
    OkHttpClient http = new OkHttpClient();
    Instant testStart;

    @BeforeAll
    static void encode() throws Exception {
        hls = HlsFixture.create(content, TITLE_SECONDS);
        expectedFrames = hls.frameCount(HlsFixture.RUNGS.getFirst());
    }

    @BeforeEach
    void servers() throws Exception {
        testStart = Instant.now();
        edgeA = new FileEdge(content, "edge-a");
        edgeB = new FileEdge(content, "edge-b");
        licenses = new FakeLicenseServer(hls.key, InstantSource.system());
    }

    @AfterEach
    void stop() throws IOException {
        edgeA.close();
        edgeB.close();
        licenses.close();
    }

    private Player player(FrameSurface surface) throws Exception {
        var options = new Player.Options(ControlPlaneRoute.fixed(licenses.url()), HlsFixture.MASTER_PATH,
                new ContentSteeringManager.Steering(List.of(edgeA.baseUrl(), edgeB.baseUrl()), Duration.ofMinutes(5)),
                null, new EventReporter.Session(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "local"),
                deviceDir, List.of(VlcMediaSink.HEADLESS_AUDIO), CONFIG, () -> null, false);
        return new Player(options, surface, InstantSource.system(), http);
    }

    @Test
    void playsEncryptedTitleToItsEndWithoutStallsOrPlaintextOnDisk() throws Exception {
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
            MediaSink.SinkStats sink = player.engine().sink().stats();
            PlaybackStats.Snapshot stats = player.stats().snapshot();

            assertThat(sink.decodedFrames()).isGreaterThanOrEqualTo(expectedFrames);
            // every picture libvlc decoded was shown or counted as lost (late on a loaded machine): none vanished
            assertThat(frames.get() + sink.lostFrames()).isGreaterThanOrEqualTo(expectedFrames * MIN_SHOWN_PERCENT / 100);
            assertThat(stats.stallCount()).isZero();
            assertThat(stats.startupTimeMs()).isPositive();
            assertThat(size).containsExactly(HlsFixture.TOP_WIDTH, HlsFixture.TOP_HEIGHT);
            assertThat(licenses.issued.get()).isEqualTo(1);
            assertThat(player.drm().licenceUses()).isEqualTo(TITLE_SECONDS / HlsFixture.SEGMENT_S);
            assertThat(stats.cacheStatus()).isEqualTo("HIT");
            System.out.printf("e2e: startup %d ms, decoded %d, displayed %d (ffprobe %d), lost %d, rungs %s%n",
                    stats.startupTimeMs(), sink.decodedFrames(), frames.get(), expectedFrames, sink.lostFrames(),
                    stats.rungHistory().stream().map(PlaybackStats.RungChange::rungIndex).toList());
        }
        assertThat(plaintextFilesSince(testStart)).isEmpty();
    }

    @Test
    void continuesFromTheOtherEdgeWithoutStallWhenTheServingEdgeDies() throws Exception {
        try (Player player = player(FrameSurface.NONE)) {
            player.play();
            await().atMost(PLAY_TIMEOUT).until(() -> edgeA.segmentRequests.get() >= 2);
            edgeA.close();
            await().atMost(PLAY_TIMEOUT).until(() -> player.engine().finished());
            assertThat(player.errorMessage()).isNull();
            PlaybackStats.Snapshot stats = player.stats().snapshot();
            assertThat(stats.edge()).isEqualTo(edgeB.baseUrl());
            assertThat(edgeB.segmentRequests.get()).isPositive();
            assertThat(stats.stallCount()).isZero();
            assertThat(player.engine().sink().stats().decodedFrames()).isGreaterThanOrEqualTo(expectedFrames);
        }
    }

    /**
     * Files written since {@code since} under the temp dir and the user's home that hold this title's plaintext:
     * MPEG-TS sync runs and a slice of a decrypted segment (other processes on the machine may write their own TS).
     */
    static List<Path> plaintextFilesSince(Instant since) throws Exception {
        List<byte[]> needles = new java.util.ArrayList<>();
        for (HlsFixture.Rung rung : HlsFixture.RUNGS) {
            byte[] plain = hls.decryptedSegment(rung, 1);
            needles.add(java.util.Arrays.copyOfRange(plain, plain.length / 2, plain.length / 2 + NEEDLE_BYTES));
        }
        List<Path> roots = List.of(Path.of(System.getProperty("java.io.tmpdir")), Path.of(System.getProperty("user.home")));
        List<Path> found = new java.util.ArrayList<>();
        for (Path root : roots) {
            try (Stream<Path> files = Files.find(root, 6, (p, a) -> a.isRegularFile()
                    && a.lastModifiedTime().toInstant().isAfter(since) && a.size() >= TS_PACKET * SYNC_RUN
                    && a.size() < 64 * 1024 * 1024, java.nio.file.FileVisitOption.values())) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    if (p.startsWith(content) && p.toString().endsWith(".ts")) {
                        continue; // the edge's own (encrypted) segments; checked below to be ciphertext anyway
                    }
                    if (holdsTs(p) && containsAny(Files.readAllBytes(p), needles)) {
                        found.add(p);
                    }
                }
            } catch (java.io.UncheckedIOException e) {
                // a file vanished or is unreadable while walking: not ours
            }
        }
        return found;
    }

    private static boolean containsAny(byte[] haystack, List<byte[]> needles) {
        for (byte[] needle : needles) {
            for (int i = 0; i + needle.length <= haystack.length; i++) {
                if (java.util.Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean holdsTs(Path file) {
        try {
            byte[] b = Files.readAllBytes(file);
            for (int start = 0; start < TS_PACKET && start < b.length; start++) {
                int run = 0;
                for (int i = start; i < b.length && b[i] == 0x47; i += TS_PACKET) {
                    if (++run >= SYNC_RUN) {
                        return true;
                    }
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }
}
