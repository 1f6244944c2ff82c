package dev.marquee.backend.encoding.internal;

import dev.marquee.backend.encoding.TitleMetadataInput;
import dev.marquee.backend.encoding.internal.media.FfmpegRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The sample catalog: synthetic masters of clearly different complexity (smooth gradients and cartoon-like
 * cells are easy; a fractal zoom and noisy motion are hard) with plausible metadata. Each master is made by ffmpeg
 * from lavfi sources; nothing is downloaded.
 */
final class SampleTitles {
    private SampleTitles() {}

    /** Seconds per sample title: the shortest the issue allows, to keep first start short. */
    static final int SECONDS = 30;

    /**
     * One sample title.
     *
     * @param video lavfi video graph producing {@code width}×{@code height} at 25 fps
     * @param audio lavfi audio source
     */
    record Sample(String slug, int width, int height, String video, String audio, TitleMetadataInput metadata) {}

    static final List<Sample> STANDARD = List.of(
            new Sample("still-waters", 1280, 720,
                    "gradients=s=640x360:r=25:c0=0x10306a:c1=0x3a8fd8:c2=0x9fd6f2:nb_colors=3:speed=0.008,scale=1280:720:flags=bicubic",
                    "sine=frequency=174:sample_rate=48000,volume=0.2",
                    meta("Still Waters", "A lake at dawn changes colour so slowly you could miss it. A meditation on light and patience.",
                            List.of("Documentary", "Nature"), 2019, "G", List.of("Maren Holt (narrator)"))),
            new Sample("cells-at-play", 854, 480,
                    "cellauto=s=214x120:rule=110:rate=25:random_fill_ratio=0.5,scale=854:480:flags=neighbor,"
                            + "colorchannelmixer=rr=0.2:gg=0.9:bb=0.4",
                    "sine=frequency=330:beep_factor=2:sample_rate=48000,volume=0.15",
                    meta("Cells at Play", "Tiny green blocks build towers, knock them down and build again. Counting with Rule 110.",
                            List.of("Kids", "Animation", "Education"), 2022, "TV-Y", List.of("Pip Arden", "Lou Okafor", "Dana Wei"))),
            new Sample("the-colony", 1280, 720,
                    "life=s=320x180:rate=25:mold=10:life_color=0xffcc33:death_color=0x402000:random_fill_ratio=0.3,"
                            + "scale=1280:720:flags=neighbor",
                    "anoisesrc=color=brown:amplitude=0.05:sample_rate=48000",
                    meta("The Colony", "A civilisation rises and falls on a grid in thirty seconds. Conway's rules, told like an epic.",
                            List.of("Family", "Animation", "Sci-Fi"), 2021, "TV-Y7", List.of("Ada Quinlan", "Tomas Reyes"))),
            new Sample("signal-test", 854, 480,
                    "testsrc2=s=854x480:r=25",
                    "sine=frequency=1000:sample_rate=48000,volume=0.1",
                    meta("Signal Test", "A broadcast engineer keeps one channel alive through the night, one test card at a time.",
                            List.of("Drama", "Comedy"), 2017, "TV-PG", List.of("Elena Marsh", "Kofi Bentley", "Ruth Ibsen"))),
            new Sample("bars-and-tone", 1280, 720,
                    "smptehdbars=s=1280x720:r=25[b];testsrc=s=240x136:r=25[m];[b][m]overlay=x='mod(t*120,1040)':y='100+80*sin(t)'",
                    "sine=frequency=440:sample_rate=48000,volume=0.15",
                    meta("Bars and Tone", "Behind the colour bars a small window wanders: someone is trying to get a message out.",
                            List.of("Thriller", "Mystery"), 2020, "PG-13", List.of("Nadia Ferro", "James Oduya"))),
            new Sample("infinite-descent", 640, 360,
                    "mandelbrot=s=320x180:rate=25:maxiter=128:end_pts=150,scale=640:360:flags=bicubic",
                    "sine=frequency=55:sample_rate=48000,volume=0.3",
                    meta("Infinite Descent", "A probe falls into the Mandelbrot set and never reaches the bottom.",
                            List.of("Sci-Fi", "Documentary"), 2023, "TV-14", List.of("Iris Calder", "Sven Achebe", "Mei Lund"))),
            new Sample("static-storm", 854, 480,
                    "testsrc2=s=854x480:r=25,noise=alls=20:allf=t+u,hue=H=2*PI*t/15",
                    "anoisesrc=color=pink:amplitude=0.08:sample_rate=48000",
                    meta("Static Storm", "A storm scrambles every signal in the city; two strangers navigate it by noise alone.",
                            List.of("Thriller", "Action"), 2024, "R", List.of("Cole Varga", "Imani Osei", "Petra Lindqvist"))));

    /** Opt-in ({@code marquee.encoding.sample-catalog.large}): a 1080p fractal zoom. */
    static final Sample LARGE = new Sample("deep-zoom-1080p", 1920, 1080,
            "mandelbrot=s=960x540:rate=25:maxiter=256:end_pts=300,scale=1920:1080:flags=bicubic",
            "sine=frequency=65:sample_rate=48000,volume=0.3",
            meta("Deep Zoom", "Ninety seconds into the seahorse valley of the Mandelbrot set, in full HD.",
                    List.of("Sci-Fi", "Documentary"), 2025, "TV-PG", List.of("Iris Calder")));

    /** Visually lossless for these sources while keeping the noisy master near 150 MB. */
    static final int MASTER_CRF = 16;

    /** Renders a sample's master: a near-lossless H.264 + AAC mezzanine file, written under a temporary name first. */
    static void generateMaster(FfmpegRunner runner, Sample sample, Path master, int threads) throws IOException, InterruptedException {
        int seconds = sample == LARGE ? 90 : SECONDS;
        Path partial = master.resolveSibling(master.getFileName() + ".part");
        runner.ffmpeg(List.of("-y", "-v", "error",
                "-f", "lavfi", "-i", sample.video() + ",format=yuv420p",
                "-f", "lavfi", "-i", sample.audio(),
                "-t", Integer.toString(seconds), "-map", "0:v", "-map", "1:a",
                "-c:v", "libx264", "-preset", "ultrafast", "-crf", Integer.toString(MASTER_CRF), "-threads", Integer.toString(threads),
                "-c:a", "aac", "-b:a", "192k", "-movflags", "+faststart", "-f", "mp4", partial.toString()), null);
        Files.move(partial, master, StandardCopyOption.REPLACE_EXISTING);
    }

    private static TitleMetadataInput meta(String title, String synopsis, List<String> genres, int year, String rating, List<String> cast) {
        return new TitleMetadataInput(title, synopsis, genres, year, rating, cast);
    }
}
