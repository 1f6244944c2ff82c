package dev.marquee.backend.encoding.internal.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.DoubleConsumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decides whether a file can become a title: ffprobe reads its container and streams, then a full decode of the
 * video stream proves that every frame the container promises is really there (catches truncated and corrupt
 * files whose headers look fine). Rejections carry a reason an operator can act on.
 */
public final class Prober {
    public static final int MIN_DIMENSION_PX = 64;
    public static final int MAX_DIMENSION_PX = 4096;
    public static final Duration MIN_DURATION = Duration.ofSeconds(2);
    public static final Duration MAX_DURATION = Duration.ofHours(3);
    /** Share of the declared duration a decode must reach; below it the file is truncated. Allows for a last GOP lost to rounding. */
    static final double MIN_DECODED_SHARE = 0.95;
    /** Video codecs this ffmpeg decodes reliably and that a studio or a phone would deliver. */
    static final Set<String> SUPPORTED_CODECS = Set.of(
            "h264", "hevc", "mpeg4", "mpeg2video", "mpeg1video", "vp8", "vp9", "av1", "prores", "dnxhd",
            "mjpeg", "ffv1", "rawvideo", "theora", "huffyuv", "utvideo", "qtrle", "png");
    /** Demuxers that deliver single pictures, not video. */
    static final Set<String> STILL_IMAGE_FORMATS = Set.of(
            "image2", "png_pipe", "jpeg_pipe", "bmp_pipe", "webp_pipe", "tiff_pipe", "gif_pipe", "svg_pipe");

    private final FfmpegRunner runner;
    private final JsonMapper json;

    public Prober(FfmpegRunner runner, JsonMapper json) {
        this.runner = runner;
        this.json = json;
    }

    /**
     * Probes {@code file}; reports decode progress as a share 0..1.
     *
     * @throws ProbeRejectedException if the file cannot become a title
     */
    public MediaProbe probe(Path file, DoubleConsumer progress) throws ProbeRejectedException, IOException, InterruptedException {
        if (!Files.isRegularFile(file)) throw new ProbeRejectedException("not a file: " + file);
        if (Files.size(file) == 0) throw new ProbeRejectedException("empty file");
        var result = runner.ffprobe(List.of("-v", "error", "-print_format", "json", "-show_format", "-show_streams", file.toString()));
        if (result.exitCode() != 0) {
            throw new ProbeRejectedException("not a readable video file (truncated, corrupt or not a video at all): "
                    + FfmpegRunner.lastLines(result.stderr(), 2));
        }
        JsonNode root = json.readTree(String.join("\n", result.stdout()));
        JsonNode format = root.path("format");
        String formatName = format.path("format_name").asString("");
        JsonNode video = null;
        boolean hasAudio = false;
        for (JsonNode stream : root.path("streams")) {
            String type = stream.path("codec_type").asString("");
            if (type.equals("audio")) hasAudio = true;
            if (type.equals("video") && video == null && stream.path("disposition").path("attached_pic").asInt(0) == 0) {
                video = stream;
            }
        }
        if (video == null) {
            throw new ProbeRejectedException(hasAudio ? "no video stream: the file is audio only" : "no video stream in the file");
        }
        if (STILL_IMAGE_FORMATS.contains(formatName)) {
            throw new ProbeRejectedException("not a video: a still image (" + formatName + ")");
        }
        String codec = video.path("codec_name").asString("unknown");
        if (!SUPPORTED_CODECS.contains(codec)) {
            throw new ProbeRejectedException("unsupported video codec '" + codec + "'");
        }
        int width = video.path("width").asInt(0);
        int height = video.path("height").asInt(0);
        if (width < MIN_DIMENSION_PX || height < MIN_DIMENSION_PX || width > MAX_DIMENSION_PX || height > MAX_DIMENSION_PX) {
            throw new ProbeRejectedException(String.format(Locale.ROOT,
                    "absurd dimensions %dx%d: width and height must be %d–%d px", width, height, MIN_DIMENSION_PX, MAX_DIMENSION_PX));
        }
        double seconds = parseSeconds(format.path("duration").asString(""));
        if (Double.isNaN(seconds)) seconds = parseSeconds(video.path("duration").asString(""));
        if (Double.isNaN(seconds)) throw new ProbeRejectedException("unknown duration: the container does not say how long it is");
        Duration duration = Duration.ofNanos((long) (seconds * 1e9));
        if (duration.compareTo(MIN_DURATION) < 0 || duration.compareTo(MAX_DURATION) > 0) {
            throw new ProbeRejectedException(String.format(Locale.ROOT,
                    "absurd duration %.1f s: must be %d s to %d h", seconds, MIN_DURATION.toSeconds(), MAX_DURATION.toHours()));
        }
        double fps = parseRate(video.path("r_frame_rate").asString(""));
        if (!(fps > 0) || fps > 240) fps = parseRate(video.path("avg_frame_rate").asString(""));
        if (!(fps > 0) || fps > 240) throw new ProbeRejectedException("unknown or absurd frame rate");

        long frames = decodeAll(file, seconds, progress);
        return new MediaProbe(formatName, codec, width, height, fps, duration, hasAudio, frames);
    }

    private long decodeAll(Path file, double seconds, DoubleConsumer progress)
            throws ProbeRejectedException, IOException, InterruptedException {
        long[] frames = {0};
        double[] decodedSeconds = {0};
        FfmpegRunner.Result result;
        try {
            result = runner.ffmpeg(List.of("-v", "error", "-i", file.toString(), "-map", "0:v:0", "-f", "null", "-"), p -> {
                frames[0] = p.frame();
                decodedSeconds[0] = p.outTime().toNanos() / 1e9;
                progress.accept(Math.min(1, decodedSeconds[0] / seconds));
            });
        } catch (FfmpegException e) {
            throw new ProbeRejectedException("corrupt video: decoding failed (" + e.getMessage() + ")");
        }
        // Decoders report broken data on stderr but may still exit 0.
        boolean errors = result.stderr().stream().anyMatch(l -> !l.isBlank());
        double share = decodedSeconds[0] / seconds;
        if (frames[0] == 0 || share < MIN_DECODED_SHARE) {
            throw new ProbeRejectedException(String.format(Locale.ROOT,
                    "truncated or corrupt: only %.1f s of %.1f s could be decoded%s", decodedSeconds[0], seconds,
                    errors ? " (" + FfmpegRunner.lastLines(result.stderr(), 1) + ")" : ""));
        }
        return frames[0];
    }

    static double parseSeconds(String value) {
        try {
            double v = Double.parseDouble(value);
            return Double.isFinite(v) ? v : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    static double parseRate(String value) {
        int slash = value.indexOf('/');
        try {
            if (slash < 0) return Double.parseDouble(value);
            double num = Double.parseDouble(value.substring(0, slash));
            double den = Double.parseDouble(value.substring(slash + 1));
            return den == 0 ? Double.NaN : num / den;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
