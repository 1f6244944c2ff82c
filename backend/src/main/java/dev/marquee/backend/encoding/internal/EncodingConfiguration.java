package dev.marquee.backend.encoding.internal;

import dev.marquee.backend.encoding.internal.media.ArtworkGenerator;
import dev.marquee.backend.encoding.internal.media.FfmpegRunner;
import dev.marquee.backend.encoding.internal.media.HlsPackager;
import dev.marquee.backend.encoding.internal.media.Prober;
import dev.marquee.backend.encoding.internal.media.QualityMeter;
import dev.marquee.backend.encoding.internal.media.X264Encoder;
import dev.marquee.backend.license.ContentKeys;
import dev.marquee.backend.origin.Origin;
import java.security.SecureRandom;
import java.time.InstantSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Wires the encoder: ffmpeg tools, pipeline and the job service. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EncodingProperties.class)
class EncodingConfiguration {

    @Bean(destroyMethod = "close")
    FfmpegRunner ffmpegRunner(EncodingProperties properties) {
        return new FfmpegRunner(properties.ffmpeg(), properties.ffprobe(), properties.stallTimeout());
    }

    @Bean(destroyMethod = "close")
    EncodingJobService encodingJobService(EncodingProperties properties, FfmpegRunner runner, JobRepository repository,
            Origin origin, ContentKeys keys, ApplicationEventPublisher events, PlatformTransactionManager transactions,
            JsonMapper json, Environment environment) {
        int threads = Math.max(1, properties.threads());
        X264Encoder encoder = new X264Encoder(runner, threads);
        QualityMeter meter = new QualityMeter(runner, threads);
        InstantSource clock = InstantSource.system();
        var pipeline = new EncodingPipeline(new EncodingPipeline.Dependencies(properties, new Prober(runner, json),
                new ComplexityAnalyser(encoder, meter), encoder, meter, new HlsPackager(runner, new SecureRandom()),
                new ArtworkGenerator(runner), origin, keys, repository, json,
                () -> keyUriBase(properties, environment), clock));
        return new EncodingJobService(pipeline, repository, properties, runner, origin, keys, events,
                new TransactionTemplate(transactions), json, clock);
    }

    /** The configured base, or this backend's own loopback address once its port is known. */
    static String keyUriBase(EncodingProperties properties, Environment environment) {
        if (properties.keyUriBase() != null && !properties.keyUriBase().isBlank()) {
            return properties.keyUriBase().replaceAll("/+$", "");
        }
        return "http://127.0.0.1:" + environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
    }
}
