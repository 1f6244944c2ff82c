package dev.marquee.backend.encoding.internal.media;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Makes artwork for a title from its master: frames grabbed at different moments, cropped to a poster (2:3) or a
 * backdrop (16:9), given a colour treatment per variant and a dark gradient band; posters get the title in
 * DejaVu Sans Bold when that font is installed (text is skipped otherwise). Several variants per kind so that
 * artwork can be personalised later.
 */
public final class ArtworkGenerator {
    public static final int POSTER_WIDTH = 400;
    public static final int POSTER_HEIGHT = 600;
    public static final int BACKDROP_WIDTH = 1280;
    public static final int BACKDROP_HEIGHT = 720;
    public static final int VARIANTS_PER_KIND = 3;
    /** Moments to grab, as shares of the duration: away from the very start and end, which are often dull. */
    static final double[] GRAB_AT = {0.2, 0.5, 0.8};
    /** Per-variant colour treatments: warm, cool, high contrast. */
    static final String[] TREATMENTS = {
            "eq=saturation=1.3:contrast=1.1,colorbalance=rs=0.08:bs=-0.06",
            "eq=saturation=1.1:brightness=0.02,colorbalance=rs=-0.06:bs=0.1",
            "eq=saturation=1.5:contrast=1.3:gamma=0.9"};
    static final Path FONT = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf");

    /** An image written by the generator; {@code file} is relative to the output directory. */
    public record Image(String kind, int variant, String file, int width, int height) {}

    private final FfmpegRunner runner;

    public ArtworkGenerator(FfmpegRunner runner) {
        this.runner = runner;
    }

    public List<Image> generate(Path master, MediaProbe probe, String title, Path outDirectory, Path scratch)
            throws IOException, InterruptedException {
        Files.createDirectories(outDirectory);
        Files.createDirectories(scratch);
        Path titleFile = scratch.resolve("artwork-title.txt");
        Files.writeString(titleFile, title, StandardCharsets.UTF_8);
        boolean text = Files.isReadable(FONT);
        List<Image> images = new ArrayList<>();
        for (int v = 1; v <= VARIANTS_PER_KIND; v++) {
            double at = probe.durationSeconds() * GRAB_AT[(v - 1) % GRAB_AT.length];
            String treatment = TREATMENTS[(v - 1) % TREATMENTS.length];
            String poster = "poster-" + v + ".jpg";
            grab(master, at, fill(POSTER_WIDTH, POSTER_HEIGHT) + "," + treatment + "," + band(POSTER_HEIGHT)
                    + (text ? "," + title(titleFile, posterFontSize(title), POSTER_HEIGHT) : ""), outDirectory.resolve(poster));
            images.add(new Image("poster", v, poster, POSTER_WIDTH, POSTER_HEIGHT));
            String backdrop = "backdrop-" + v + ".jpg";
            double backdropAt = probe.durationSeconds() * GRAB_AT[v % GRAB_AT.length];
            grab(master, backdropAt, fill(BACKDROP_WIDTH, BACKDROP_HEIGHT) + "," + treatment + "," + band(BACKDROP_HEIGHT),
                    outDirectory.resolve(backdrop));
            images.add(new Image("backdrop", v, backdrop, BACKDROP_WIDTH, BACKDROP_HEIGHT));
        }
        return images;
    }

    /** Large for short titles, smaller for long ones so the title fits the poster's width on one line. */
    static int posterFontSize(String title) {
        return Math.clamp(Math.round(POSTER_WIDTH * TITLE_WIDTH_SHARE / (Math.max(1, title.length()) * GLYPH_WIDTH_EM)), 14, 40);
    }

    /** Share of the poster's width the title may take; average DejaVu Sans Bold glyph width in em. */
    static final double TITLE_WIDTH_SHARE = 0.9;
    static final double GLYPH_WIDTH_EM = 0.65;

    private void grab(Path master, double atSeconds, String filter, Path out) throws IOException, InterruptedException {
        runner.ffmpeg(List.of("-y", "-v", "error", "-ss", String.format(Locale.ROOT, "%.3f", atSeconds), "-i", master.toString(),
                "-frames:v", "1", "-vf", filter, "-q:v", "3", out.toString()), null);
    }

    /** Scales to cover the box, then crops the centre. */
    private static String fill(int width, int height) {
        return String.format(Locale.ROOT, "scale=%d:%d:force_original_aspect_ratio=increase:flags=bicubic,crop=%d:%d,setsar=1",
                width, height, width, height);
    }

    /** A dark band over the bottom third, in three steps of opacity (a cheap gradient). */
    private static String band(int height) {
        int third = height / 3;
        return String.format(Locale.ROOT,
                "drawbox=y=%d:w=iw:h=%d:color=black@0.25:t=fill,drawbox=y=%d:w=iw:h=%d:color=black@0.3:t=fill,"
                        + "drawbox=y=%d:w=iw:h=%d:color=black@0.35:t=fill",
                height - third, third, height - 2 * third / 3, 2 * third / 3, height - third / 3, third / 3);
    }

    private static String title(Path titleFile, int fontSize, int height) {
        return String.format(Locale.ROOT,
                "drawtext=fontfile=%s:textfile=%s:fontsize=%d:fontcolor=white:x=(w-text_w)/2:y=%d:shadowx=2:shadowy=2",
                FONT, titleFile.toString().replace(":", "\\:"), fontSize, height - height / 6);
    }
}
