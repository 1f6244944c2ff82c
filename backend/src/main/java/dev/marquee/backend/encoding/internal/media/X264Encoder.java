package dev.marquee.backend.encoding.internal.media;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleConsumer;

/**
 * Encodes video with libx264 for HLS: closed GOPs of exactly one segment ({@link #SEGMENT_SECONDS}), a key frame
 * forced at every segment boundary and no scene-cut key frames, so any rung can follow any other at a segment
 * boundary. Every output has AAC-LC stereo audio: the master's, re-encoded, or silence if it has none.
 */
public final class X264Encoder {
    /** HLS segment duration; also the GOP length, so every segment starts with an IDR frame. */
    public static final int SEGMENT_SECONDS = 4;
    public static final int AUDIO_BITRATE_BPS = 128_000;
    public static final int AUDIO_SAMPLE_RATE_HZ = 48_000;
    /** Peak allowance over the target average for capped CRF: lets hard scenes spend more, bounds the buffer. */
    static final double MAXRATE_FACTOR = 1.5;
    /** VBV buffer of two seconds at the target rate: smooth enough for a 4 s segment, loose enough for quality. */
    static final double BUFSIZE_FACTOR = 2.0;

    private final FfmpegRunner runner;
    private final int threads;

    public X264Encoder(FfmpegRunner runner, int threads) {
        this.runner = runner;
        this.threads = threads;
    }

    /** Excerpts are taken in this many chunks spread over the title, so one easy or hard scene does not decide alone. */
    public static final int EXCERPT_CHUNKS = 3;

    /**
     * Copies {@code seconds} of the master's video losslessly (x264 qp 0) for trial encodes: {@link #EXCERPT_CHUNKS}
     * equal chunks centred at 1/6, 1/2 and 5/6 of the duration, joined.
     */
    public void extractExcerpt(Path master, double durationSeconds, double seconds, Path out) throws IOException, InterruptedException {
        double chunk = seconds / EXCERPT_CHUNKS;
        StringBuilder select = new StringBuilder();
        for (int i = 0; i < EXCERPT_CHUNKS; i++) {
            double centre = durationSeconds * (2 * i + 1) / (2.0 * EXCERPT_CHUNKS);
            double start = Math.clamp(centre - chunk / 2, 0, Math.max(0, durationSeconds - chunk));
            if (i > 0) select.append('+');
            select.append("between(t,").append(fmt(start)).append(',').append(fmt(start + chunk)).append(')');
        }
        runner.ffmpeg(List.of("-y", "-v", "error", "-i", master.toString(), "-map", "0:v:0",
                "-vf", "select='" + select + "',setpts=N/FRAME_RATE/TB", "-fps_mode", "passthrough",
                "-c:v", "libx264", "-preset", "ultrafast", "-qp", "0", "-pix_fmt", "yuv420p",
                "-threads", Integer.toString(threads), "-an", out.toString()), null);
    }

    /** A video-only trial encode at {@code crf}, written as a raw H.264 stream so its size is the video's bits alone. */
    public void trial(Path source, int width, int height, double crf, String preset, double fps, Path out)
            throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("-y", "-v", "error", "-i", source.toString(),
                "-vf", scale(width, height), "-c:v", "libx264", "-preset", preset, "-crf", fmt(crf)));
        args.addAll(gop(fps));
        args.addAll(List.of("-threads", Integer.toString(threads), "-an", "-f", "h264", out.toString()));
        runner.ffmpeg(args, null);
    }

    /**
     * A video-only encode for benchmarks: capped CRF as {@link #rung} uses when {@code crf} is given, or the classic
     * fixed-ladder ABR at {@code bitrateBps} (same peak cap and buffer) when it is null.
     */
    public void videoOnly(Path source, int width, int height, @org.jspecify.annotations.Nullable Double crf, long bitrateBps,
            String preset, double fps, Path out) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("-y", "-v", "error", "-i", source.toString(),
                "-vf", scale(width, height) + ",format=yuv420p", "-c:v", "libx264", "-preset", preset, "-profile:v", "high"));
        if (crf != null) args.addAll(List.of("-crf", fmt(crf)));
        else args.addAll(List.of("-b:v", Long.toString(bitrateBps)));
        args.addAll(List.of("-maxrate", Long.toString(Math.round(bitrateBps * MAXRATE_FACTOR)),
                "-bufsize", Long.toString(Math.round(bitrateBps * BUFSIZE_FACTOR))));
        args.addAll(gop(fps));
        args.addAll(List.of("-threads", Integer.toString(threads), "-an", "-f", "h264", out.toString()));
        runner.ffmpeg(args, null);
    }

    /**
     * Encodes one rung of the ladder into an MPEG-TS file: capped CRF (quality-driven, peak bounded by
     * {@link #MAXRATE_FACTOR} × target) plus AAC audio.
     */
    public void rung(Path master, MediaProbe probe, int width, int height, double crf, long targetBitrateBps,
            String preset, Path out, DoubleConsumer progress) throws IOException, InterruptedException {
        String duration = fmt(probe.durationSeconds());
        List<String> args = new ArrayList<>(List.of("-y", "-v", "error", "-i", master.toString()));
        if (!probe.hasAudio()) {
            args.addAll(List.of("-f", "lavfi", "-t", duration, "-i",
                    "anullsrc=r=" + AUDIO_SAMPLE_RATE_HZ + ":cl=stereo"));
        }
        args.addAll(List.of("-map", "0:v:0", "-map", probe.hasAudio() ? "0:a:0" : "1:a:0",
                "-vf", scale(width, height) + ",format=yuv420p",
                "-c:v", "libx264", "-preset", preset, "-profile:v", "high", "-crf", fmt(crf),
                "-maxrate", Long.toString(Math.round(targetBitrateBps * MAXRATE_FACTOR)),
                "-bufsize", Long.toString(Math.round(targetBitrateBps * BUFSIZE_FACTOR))));
        args.addAll(gop(probe.frameRate()));
        // Every video frame of the master is kept; audio is padded or cut to the video's length.
        args.addAll(List.of("-fps_mode", "passthrough",
                "-af", "apad,atrim=0:" + duration + ",aresample=" + AUDIO_SAMPLE_RATE_HZ,
                "-c:a", "aac", "-b:a", Integer.toString(AUDIO_BITRATE_BPS), "-ac", "2",
                "-threads", Integer.toString(threads), "-f", "mpegts", out.toString()));
        double total = probe.durationSeconds();
        runner.ffmpeg(args, p -> progress.accept(Math.min(1, p.outTime().toNanos() / 1e9 / total)));
    }

    static List<String> gop(double fps) {
        String gopFrames = Long.toString(Math.max(1, Math.round(fps * SEGMENT_SECONDS)));
        return List.of("-g", gopFrames, "-keyint_min", gopFrames, "-sc_threshold", "0", "-flags", "+cgop",
                "-force_key_frames", "expr:gte(t,n_forced*" + SEGMENT_SECONDS + ")");
    }

    static String scale(int width, int height) {
        return "scale=" + width + ":" + height + ":flags=bicubic";
    }

    static String fmt(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
