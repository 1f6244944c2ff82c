package dev.marquee.backend.encoding.internal;

import dev.marquee.backend.encoding.internal.media.FfmpegRunner;
import dev.marquee.backend.origin.Origin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * At start-up: recovers the jobs a previous run left unfinished, then, on a first start (no job ever, no title in
 * the origin) with {@code marquee.encoding.sample-catalog.enabled}, generates the sample masters one by one in the
 * background and queues each for encoding as soon as it exists. Progress goes to the log.
 */
@Component
class SampleCatalog {
    private static final Logger log = LoggerFactory.getLogger(SampleCatalog.class);

    private final EncodingJobService jobs;
    private final EncodingProperties properties;
    private final FfmpegRunner runner;
    private final Origin origin;

    SampleCatalog(EncodingJobService jobs, EncodingProperties properties, FfmpegRunner runner, Origin origin) {
        this.jobs = jobs;
        this.properties = properties;
        this.runner = runner;
        this.origin = origin;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() throws IOException {
        jobs.recover();
        if (!properties.sampleCatalog().enabled()) return;
        if (jobs.jobCount() > 0 || !origin.titles().isEmpty()) return;
        List<SampleTitles.Sample> samples = new ArrayList<>(SampleTitles.STANDARD);
        if (properties.sampleCatalog().large()) samples.add(SampleTitles.LARGE);
        log.info("Sample catalog: first start, generating {} titles in the background (masters in {})",
                samples.size(), properties.sampleCatalog().directory());
        Thread.ofPlatform().name("sample-catalog").daemon(true).start(() -> generate(samples));
    }

    private void generate(List<SampleTitles.Sample> samples) {
        long started = System.nanoTime();
        try {
            Files.createDirectories(properties.sampleCatalog().directory());
            for (int i = 0; i < samples.size(); i++) {
                SampleTitles.Sample sample = samples.get(i);
                Path master = properties.sampleCatalog().directory().resolve(sample.slug() + ".mp4");
                log.info("Sample catalog: generating master {}/{} '{}' ({}x{})", i + 1, samples.size(),
                        sample.metadata().title(), sample.width(), sample.height());
                generateMaster(sample, master);
                jobs.submitSample(master, sample.metadata());
            }
            log.info("Sample catalog: {} masters generated in {} s; encoding continues in the job queue",
                    samples.size(), (System.nanoTime() - started) / 1_000_000_000L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            log.warn("Sample catalog: generation stopped: {}", e.getMessage());
        }
    }

    void generateMaster(SampleTitles.Sample sample, Path master) throws IOException, InterruptedException {
        SampleTitles.generateMaster(runner, sample, master, properties.threads());
    }
}
