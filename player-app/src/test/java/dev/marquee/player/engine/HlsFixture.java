package dev.marquee.player.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A small encrypted HLS title made with ffmpeg: two rungs (320x180 and 640x360, same key, explicit IVs), 2 s
 * segments with aligned key frames, a test pattern with a tone. Made once per test class in a temp dir.
 */
final class HlsFixture {

    static final String TITLE_PATH = "/titles/t1/";
    static final String MASTER_PATH = TITLE_PATH + "master.m3u8";
    static final String KEY_ID = "k1";
    static final int FPS = 25;
    static final int SEGMENT_S = 2;
    /** Top rung size: the surface's buffer format. */
    static final int TOP_WIDTH = 640;
    static final int TOP_HEIGHT = 360;
    /** Generous: ffmpeg encodes a few seconds of 360p in about a second on 2 cores; a loaded CI box is slower. */
    private static final long FFMPEG_TIMEOUT_S = 120;

    record Rung(String name, int width, int height, int videoKbps) {
    }

    static final List<Rung> RUNGS = List.of(new Rung("180p", 320, 180, 250), new Rung("360p", 640, 360, 700));

    final Path dir;
    final byte[] key = new byte[16];
    final int seconds;

    private HlsFixture(Path dir, int seconds) {
        this.dir = dir;
        this.seconds = seconds;
    }

    static HlsFixture create(Path dir, int seconds) throws IOException, InterruptedException {
        HlsFixture f = new HlsFixture(dir, seconds);
        new SecureRandom().nextBytes(f.key);
        Path keyFile = Files.createTempFile("hls-key", ".bin"); // ffmpeg reads the key from a file; test-only
        Files.write(keyFile, f.key);
        try {
            Path title = dir.resolve(TITLE_PATH.substring(1));
            StringBuilder master = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:3\n");
            for (Rung r : RUNGS) {
                Path out = Files.createDirectories(title.resolve(r.name()));
                Path info = dir.resolve("keyinfo-" + r.name());
                byte[] iv = new byte[16];
                new SecureRandom().nextBytes(iv);
                Files.writeString(info, "../keys/" + KEY_ID + "\n" + keyFile + "\n" + HexFormat.of().formatHex(iv) + "\n");
                run(List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-y",
                        "-f", "lavfi", "-i", "testsrc2=size=" + r.width() + "x" + r.height() + ":rate=" + FPS,
                        "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000",
                        "-t", Integer.toString(seconds), "-map", "0:v", "-map", "1:a",
                        "-c:v", "libx264", "-preset", "veryfast", "-b:v", r.videoKbps() + "k",
                        "-g", Integer.toString(FPS * SEGMENT_S), "-keyint_min", Integer.toString(FPS * SEGMENT_S),
                        "-sc_threshold", "0", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "64k",
                        "-f", "hls", "-hls_time", Integer.toString(SEGMENT_S), "-hls_playlist_type", "vod",
                        "-hls_key_info_file", info.toString(),
                        "-hls_segment_filename", out.resolve("seg%03d.ts").toString(), out.resolve("index.m3u8").toString()));
                int bandwidth = (r.videoKbps() + 64) * 1_000 * 5 / 4;
                master.append("#EXT-X-STREAM-INF:BANDWIDTH=").append(bandwidth).append(",AVERAGE-BANDWIDTH=")
                        .append((r.videoKbps() + 64) * 1_000).append(",RESOLUTION=").append(r.width()).append('x')
                        .append(r.height()).append(",CODECS=\"avc1.64001e,mp4a.40.2\"\n").append(r.name())
                        .append("/index.m3u8\n");
            }
            Files.writeString(title.resolve("master.m3u8"), master);
        } finally {
            Files.delete(keyFile);
        }
        return f;
    }

    /** Video frames of one rung, counted by ffprobe on its segments decrypted in memory and piped in. */
    long frameCount(Rung rung) throws Exception {
        var parser = new ManifestParser();
        Path playlist = dir.resolve(TITLE_PATH.substring(1)).resolve(rung.name()).resolve("index.m3u8");
        var media = parser.parseMedia(Files.readString(playlist), TITLE_PATH + rung.name() + "/index.m3u8");
        Process p = new ProcessBuilder("ffprobe", "-v", "error", "-select_streams", "v:0", "-count_frames",
                "-show_entries", "stream=nb_read_frames", "-of", "csv=p=0", "-f", "mpegts", "-i", "pipe:0")
                .redirectErrorStream(true).start();
        try (var in = p.getOutputStream()) {
            for (var seg : media.segments()) {
                byte[] enc = Files.readAllBytes(dir.resolve(seg.uri().substring(1)));
                in.write(new Decryptor().decrypt(enc, key, seg.key().iv()));
            }
        }
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(FFMPEG_TIMEOUT_S, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("ffprobe failed: " + out);
        }
        return Long.parseLong(out.strip().lines().findFirst().orElseThrow().strip());
    }

    /** One segment of a rung, decrypted in memory. */
    byte[] decryptedSegment(Rung rung, int index) throws Exception {
        Path playlist = dir.resolve(TITLE_PATH.substring(1)).resolve(rung.name()).resolve("index.m3u8");
        var media = new ManifestParser().parseMedia(Files.readString(playlist), TITLE_PATH + rung.name() + "/index.m3u8");
        var seg = media.segments().get(index);
        return new Decryptor().decrypt(Files.readAllBytes(dir.resolve(seg.uri().substring(1))), key, seg.key().iv());
    }

    /** Total media duration of the title in microseconds. */
    long durationUs() {
        return seconds * 1_000_000L;
    }

    static void run(List<String> command) throws IOException, InterruptedException {
        output(command);
    }

    static String output(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(FFMPEG_TIMEOUT_S, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException(command.getFirst() + " failed: " + new String(out));
        }
        return new String(out);
    }
}
