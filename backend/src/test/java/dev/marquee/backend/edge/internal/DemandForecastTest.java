package dev.marquee.backend.edge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.backend.edge.TitleDemand;
import dev.marquee.backend.encoding.EncodingCompleted;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemandForecastTest {

    private static final Instant T0 = Instant.parse("2026-11-26T12:00:00Z");
    private static final UUID NEW_TITLE = UUID.fromString("00000000-0000-0000-0000-000000000001");

    @TempDir
    Path origin;
    private final AtomicReference<Instant> now = new AtomicReference<>(T0);
    private final InstantSource clock = now::get;

    private Map<String, Double> scores(DemandForecast f, String region) {
        return f.forecast(region, clock).stream().collect(Collectors.toMap(TitleDemand::titleId, TitleDemand::score));
    }

    @Test
    void ranksByDecayedPlaysAndImpressionsPerRegionAndBoostsNewReleases() throws Exception {
        for (String t : List.of("a", "b", "c", NEW_TITLE.toString())) {
            Files.createDirectories(origin.resolve("titles").resolve(t));
        }
        DemandForecast f = new DemandForecast(origin, clock);
        f.recordPlay("us-east-1", "a");
        f.recordPlay("us-east-1", "a");
        for (int i = 0; i < 15; i++) {
            f.recordImpression("us-east-1", "b"); // 15 impressions ≈ 1.5 plays
        }
        f.recordPlay("eu-west-1", "c");
        f.on(new EncodingCompleted(NEW_TITLE, new EncodingCompleted.TitleMetadata("New", "", List.of(), 2026, "PG", List.of()), Duration.ofMinutes(1), "k", List.of(), List.of(), T0));

        Map<String, Double> east = scores(f, "us-east-1");
        assertThat(east.get("a")).isGreaterThan(east.get("b"));
        assertThat(east.get("b")).isGreaterThan(east.get("c"));
        assertThat(east.get(NEW_TITLE.toString())).isEqualTo(DemandForecast.BASE_SCORE * DemandForecast.NEW_RELEASE_BOOST);
        assertThat(scores(f, "eu-west-1").get("c")).isGreaterThan(scores(f, "eu-west-1").get("a"));

        now.set(T0.plus(DemandForecast.HALF_LIFE));
        assertThat(scores(f, "us-east-1").get("a")).isCloseTo(DemandForecast.BASE_SCORE + 1.0,
                org.assertj.core.data.Offset.offset(1e-9));
        now.set(T0.plus(DemandForecast.NEW_RELEASE_PERIOD));
        assertThat(scores(f, "us-east-1").get(NEW_TITLE.toString())).isEqualTo(DemandForecast.BASE_SCORE);
    }

    @Test
    void measuresRequestsPerPlayFromTheEdgesCountsPerRegionDecayedAlike() throws Exception {
        Files.createDirectories(origin.resolve("titles").resolve("a"));
        DemandForecast f = new DemandForecast(origin, clock);
        f.recordRequests("us-east-1", Map.of("titles/a/1080p/seg-00001.ts", 30L, "titles/a/480p/seg-00001.ts", 10L));
        f.recordRequests("us-east-1", Map.of("titles/a/1080p/seg-00002.ts", 20L));
        f.recordRequests("eu-west-1", Map.of("titles/a/480p/seg-00001.ts", 50L));

        var east = f.outlook("us-east-1", clock);
        assertThat(east.titles()).extracting(TitleDemand::titleId).containsExactly("a");
        assertThat(east.shares().plays("a")).isEqualTo(40);
        assertThat(east.shares().perPlay("titles/a/1080p/seg-00001.ts")).isCloseTo(0.75, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(east.shares().perPlay("titles/a/1080p/seg-00002.ts")).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(f.outlook("eu-west-1", clock).shares().perPlay("titles/a/1080p/seg-00001.ts")).isZero();
        assertThat(f.outlook("ap-south-1", clock).shares().measured()).isFalse();

        now.set(T0.plus(DemandForecast.HALF_LIFE));
        f.recordRequests("us-east-1", Map.of("titles/a/480p/seg-00001.ts", 15L));
        // Yesterday's 30 at 1080p weigh 15 today, next to today's 15 + yesterday's 5 at 480p.
        assertThat(f.outlook("us-east-1", clock).shares().perPlay("titles/a/1080p/seg-00001.ts"))
                .isCloseTo(15.0 / 35, org.assertj.core.data.Offset.offset(1e-9));
    }
}
