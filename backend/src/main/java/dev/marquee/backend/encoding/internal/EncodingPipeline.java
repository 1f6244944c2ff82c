package dev.marquee.backend.encoding.internal;

import dev.marquee.backend.encoding.EncodingCompleted;
import dev.marquee.backend.encoding.JobState;
import dev.marquee.backend.encoding.RungReport;
import dev.marquee.backend.encoding.internal.ComplexityAnalyser.Analysis;
import dev.marquee.backend.encoding.internal.ladder.LadderPlanner;
import dev.marquee.backend.encoding.internal.ladder.PlannedRung;
import dev.marquee.backend.encoding.internal.media.ArtworkGenerator;
import dev.marquee.backend.encoding.internal.media.HlsPackager;
import dev.marquee.backend.encoding.internal.media.MediaProbe;
import dev.marquee.backend.encoding.internal.media.ProbeRejectedException;
import dev.marquee.backend.encoding.internal.media.Prober;
import dev.marquee.backend.encoding.internal.media.QualityMeter;
import dev.marquee.backend.encoding.internal.media.QualityScore;
import dev.marquee.backend.encoding.internal.media.X264Encoder;
import dev.marquee.backend.license.ContentKeys;
import dev.marquee.backend.origin.Origin;
import dev.marquee.backend.origin.TitleStaging;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs one job through its stages: probe, complexity analysis, encoding with the quality gate, packaging into a
 * staged title, atomic publish. Each finished stage's result is stored with the job, and a resumed job skips the
 * stages whose results it has. Nothing reaches the origin's {@code titles/} before the whole title is verified.
 */
final class EncodingPipeline {
    private static final Logger log = LoggerFactory.getLogger(EncodingPipeline.class);
    /** The planner predicts from a short excerpt; a whole title may be this much harder before a rung fails. */
    static final double GATE_TOLERANCE_SSIM_DB = 2.0;
    /** A failed rung is encoded once more this many CRF steps better (≈ twice the bits in x264)… */
    static final double REENCODE_CRF_STEP = 6;
    /** …with its bitrate cap raised by this factor, since hard scenes the excerpt missed are usually cap-limited. */
    static final double REENCODE_RATE_FACTOR = 2.5;
    static final String QUALITY_METRIC = "SSIM";

    record Dependencies(EncodingProperties properties, Prober prober, ComplexityAnalyser analyser, X264Encoder encoder,
            QualityMeter meter, HlsPackager packager, ArtworkGenerator artwork, Origin origin, ContentKeys keys,
            JobRepository repository, JsonMapper json, Supplier<String> keyUriBase, java.time.InstantSource clock) {}

    /** A rung that passed the gate, not yet packaged. */
    record EncodedRung(PlannedRung plan, Path file, RungReport report) {}

    private final Dependencies d;

    EncodingPipeline(Dependencies dependencies) {
        this.d = dependencies;
    }

