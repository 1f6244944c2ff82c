package dev.marquee.player.bench;

import dev.marquee.model.catalog.HomeRow;
import dev.marquee.model.catalog.TitleCard;
import dev.marquee.model.catalog.TitleDetail;
import dev.marquee.model.identity.ProfileView;
import dev.marquee.player.api.BackendClient;
import dev.marquee.player.api.ControlPlane;
import dev.marquee.player.api.PlaybackApi;
import dev.marquee.player.engine.StreamingEngine;
import dev.marquee.player.engine.VlcMediaSink;
import dev.marquee.player.ui.EnginePlaybackLauncher;
import dev.marquee.player.ui.PlaybackSession;
import dev.marquee.player.ui.VideoSurface;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.OkHttpClient;

/**
 * {@code ./marquee bench startup --live [--plays N]}: click → first painted frame against a running backend, the
 * way the playback screen does it ({@link EnginePlaybackLauncher}: device registration, stream session through the
 * region's gateway, licence, real edges, libvlc) — N plays of the first published title as the demo viewer, each
 * session ended before the next. Not a test: it measures; the reference is the 1 s target and, from the same run,
 * the engine-only plays of {@link StartupBenchmark}.
 */
final class LiveStartupBenchmark {
    private static final Duration PLAY_TIMEOUT = Duration.ofSeconds(60);
    private static final long POLL_MS = 5;

    private LiveStartupBenchmark() {}

    /** Startup times in ms, one per play. */
    static long[] run(int plays) throws Exception {
        String backendUrl = System.getProperty(BackendClient.BASE_URL_PROPERTY, BackendClient.DEFAULT_BASE_URL);
        Path home = Path.of(System.getProperty("marquee.home", System.getProperty("user.home") + "/.marquee"));
        Properties credentials = new Properties();
        try (InputStream in = Files.newInputStream(home.resolve("credentials"))) {
            credentials.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("no credentials in " + home + ": is the backend running (./marquee up)?", e);
        }
        BackendClient client = new BackendClient(backendUrl, InstantSource.system());
        client.signIn(credentials.getProperty("viewer.email"), credentials.getProperty("viewer.password"));
        ProfileView profile = client.profiles().stream().filter(p -> !p.kids()).findFirst().orElseThrow();
        client.selectProfile(profile.id(), null);
        TitleCard card = client.rows(false).rows().stream().map(HomeRow::items).flatMap(List::stream).findFirst()
                .orElseThrow(() -> new IllegalStateException("no published title yet: wait for the sample catalog"));
        TitleDetail title = client.title(card.id(), false);
        OkHttpClient http = new OkHttpClient();
        PlaybackApi api = new PlaybackApi(new ControlPlane(http, backendUrl, "", InstantSource.system()), client, http,
                InstantSource.system());
        Path deviceDir = Files.createTempDirectory("marquee-bench-device");
        ExecutorService background = Executors.newSingleThreadExecutor();
        try {
            var launcher = new EnginePlaybackLauncher(api, profile.id(), new EnginePlaybackLauncher.Settings("", null,
                    deviceDir, List.of(VlcMediaSink.HEADLESS_AUDIO), StreamingEngine.Config.defaults(), true),
                    http, background, InstantSource.system());
            long[] startupMs = new long[plays];
            for (int i = 0; i < plays; i++) {
                AtomicLong firstFrame = new AtomicLong();
                VideoSurface surface = new VideoSurface() {
                    @Override
                    public void format(int width, int height) {
                    }

                    @Override
                    public void frame(ByteBuffer bgra) {
                        firstFrame.compareAndSet(0, System.nanoTime());
                    }
                };
                long click = System.nanoTime();
                PlaybackSession session = launcher.play(title, Duration.ZERO);
                session.attach(surface);
                session.play();
                long deadline = click + PLAY_TIMEOUT.toNanos();
                while (firstFrame.get() == 0 && session.snapshot().failure() == null && System.nanoTime() < deadline) {
                    Thread.sleep(POLL_MS);
                }
                String failure = session.snapshot().failure();
                session.close();
                background.submit(() -> { }).get(); // the player is closed and the session ended before the next play
                if (firstFrame.get() == 0) {
                    throw new IllegalStateException("play " + i + " showed no frame: " + failure);
                }
                startupMs[i] = (firstFrame.get() - click) / 1_000_000;
            }
            System.out.printf("live: '%s' from %s as %s (%s), region %s%n", title.card().title(), backendUrl,
                    credentials.getProperty("viewer.email"), profile.name(), api.controlPlane().region());
            return startupMs;
        } finally {
            background.shutdown();
            try (var files = Files.walk(deviceDir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    static long percentile(long[] values, double p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.ceil(p * sorted.length) - 1];
    }
}
