package dev.marquee.player.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.marquee.player.fleet.HeadlessMediaSink;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.UUID;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real engine (networking, licence, ABR, decryption) playing into the fleet's headless sink: ffmpeg-made
 * encrypted HLS on a loopback edge, a licence server with real crypto, no libvlc.
 */
class HeadlessPlaybackIntegrationTest {

    private static final int TITLE_SECONDS = 6;
    /** Real time: 6 s of media plays in 6 s; the rest is room for a loaded 2-core machine. */
    private static final Duration PLAY_TIMEOUT = Duration.ofSeconds(40);

    @TempDir
    static Path content;
    static HlsFixture hls;

    @TempDir
    Path deviceDir;
    FileEdge edge;
    FakeLicenseServer licenses;
    final OkHttpClient http = new OkHttpClient();

    @BeforeAll
    static void encode() throws Exception {
        hls = HlsFixture.create(content, TITLE_SECONDS);
    }

    @BeforeEach
    void servers() throws Exception {
        edge = new FileEdge(content, "edge-a");
    }

    @AfterEach
    void stop() throws Exception {
        edge.close();
        licenses.close();
    }

    private Player player(HeadlessMediaSink.Output output) throws Exception {
        var options = new Player.Options(ControlPlaneRoute.fixed(licenses.url()), HlsFixture.MASTER_PATH,
                new ContentSteeringManager.Steering(List.of(edge.baseUrl()), Duration.ofMinutes(5)), null,
                new EventReporter.Session(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "local"),
                deviceDir, List.of(), StreamingEngine.Config.defaults(), () -> null, false);
        return new Player(options, () -> output, InstantSource.system(), http);
    }

    @Test
    void playsTheEncryptedTitleInRealTimeWithoutStalls() throws Exception {
        licenses = new FakeLicenseServer(hls.key, InstantSource.system());
        var output = new HeadlessMediaSink.Output(HeadlessMediaSink.Clock.SYSTEM);
        long started = System.nanoTime();
        try (Player player = player(output)) {
            player.play();
            await().atMost(PLAY_TIMEOUT).until(() -> player.engine().finished());
            long playedMs = (System.nanoTime() - started) / 1_000_000;

            assertThat(player.errorMessage()).isNull();
            PlaybackStats.Snapshot stats = player.stats().snapshot();
            assertThat(stats.stallCount()).isZero();
            assertThat(stats.startupTimeMs()).isPositive();
            assertThat(output.segments()).isEqualTo(TITLE_SECONDS / HlsFixture.SEGMENT_S);
            assertThat(output.bytes()).isPositive();
            assertThat(player.drm().licenceUses()).isEqualTo(TITLE_SECONDS / HlsFixture.SEGMENT_S);
            // the play head follows the wall clock: the whole title took at least its own length to play
            assertThat(playedMs).isGreaterThanOrEqualTo(TITLE_SECONDS * 1_000L);
            assertThat(player.engine().positionUs()).isEqualTo(TITLE_SECONDS * 1_000_000L);
        }
    }

    @Test
    void failsPlaybackWhenTheLicenceCarriesTheWrongKey() throws Exception {
        byte[] wrongKey = hls.key.clone();
        wrongKey[0] ^= 0x01;
        licenses = new FakeLicenseServer(wrongKey, InstantSource.system());
        var output = new HeadlessMediaSink.Output(HeadlessMediaSink.Clock.SYSTEM);
        try (Player player = player(output)) {
            player.play();
            await().atMost(PLAY_TIMEOUT).until(() -> player.engine().finished());

            assertThat(player.errorMessage()).isNotNull(); // bad padding, or (1 in ~256) no sync bytes
            assertThat(output.segments()).isZero();
            assertThat(player.stats().snapshot().startupTimeMs()).isNegative();
        }
    }
}