    /** Runs the job to the point where the title is in the origin and returns the event to publish. */
    EncodingCompleted run(JobRecord job, JobProgress progress) throws ProbeRejectedException, IOException, InterruptedException {
        Path source = Path.of(job.sourcePath());
        Path work = d.properties().workDirectory().resolve(job.id().toString());
        EncodingProperties.Profile profile = d.properties().profile(job.profile());
        var metadata = d.json().readValue(job.metadataJson(), EncodingCompleted.TitleMetadata.class);
        deleteTree(work);
        Files.createDirectories(work);
        try {
            MediaProbe probe;
            if (job.probeJson() != null) {
                probe = d.json().readValue(job.probeJson(), MediaProbe.class);
            } else {
                progress.stage(JobState.PROBING, "probing " + source.getFileName());
                if (!Files.isReadable(source)) throw new ProbeRejectedException("source file is missing or unreadable: " + source);
                probe = d.prober().probe(source, f -> progress.within(f, "checking every frame decodes"));
                d.repository().saveProbe(job.id(), d.json().writeValueAsString(probe));
            }

            Analysis analysis;
            if (job.ladderJson() != null) {
                analysis = d.json().readValue(job.ladderJson(), Analysis.class);
            } else {
                progress.stage(JobState.ANALYSING, "trial encodes of a " + profile.analysisExcerpt().toSeconds() + " s excerpt");
                analysis = d.analyser().analyse(source, probe, profile, work.resolve("analysis"),
                        f -> progress.within(f, "trial encodes"));
                d.repository().saveLadder(job.id(), d.json().writeValueAsString(analysis));
                log.info("Encoding job {}: ladder for '{}': {}", job.id(), job.title(), describe(analysis.ladder()));
            }

            progress.stage(JobState.ENCODING, "encoding " + analysis.ladder().size() + " rungs");
            List<EncodedRung> rungs = encodeAndGate(source, probe, analysis.ladder(), profile, work, progress);
            d.repository().saveReport(job.id(), d.json().writeValueAsString(rungs.stream().map(EncodedRung::report).toList()));
            List<EncodedRung> passed = rungs.stream().filter(r -> !r.report().outcome().equals(RungReport.DROPPED)).toList();
            if (passed.isEmpty()) {
                throw new IOException("no rung passed the quality gate: " + rungs.stream().map(r -> String.format(java.util.Locale.ROOT,
                        "%dp SSIM %.4f < target %.4f", r.report().height(), r.report().ssim(), r.report().targetSsim())).toList());
            }

            progress.stage(JobState.PACKAGING, "segmenting and encrypting " + passed.size() + " rungs");
            String keyUri = d.keyUriBase().get() + ContentKeys.deliveryPath(job.titleId());
            List<EncodingCompleted.Rendition> renditions = new ArrayList<>();
            List<EncodingCompleted.Artwork> artwork = new ArrayList<>();
            String prefix = Origin.titlePrefix(job.titleId());
            try (TitleStaging staging = d.origin().stageTitle(job.titleId())) {
                byte[] key = d.keys().keyFor(job.titleId());
                List<HlsPackager.Variant> variants = new ArrayList<>();
                try {
                    for (int i = 0; i < passed.size(); i++) {
                        EncodedRung rung = passed.get(i);
                        String name = rung.report().name();
                        var packaged = d.packager().packageRung(rung.file(), work.resolve("hls-" + name),
                                staging.directory().resolve(name), key, keyUri);
                        variants.add(new HlsPackager.Variant(name + "/" + HlsPackager.MEDIA_PLAYLIST, packaged.peakBitrateBps(),
                                packaged.averageBitrateBps(), rung.plan().width(), rung.plan().height(), packaged.videoCodecs(),
                                probe.frameRate()));
                        renditions.add(new EncodingCompleted.Rendition(rung.plan().width(), rung.plan().height(),
                                packaged.averageBitrateBps(), packaged.videoCodecs(), prefix + name + "/" + HlsPackager.MEDIA_PLAYLIST,
                                rung.report().ssim(), QUALITY_METRIC));
                        progress.within((i + 1.0) / (passed.size() + 1), "packaged " + name);
                    }
                } finally {
                    Arrays.fill(key, (byte) 0);
                }
                HlsPackager.writeMaster(staging.directory().resolve(HlsPackager.MASTER_PLAYLIST), variants);
                for (var image : d.artwork().generate(source, probe, metadata.title(), staging.directory().resolve("artwork"),
                        work.resolve("artwork"))) {
                    artwork.add(new EncodingCompleted.Artwork(image.kind(), image.variant(), prefix + "artwork/" + image.file(),
                            image.width(), image.height()));
                }

                progress.stage(JobState.PUBLISHING, "verifying checksums and publishing");
                if (d.origin().hasTitle(job.titleId())) {
                    // An earlier run of this job published before a restart cut it short; this run replaces it.
                    d.origin().deleteTitle(job.titleId());
                }
                int files = staging.publish();
                log.info("Encoding job {}: published '{}' ({} files) under {}", job.id(), job.title(), files, prefix);
            }
            return new EncodingCompleted(job.titleId(), metadata, probe.duration(), prefix + HlsPackager.MASTER_PLAYLIST,
                    List.copyOf(renditions), List.copyOf(artwork), d.clock().instant());
        } finally {
            deleteTree(work);
        }
    }

