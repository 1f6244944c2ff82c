package dev.marquee.backend.encoding.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Encoding settings ({@code marquee.encoding}).
 *
 * @param concurrency          jobs encoding at the same time; 1 keeps a 2-core machine responsive
 * @param threads              ffmpeg {@code -threads} per process
 * @param preset               libx264 preset of operator ingests
 * @param analysisExcerpt      length of the excerpt trial encodes run on
 * @param analysisResolutions  how many resolutions (highest first, capped at the master's) the analysis tries
 * @param keyUriBase           scheme://host:port for {@code EXT-X-KEY} URIs; blank = this backend's own port
 * @param allowedSourceRoots   server-side paths may only be ingested from under these directories
 * @param progressInterval     minimum time between progress events of one job while a stage runs
 * @param stallTimeout         an ffmpeg or ffprobe process that prints nothing this long is killed and its job fails
 */
@ConfigurationProperties("marquee.encoding")
public record EncodingProperties(
        String ffmpeg,
        String ffprobe,
        Path workDirectory,
        Path uploadDirectory,
        int concurrency,
        int threads,
        String preset,
        Duration analysisExcerpt,
        int analysisResolutions,
        String keyUriBase,
        List<Path> allowedSourceRoots,
        Duration progressInterval,
        Duration stallTimeout,
        SampleCatalog sampleCatalog) {

    /**
     * The sample catalog generated on first start.
     *
     * @param enabled    generate it when no title and no job exists yet
     * @param large      also generate a 1080p title (slow; opt-in)
     * @param directory  where the generated masters are kept
     * @param preset     libx264 preset for sample titles: faster than operator ingests so first start stays short
     * @param analysisExcerpt excerpt length of the sample's trial encodes
     * @param analysisResolutions resolutions the sample's analysis tries
     */
    public record SampleCatalog(boolean enabled, boolean large, Path directory, String preset,
            Duration analysisExcerpt, int analysisResolutions) {}

    /** Encoding choices of one job; {@code trialCrfs} are the CRFs of the analysis's trial encodes. */
    public record Profile(String name, String preset, Duration analysisExcerpt, int analysisResolutions, double[] trialCrfs) {}

    /** Trial CRFs from near-transparent to starved: wide enough for the hull to span a whole ladder. */
    static final double[] STANDARD_TRIAL_CRFS = {20, 27, 34, 41};
    /** Three points per resolution still bracket the hull; the sample catalog trades precision for first-start time. */
    static final double[] SAMPLE_TRIAL_CRFS = {22, 30, 38};

    public static final String STANDARD = "standard";
    public static final String SAMPLE = "sample";

    public Profile profile(String name) {
        return name.equals(SAMPLE)
                ? new Profile(SAMPLE, sampleCatalog.preset(), sampleCatalog.analysisExcerpt(), sampleCatalog.analysisResolutions(),
                        SAMPLE_TRIAL_CRFS)
                : new Profile(STANDARD, preset, analysisExcerpt, analysisResolutions, STANDARD_TRIAL_CRFS);
    }
}
