package dev.marquee.backend.encoding.internal.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.crypto.Cipher;
import javax.crypto.CipherOutputStream;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Packages encoded rungs as HLS: ffmpeg cuts the MPEG-TS into 4 s segments without re-encoding (cuts fall on the
 * forced key frames), then each segment is encrypted here with AES-128-CBC (PKCS#7) under the title's content key
 * and a fresh random IV that the media playlist states explicitly ({@code EXT-X-KEY ... IV=0x...} before each
 * segment). Encrypting in Java rather than with ffmpeg's {@code -hls_key_info_file} keeps the key off the disk and
 * gives every segment its own IV (ffmpeg 5.1 writes IV 0 for all). See docs/decisions/0302-hls-encryption-in-java.md.
 */
public final class HlsPackager {
    public static final String MEDIA_PLAYLIST = "index.m3u8";
    public static final String MASTER_PLAYLIST = "master.m3u8";
    static final int AES_BLOCK_BYTES = 16;

    /** One segment after encryption. */
    public record Segment(String fileName, double durationSeconds, long sizeBytes) {}

    /**
     * A packaged rung.
     *
     * @param peakBitrateBps    highest segment bitrate (encrypted bytes over the segment's duration): BANDWIDTH
     * @param averageBitrateBps total bytes over total duration: AVERAGE-BANDWIDTH
     */
    public record PackagedRung(List<Segment> segments, long peakBitrateBps, long averageBitrateBps, String videoCodecs) {}

    /** A line of the master playlist. */
    public record Variant(String uri, long peakBitrateBps, long averageBitrateBps, int width, int height,
            String codecs, double frameRate) {}

    private final FfmpegRunner runner;
    private final SecureRandom random;

    public HlsPackager(FfmpegRunner runner, SecureRandom random) {
        this.runner = runner;
        this.random = random;
    }

    /** Segments {@code encodedTs} (in {@code scratch}) and writes encrypted segments and {@code index.m3u8} into {@code out}. */
    public PackagedRung packageRung(Path encodedTs, Path scratch, Path out, byte[] contentKey, String keyUri)
            throws IOException, InterruptedException {
        Files.createDirectories(scratch);
        Files.createDirectories(out);
        Path plainPlaylist = scratch.resolve("plain.m3u8");
        runner.ffmpeg(List.of("-y", "-v", "error", "-i", encodedTs.toString(), "-map", "0", "-c", "copy",
                "-f", "hls", "-hls_time", Integer.toString(X264Encoder.SEGMENT_SECONDS), "-hls_playlist_type", "vod",
                "-hls_segment_type", "mpegts", "-start_number", "1",
                "-hls_segment_filename", scratch.resolve("seg-%05d.ts").toString(), plainPlaylist.toString()), null);

        List<Segment> segments = new ArrayList<>();
        StringBuilder playlist = new StringBuilder();
        double pendingDuration = -1;
        List<String> ivs = new ArrayList<>();
        for (String line : Files.readAllLines(plainPlaylist, StandardCharsets.UTF_8)) {
            if (line.startsWith("#EXTINF:")) {
                pendingDuration = Double.parseDouble(line.substring("#EXTINF:".length(), line.indexOf(',')));
            } else if (!line.isBlank() && !line.startsWith("#")) {
                if (pendingDuration < 0) throw new IOException("segment without #EXTINF in ffmpeg's playlist: " + line);
                byte[] iv = new byte[AES_BLOCK_BYTES];
                random.nextBytes(iv);
                long size = encrypt(scratch.resolve(line), out.resolve(line), contentKey, iv);
                segments.add(new Segment(line, pendingDuration, size));
                ivs.add(HexFormat.of().formatHex(iv));
                pendingDuration = -1;
            }
        }
        if (segments.isEmpty()) throw new IOException("ffmpeg produced no segments for " + encodedTs.getFileName());

        double maxDuration = segments.stream().mapToDouble(Segment::durationSeconds).max().orElseThrow();
        playlist.append("#EXTM3U\n#EXT-X-VERSION:3\n")
                .append("#EXT-X-TARGETDURATION:").append((int) Math.ceil(maxDuration - 1e-3)).append('\n')
                .append("#EXT-X-MEDIA-SEQUENCE:1\n#EXT-X-PLAYLIST-TYPE:VOD\n#EXT-X-INDEPENDENT-SEGMENTS\n");
        long peak = 0;
        long totalBytes = 0;
        double totalSeconds = 0;
        for (int i = 0; i < segments.size(); i++) {
            Segment s = segments.get(i);
            playlist.append("#EXT-X-KEY:METHOD=AES-128,URI=\"").append(keyUri).append("\",IV=0x").append(ivs.get(i)).append('\n')
                    .append(String.format(Locale.ROOT, "#EXTINF:%.6f,%n", s.durationSeconds()))
                    .append(s.fileName()).append('\n');
            // A short last segment would exaggerate the peak; HLS's BANDWIDTH is about sustained segments.
            if (s.durationSeconds() >= X264Encoder.SEGMENT_SECONDS / 2.0 || segments.size() == 1) {
                peak = Math.max(peak, Math.round(s.sizeBytes() * 8 / s.durationSeconds()));
            }
            totalBytes += s.sizeBytes();
            totalSeconds += s.durationSeconds();
        }
        playlist.append("#EXT-X-ENDLIST\n");
        Files.writeString(out.resolve(MEDIA_PLAYLIST), playlist.toString(), StandardCharsets.UTF_8);
        long average = Math.round(totalBytes * 8 / totalSeconds);
        return new PackagedRung(List.copyOf(segments), Math.max(peak, average), average, videoCodecs(encodedTs));
    }

    /** Writes the master playlist, variants in the given order (lowest first is conventional). */
    public static void writeMaster(Path file, List<Variant> variants) throws IOException {
        StringBuilder text = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-INDEPENDENT-SEGMENTS\n");
        for (Variant v : variants) {
            text.append(String.format(Locale.ROOT,
                    "#EXT-X-STREAM-INF:BANDWIDTH=%d,AVERAGE-BANDWIDTH=%d,RESOLUTION=%dx%d,CODECS=\"%s\",FRAME-RATE=%.3f%n%s%n",
                    v.peakBitrateBps(), v.averageBitrateBps(), v.width(), v.height(), v.codecs(), v.frameRate(), v.uri()));
        }
        Files.writeString(file, text.toString(), StandardCharsets.UTF_8);
    }

    private static long encrypt(Path plain, Path encrypted, byte[] key, byte[] iv) throws IOException {
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
            try (InputStream in = Files.newInputStream(plain);
                    OutputStream out = new CipherOutputStream(Files.newOutputStream(encrypted), cipher)) {
                in.transferTo(out);
            }
            return Files.size(encrypted);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-128-CBC is available in every JDK", e);
        }
    }

    /** RFC 6381 codecs of the rung: {@code avc1.PPCCLL} from the stream's profile and level, plus AAC-LC. */
    String videoCodecs(Path encodedTs) throws IOException, InterruptedException {
        var result = runner.ffprobe(List.of("-v", "error", "-select_streams", "v:0",
                "-show_entries", "stream=profile,level", "-of", "default=noprint_wrappers=1", encodedTs.toString()));
        String profile = "High";
        int level = 31;
        for (String line : result.stdout()) {
            if (line.startsWith("profile=")) profile = line.substring("profile=".length());
            if (line.startsWith("level=")) {
                try {
                    level = Integer.parseInt(line.substring("level=".length()).strip());
                } catch (NumberFormatException ignored) {
                    // keep the default
                }
            }
        }
        String profileAndConstraints = switch (profile) {
            case "Baseline", "Constrained Baseline" -> "42e0";
            case "Main" -> "4d40";
            default -> "6400";
        };
        return String.format(Locale.ROOT, "avc1.%s%02x,mp4a.40.2", profileAndConstraints, level);
    }
}
