package dev.marquee.player.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.marquee.model.license.License;
import dev.marquee.model.license.LicenseCodec;
import dev.marquee.model.license.LicensePaths;
import dev.marquee.model.license.LicenseRequest;
import dev.marquee.model.license.ServerKey;
import dev.marquee.player.engine.ControlPlaneRoute;
import dev.marquee.player.engine.ContentSteeringManager;
import dev.marquee.player.engine.EventReporter;
import dev.marquee.player.engine.FrameSurface;
import dev.marquee.player.engine.Player;
import dev.marquee.player.engine.StreamingEngine;
import dev.marquee.player.engine.VlcMediaSink;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./marquee bench startup [--plays N]}: startup time (play → first frame) over N local plays of an
 * encrypted title served over loopback with a licence server (real crypto) and real libvlc without a display;
 * prints p50/p95 against the 1 s target. Then three plays of one title: without switches (the reference), switching
 * rung every segment in one libvlc player, and the same with warm second players; pictures lost per segment
 * boundary from the per-frame display times. With {@code --live}, instead of the switches, the same number of
 * plays against the running backend ({@link LiveStartupBenchmark}) and their ratio to the local plays.
 * Not a test: it measures; the reference is the target.
 */
public final class StartupBenchmark {

    private static final int DEFAULT_PLAYS = 20;
    private static final long TARGET_P95_MS = 1_000;
    private static final int TITLE_S = 8;
    private static final int SEGMENT_S = 2;
    private static final int FPS = 25;
    private static final String KEY_ID = "k1";
    private static final Duration PLAY_TIMEOUT = Duration.ofSeconds(60);
    private static final long POLL_MS = 5;
    /** Pictures either side of a segment boundary that count towards that switch. */
    private static final int SWITCH_WINDOW = 5;

    private final JsonMapper json = JsonMapper.builder().findAndAddModules().build();
    private final byte[] contentKey = new byte[16];
    private final KeyPair signing;