    private List<EncodedRung> encodeAndGate(Path source, MediaProbe probe, List<PlannedRung> ladder,
            EncodingProperties.Profile profile, Path work, JobProgress progress) throws IOException, InterruptedException {
        double totalWeight = ladder.stream().mapToDouble(r -> (double) r.width() * r.height()).sum();
        double doneWeight = 0;
        List<EncodedRung> results = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (PlannedRung plan : ladder) {
            double weight = plan.width() * (double) plan.height();
            double before = doneWeight;
            String label = plan.height() + "p";
            Path file = work.resolve("rung-" + plan.height() + "-" + plan.targetBitrateBps() + ".ts");
            // A rung that reaches the planner's top quality passes even if the prediction was higher still.
            double targetDb = Math.min(plan.predictedSsimDb() - GATE_TOLERANCE_SSIM_DB, LadderPlanner.TOP_QUALITY_SSIM_DB);

            d.encoder().rung(source, probe, plan.width(), plan.height(), plan.crf(), plan.targetBitrateBps(), profile.preset(), file,
                    f -> progress.within((before + 0.6 * f * weight) / totalWeight, "encoding " + label));
            QualityScore score = d.meter().measure(file, source, probe.width(), probe.height(), probe.durationSeconds(),
                    f -> progress.within((before + (0.6 + 0.4 * f) * weight) / totalWeight, "scoring " + label));
            String outcome = RungReport.PASSED;
            double crf = plan.crf();
            if (score.ssimDb() < targetDb) {
                log.info("Encoding: {} scored SSIM {} below its target {}: encoding it again at a higher bitrate",
                        label, score.ssim(), dbToSsim(targetDb));
                crf = Math.max(0, plan.crf() - REENCODE_CRF_STEP);
                d.encoder().rung(source, probe, plan.width(), plan.height(), crf,
                        Math.round(plan.targetBitrateBps() * REENCODE_RATE_FACTOR), profile.preset(), file,
                        f -> progress.within(before / totalWeight, "re-encoding " + label));
                score = d.meter().measure(file, source, probe.width(), probe.height(), probe.durationSeconds(), f -> { });
                outcome = score.ssimDb() >= targetDb ? RungReport.PASSED_AFTER_REENCODE : RungReport.DROPPED;
            }
            long bitrate = Math.round(Files.size(file) * 8 / probe.durationSeconds());
            String name = plan.name(bitrate);
            while (!names.add(name)) name = name + "b";
            results.add(new EncodedRung(plan, file, new RungReport(name, plan.width(), plan.height(), bitrate, crf,
                    score.ssim(), score.psnrDb(), dbToSsim(targetDb), QUALITY_METRIC, outcome)));
            if (outcome.equals(RungReport.DROPPED)) Files.deleteIfExists(file);
            doneWeight += weight;
            progress.within(doneWeight / totalWeight, label + " " + outcome.toLowerCase(java.util.Locale.ROOT));
        }
        return results;
    }

    static double dbToSsim(double ssimDb) {
        return 1 - Math.pow(10, -ssimDb / 10);
    }

    static String describe(List<PlannedRung> ladder) {
        return ladder.stream()
                .map(r -> String.format(java.util.Locale.ROOT, "%dp@%dk(crf %.1f)", r.height(), r.targetBitrateBps() / 1000, r.crf()))
                .toList().toString();
    }

    static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path)) return;
        try (var walk = Files.walk(path)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
