package dev.marquee.player.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pause in libvlc for real: the whole player (loopback edge, licence, decryption) playing an encrypted title into
 * {@link VlcMediaSink} in its default mode, paused mid-play while the engine still fetches. Paused, no new picture
 * may reach the surface and the position may not move (libvlc repeats the paused picture; the sink once showed
 * those repeats and counted them as media time), and libvlc may decode nothing more.
 */
class VlcPauseIntegrationTest {

    private static final int TITLE_SECONDS = 8;
    /** Pictures shown before the pause: libvlc's clock is running by then (1 s at 25 fps). */
    private static final int PLAYED_BEFORE_PAUSE = HlsFixture.FPS;
    /** A paused sink shows no new picture and its position does not move for this long (12 picture durations). */
    private static final Duration STILL_WINDOW = Duration.ofMillis(480);
    /** Pictures libvlc had queued for display when the pause came may still be shown: allow this much media time. */
    private static final long SETTLE_US = 200_000;
    /** Pictures after the resume that prove it plays again (0.4 s at 25 fps). */
    private static final int PLAYED_AFTER_RESUME = 10;
    /** Bound for any wait on a loaded 2-core machine; the title itself is 8 s. */
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @TempDir
    static Path content;
    static HlsFixture hls;

    @TempDir
    Path deviceDir;
    final OkHttpClient http = new OkHttpClient();
    FileEdge edge;
    FakeLicenseServer licenses;

    @BeforeAll
    static void encode() throws Exception {
        hls = HlsFixture.create(content, TITLE_SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        edge.close();
        licenses.close();
    }

    @Test
    void pauseStopsThePicturesAndThePositionAndResumePlaysOn() throws Exception {
        AtomicLong pictures = new AtomicLong();
        FrameSurface surface = new FrameSurface() {
            @Override
            public void format(int width, int height) {
            }

            @Override
            public void frame(ByteBuffer bgra, int width, int height) {
                pictures.incrementAndGet();
            }
        };
        edge = new FileEdge(content, "edge-a");
        licenses = new FakeLicenseServer(hls.key, InstantSource.system());
        var options = new Player.Options(ControlPlaneRoute.fixed(licenses.url()), HlsFixture.MASTER_PATH,
                new ContentSteeringManager.Steering(List.of(edge.baseUrl()), Duration.ofMinutes(5)), null,
                new EventReporter.Session(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "local"),
                deviceDir, List.of(VlcMediaSink.HEADLESS_AUDIO), StreamingEngine.Config.defaults(), () -> null, false);
        try (Player player = new Player(options, surface, InstantSource.system(), http)) {
            player.play();
            await().atMost(TIMEOUT).until(() -> pictures.get() >= PLAYED_BEFORE_PAUSE);

            player.setPaused(true);
            MediaSink sink = player.engine().sink();
            long pausedAtUs = sink.positionUs();
            long[] last = {-1, -1, -1};
            await().atMost(TIMEOUT).during(STILL_WINDOW).pollInterval(Duration.ofMillis(20)).until(() -> {
                long[] now = {pictures.get(), sink.positionUs(), sink.stats().decodedFrames()};
                boolean still = java.util.Arrays.equals(now, last);
                System.arraycopy(now, 0, last, 0, now.length);
                return still;
            });
            long stillPictures = pictures.get();
            long stillUs = sink.positionUs();
            assertThat(stillUs).isBetween(pausedAtUs, pausedAtUs + SETTLE_US);
            assertThat(sink.ended()).isFalse();

            player.setPaused(false);
            await().atMost(TIMEOUT).until(() -> pictures.get() >= stillPictures + PLAYED_AFTER_RESUME);
            assertThat(sink.positionUs()).isGreaterThan(stillUs);
            await().atMost(TIMEOUT).until(() -> player.engine().finished());
            assertThat(player.errorMessage()).isNull();
            assertThat(sink.stats().decodedFrames()).isGreaterThanOrEqualTo(hls.frameCount(HlsFixture.RUNGS.getFirst()));
        }
    }
}
