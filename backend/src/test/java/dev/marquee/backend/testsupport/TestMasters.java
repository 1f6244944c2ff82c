package dev.marquee.backend.testsupport;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Tiny masters made by ffmpeg for tests: a few seconds at 320×180, encoded fast. */
public final class TestMasters {
    private TestMasters() {}

    public static final int WIDTH = 320;
    public static final int HEIGHT = 180;
    public static final int FPS = 25;
    /** Process timeout for generating one master: generous for a loaded CI machine. */
    static final long TIMEOUT_SECONDS = 60;

    /** A flat, slowly changing picture: very easy to encode. */
    public static String flat(int w, int h) {
        return "color=c=0x3060a0:s=" + w + "x" + h + ":r=" + FPS + ",drawtext=fontfile=/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf:text=%{n}:x=20:y=20:fontsize=24:fontcolor=white";
    }

    /** Heavy temporal noise over a moving test pattern: very hard to encode. */
    public static String noisy(int w, int h) {
        return "testsrc2=s=" + w + "x" + h + ":r=" + FPS + ",noise=alls=30:allf=t+u";
    }

    public static Path make(Path out, String videoGraph, double seconds, boolean withAudio, String... extra)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-y", "-v", "error", "-nostdin",
                "-f", "lavfi", "-i", videoGraph + ",format=yuv420p"));
        if (withAudio) cmd.addAll(List.of("-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000"));
        cmd.addAll(List.of("-t", Double.toString(seconds), "-c:v", "libx264", "-preset", "ultrafast", "-crf", "14"));
        if (withAudio) cmd.addAll(List.of("-c:a", "aac", "-b:a", "96k"));
        cmd.addAll(List.of(extra));
        cmd.add(out.toString());
        run(cmd);
        return out;
    }

    public static List<String> run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output;
        try {
            output = p.getInputStream().readAllBytes();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) throw new IOException("timed out: " + command);
        } finally {
            p.destroyForcibly();
        }
        if (p.exitValue() != 0) throw new IOException("failed (" + p.exitValue() + "): " + command + "\n" + new String(output));
        return new String(output).lines().toList();
    }

    /** Frames a full decode of the first video stream yields. */
    public static long countFrames(Path file) throws IOException, InterruptedException {
        var lines = run(List.of("ffprobe", "-v", "error", "-count_frames", "-select_streams", "v:0",
                "-show_entries", "stream=nb_read_frames", "-of", "csv=p=0", file.toString()));
        return Long.parseLong(lines.getLast().strip().replace(",", ""));
    }
}