    private StartupBenchmark() throws Exception {
        new SecureRandom().nextBytes(contentKey);
        signing = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    public static void main(String[] args) throws Exception {
        int plays = DEFAULT_PLAYS;
        boolean live = false;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--plays") && i + 1 < args.length) {
                plays = Integer.parseInt(args[++i]);
            } else if (args[i].equals("--live")) {
                live = true;
            }
        }
        new StartupBenchmark().run(plays, live);
        System.exit(0);
    }

    /** @param live also click → first frame against the running backend, and the ratio to the local plays */
    private void run(int plays, boolean live) throws Exception {
        Path root = Files.createTempDirectory("marquee-startup-bench");
        try {
            encode(root);
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> serve(root, exchange));
            server.start();
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            OkHttpClient http = new OkHttpClient();
            long[] startupMs = new long[plays];
            for (int i = 0; i < plays; i++) {
                try (Player player = player(root, base, http, StreamingEngine.Config.defaults())) {
                    player.play();
                    long deadline = System.nanoTime() + PLAY_TIMEOUT.toNanos();
                    while (player.stats().snapshot().startupTimeMs() < 0 && player.errorMessage() == null
                            && System.nanoTime() < deadline) {
                        Thread.sleep(POLL_MS);
                    }
                    if (player.errorMessage() != null || player.stats().snapshot().startupTimeMs() < 0) {
                        throw new IllegalStateException("play " + i + " failed: " + player.errorMessage());
                    }
                    startupMs[i] = player.stats().snapshot().startupTimeMs();
                }
            }
            long[] sorted = startupMs.clone();
            Arrays.sort(sorted);
            long p50 = sorted[(int) Math.ceil(0.50 * plays) - 1];
            long p95 = sorted[(int) Math.ceil(0.95 * plays) - 1];
            System.out.printf("startup (play -> first frame), %d plays: p50 %d ms, p95 %d ms, max %d ms (target p95 < %d ms: %s)%n",
                    plays, p50, p95, sorted[plays - 1], TARGET_P95_MS, p95 < TARGET_P95_MS ? "met" : "MISSED");
            System.out.println("all: " + Arrays.toString(startupMs));
            if (live) {
                long[] liveMs = LiveStartupBenchmark.run(plays);
                long liveP50 = LiveStartupBenchmark.percentile(liveMs, 0.50);
                long liveP95 = LiveStartupBenchmark.percentile(liveMs, 0.95);
                System.out.printf("live click -> first frame (session, device, licence, real edges), %d plays: p50 %d ms, "
                        + "p95 %d ms, max %d ms (target p95 < %d ms: %s); live/local p50 %.2f, p95 %.2f%n", plays,
                        liveP50, liveP95, LiveStartupBenchmark.percentile(liveMs, 1.0), TARGET_P95_MS,
                        liveP95 < TARGET_P95_MS ? "met" : "MISSED", (double) liveP50 / Math.max(1, p50),
                        (double) liveP95 / Math.max(1, p95));
                System.out.println("live all: " + Arrays.toString(liveMs));
            } else {
                switches(root, base, http);
            }
            server.stop(0);
        } finally {
            try (var files = Files.walk(root)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** What one play showed around its segment boundaries. */
    private record BoundaryResult(int boundaries, long pictures, long libvlcLost, long lostAtBoundaries,
                                  long worstGapMs, long lostElsewhere, double medianIntervalMs, long handovers) {
        double perBoundary() {
            return (double) lostAtBoundaries / Math.max(1, boundaries);
        }
    }

    /**
     * Three plays of the same title with a 2 s buffer goal: without switches (the reference: what the machine
     * costs at segment boundaries anyway), switching 180p <-> 360p at every segment in one libvlc player, and the
     * same switches handed over between warm libvlc players. Pictures lost per boundary from display gaps.
     */
    private void switches(Path root, String base, OkHttpClient http) throws Exception {
        BoundaryResult reference = boundaryPlay(root, base, http, false, false);
        BoundaryResult onePlayer = boundaryPlay(root, base, http, true, false);
        BoundaryResult warm = boundaryPlay(root, base, http, true, true);
        print("no switches (reference)", reference);
        print("switches, one libvlc player", onePlayer);
        print("switches, warm second player", warm);
        System.out.printf("pictures lost per switch above the reference: one player %.2f, warm players %.2f%n",
                onePlayer.perBoundary() - reference.perBoundary(), warm.perBoundary() - reference.perBoundary());
    }

    private static void print(String name, BoundaryResult r) {
        System.out.printf("%-30s boundaries %d, pictures shown %d, libvlc lost %d, missing within %d pictures of a "
                        + "boundary %d => %.2f per boundary (worst gap %d ms), missing elsewhere %d, median interval "
                        + "%.1f ms, hand-overs %d%n", name + ":", r.boundaries(), r.pictures(), r.libvlcLost(),
                SWITCH_WINDOW, r.lostAtBoundaries(), r.perBoundary(), r.worstGapMs(), r.lostElsewhere(),
                r.medianIntervalMs(), r.handovers());
    }

    private BoundaryResult boundaryPlay(Path root, String base, OkHttpClient http, boolean switching, boolean warm)
            throws Exception {
        var config = new StreamingEngine.Config(Duration.ofSeconds(SEGMENT_S), StreamingEngine.Config.DEFAULT_STALL_THRESHOLD);
        try (Player player = player(root, base, http, config, warm)) {
            player.fixRung(0);
            player.play();
            long deadline = System.nanoTime() + PLAY_TIMEOUT.toNanos();
            while (!player.engine().finished() && System.nanoTime() < deadline) {
                var history = player.stats().snapshot().rungHistory();
                int current = history.isEmpty() ? 0 : history.getLast().rungIndex();
                if (switching) {
                    player.fixRung(1 - current); // whatever segment comes next goes to the other rung
                }
                Thread.sleep(POLL_MS);
            }
            VlcMediaSink sink = (VlcMediaSink) player.engine().sink();
            long[] t = sink.frameTimesNanos();
            long[] gaps = new long[Math.max(0, t.length - 1)];
            for (int i = 1; i < t.length; i++) {
                gaps[i - 1] = t[i] - t[i - 1];
            }
            long[] sortedGaps = gaps.clone();
            Arrays.sort(sortedGaps);
            long nominal = sortedGaps.length == 0 ? 1 : sortedGaps[sortedGaps.length / 2];
            // a boundary before segment s shows up around picture s × pictures-per-segment; elsewhere is the baseline
            int perSegment = SEGMENT_S * FPS;
            int boundaries = TITLE_S / SEGMENT_S - 1;
            long atBoundaries = 0;
            long elsewhere = 0;
            long worstMs = 0;
            for (int i = 0; i < gaps.length; i++) {
                long lost = Math.max(0, Math.round((double) gaps[i] / nominal) - 1);
                boolean near = false;
                for (int s = 1; s <= boundaries; s++) {
                    near |= Math.abs(i + 1 - s * perSegment) <= SWITCH_WINDOW;
                }
                if (near) {
                    atBoundaries += lost;
                    worstMs = Math.max(worstMs, gaps[i] / 1_000_000);
                } else if (i > SWITCH_WINDOW) { // the very first pictures wait for libvlc's caching: not a switch
                    elsewhere += lost;
                }
            }
            return new BoundaryResult(boundaries, t.length, sink.stats().lostFrames(), atBoundaries, worstMs,
                    elsewhere, nominal / 1e6, sink.switches());
        }
    }

    private Player player(Path root, String base, OkHttpClient http, StreamingEngine.Config config) throws Exception {
        return player(root, base, http, config, VlcMediaSink.WARM_SWITCH_DEFAULT);
    }

    private Player player(Path root, String base, OkHttpClient http, StreamingEngine.Config config, boolean warm)
            throws Exception {
        var options = new Player.Options(ControlPlaneRoute.fixed(base), "/titles/t1/master.m3u8",
                new ContentSteeringManager.Steering(List.of(base), Duration.ofMinutes(5)), null,
                new EventReporter.Session(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "local"),
                root.resolve("device"), List.of(VlcMediaSink.HEADLESS_AUDIO), config, () -> null, false);
        return new Player(options, () -> VlcMediaSink.output(options.vlcArgs(), FrameSurface.NONE, warm),
                InstantSource.system(), http);
    }

    private void serve(Path root, HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            byte[] body;
            int status = 200;
            if (path.equals(LicensePaths.SERVER_KEY)) {
                body = json.writeValueAsBytes(new ServerKey("Ed25519",
                        Base64.getEncoder().encodeToString(signing.getPublic().getEncoded())));
            } else if (path.equals(LicensePaths.LICENSES)) {
                body = license(exchange.getRequestBody().readAllBytes());
            } else {
                Path file = root.resolve(path.substring(1)).normalize();
                if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                body = Files.readAllBytes(file);
            }
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private byte[] license(byte[] requestBody) throws IOException {
        try {
            LicenseRequest req = json.readValue(requestBody, LicenseRequest.class);
            UUID id = UUID.randomUUID();
            KeyPair ephemeral = LicenseCodec.newEcKeyPair();
            Instant now = Instant.now();
            License unsigned = new License(LicenseCodec.VERSION, id, req.titleId(), req.deviceId(), req.sessionId(),
                    KEY_ID, Base64.getEncoder().encodeToString(ephemeral.getPublic().getEncoded()),
                    LicenseCodec.wrap(contentKey, ephemeral, LicenseCodec.publicKey("EC", req.devicePublicKey()), id, KEY_ID),
                    now, now.plus(Duration.ofMinutes(10)), 0, 2, "");
            return json.writeValueAsBytes(LicenseCodec.sign(unsigned, signing.getPrivate()));
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    private void encode(Path root) throws Exception {
        Path keyFile = root.resolve("key.bin");
        Files.write(keyFile, contentKey);
        Path title = root.resolve("titles/t1");
        StringBuilder master = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:3\n");
        int[][] rungs = {{320, 180, 250}, {640, 360, 700}};
        for (int[] r : rungs) {
            String name = r[1] + "p";
            Path out = Files.createDirectories(title.resolve(name));
            byte[] iv = new byte[16];
            new SecureRandom().nextBytes(iv);
            Path info = root.resolve("keyinfo-" + name);
            Files.writeString(info, "../keys/" + KEY_ID + "\n" + keyFile + "\n" + HexFormat.of().formatHex(iv) + "\n");
            List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-y",
                    "-f", "lavfi", "-i", "testsrc2=size=" + r[0] + "x" + r[1] + ":rate=" + FPS,
                    "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000", "-t", Integer.toString(TITLE_S),
                    "-map", "0:v", "-map", "1:a", "-c:v", "libx264", "-preset", "veryfast", "-b:v", r[2] + "k",
                    "-g", Integer.toString(FPS * SEGMENT_S), "-keyint_min", Integer.toString(FPS * SEGMENT_S),
                    "-sc_threshold", "0", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "64k", "-f", "hls",
                    "-hls_time", Integer.toString(SEGMENT_S), "-hls_playlist_type", "vod", "-hls_key_info_file",
                    info.toString(), "-hls_segment_filename", out.resolve("seg%03d.ts").toString(),
                    out.resolve("index.m3u8").toString()));
            Process p = new ProcessBuilder(cmd).inheritIO().start();
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("ffmpeg failed for " + name);
            }
            master.append("#EXT-X-STREAM-INF:BANDWIDTH=").append((r[2] + 64) * 1250).append(",AVERAGE-BANDWIDTH=")
                    .append((r[2] + 64) * 1000).append(",RESOLUTION=").append(r[0]).append('x').append(r[1])
                    .append("\n").append(name).append("/index.m3u8\n");
        }
        Files.writeString(title.resolve("master.m3u8"), master);
        Files.delete(keyFile);
    }
}
