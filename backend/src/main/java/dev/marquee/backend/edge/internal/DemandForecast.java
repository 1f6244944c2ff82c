package dev.marquee.backend.edge.internal;

import dev.marquee.backend.edge.EdgeDemand;
import dev.marquee.backend.edge.TitleDemand;
import dev.marquee.backend.edge.fill.FillForecast;
import dev.marquee.backend.edge.fill.ObjectShares;
import dev.marquee.backend.encoding.EncodingCompleted;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.springframework.context.event.EventListener;

/**
 * The popularity forecast behind fill plans, per region: recent plays, plus a tenth as much for each home-row
 * impression, decayed with a one-day half-life; new releases (an {@link EncodingCompleted} in the last week)
 * boosted; every title at the origin gets a small base score, so capacity the forecast does not need is used
 * for the rest of the catalogue rather than left empty. Next to it, the requests the region's edges counted per
 * object, decayed alike, from which {@link ObjectShares} measures which rungs and segments each title's plays
 * request.
 */
public final class DemandForecast implements EdgeDemand {

    /** Yesterday's plays count half as much as today's. */
    static final Duration HALF_LIFE = Duration.ofDays(1);
    /** An impression is a weak signal: roughly one in ten home-row impressions turns into a play. */
    static final double IMPRESSION_WEIGHT = 0.1;
    /** New releases draw a crowd before any play has been recorded. */
    static final double NEW_RELEASE_BOOST = 3.0;
    static final Duration NEW_RELEASE_PERIOD = Duration.ofDays(7);
    /** Below any title that was played once this week, above nothing. */
    static final double BASE_SCORE = 0.001;

    private final Path originRoot;
    private final InstantSource clock;
    /** Decayed request counts below this are dropped: a request a week ago weighs 1/128 of one today. */
    static final double FORGOTTEN_REQUESTS = 1.0 / 128;

    private final Map<String, Map<String, Decaying>> byRegion = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Decaying>> requestsByRegion = new ConcurrentHashMap<>();
    private final Map<String, Instant> releasedAt = new ConcurrentHashMap<>();

    public DemandForecast(Path originRoot, InstantSource clock) {
        this.originRoot = originRoot;
        this.clock = clock;
    }

    /** An exponentially decaying count. */
    private static final class Decaying {
        private double value;
        private Instant at;

        Decaying(Instant at) { this.at = at; }

        synchronized void add(double amount, Instant now) {
            value = valueAt(now) + amount;
            at = now;
        }

        synchronized double valueAt(Instant now) {
            double halfLives = (double) Duration.between(at, now).toMillis() / HALF_LIFE.toMillis();
            return value * Math.pow(0.5, Math.max(0, halfLives));
        }
    }

    @Override
    public void recordPlay(String region, String titleId) {
        add(region, titleId, 1.0);
    }

    @Override
    public void recordImpression(String region, String titleId) {
        add(region, titleId, IMPRESSION_WEIGHT);
    }

    private void add(String region, String titleId, double amount) {
        Instant now = clock.instant();
        byRegion.computeIfAbsent(region, r -> new ConcurrentHashMap<>())
                .computeIfAbsent(titleId, t -> new Decaying(now)).add(amount, now);
    }

    /** Adds requests an edge node of {@code region} counted (object key → requests) since it last reported. */
    public void recordRequests(String region, Map<String, Long> requestsByKey) {
        Instant now = clock.instant();
        Map<String, Decaying> counts = requestsByRegion.computeIfAbsent(region, r -> new ConcurrentHashMap<>());
        requestsByKey.forEach((key, n) -> {
            if (n > 0) {
                counts.computeIfAbsent(key, k -> new Decaying(now)).add(n, now);
            }
        });
    }

    /** Plays per title and the measured requests per object per play, for {@code region} now. */
    public FillForecast outlook(String region, InstantSource at) {
        Instant now = at.instant();
        Map<String, Decaying> counts = requestsByRegion.getOrDefault(region, Map.of());
        Map<String, Double> decayed = new HashMap<>();
        counts.entrySet().removeIf(e -> {
            double v = e.getValue().valueAt(now);
            if (v < FORGOTTEN_REQUESTS) {
                return true;
            }
            decayed.put(e.getKey(), v);
            return false;
        });
        return new FillForecast(forecast(region, at), ObjectShares.fromRequests(decayed));
    }

    @EventListener
    void on(EncodingCompleted event) {
        releasedAt.put(event.titleId().toString(), event.completedAt());
    }

    /** Demand per title in {@code region} now, for every title at the origin. */
    public List<TitleDemand> forecast(String region, InstantSource at) {
        Instant now = at.instant();
        Map<String, Decaying> counts = byRegion.getOrDefault(region, Map.of());
        List<TitleDemand> demand = new ArrayList<>();
        for (String title : originTitles()) {
            Decaying d = counts.get(title);
            double score = BASE_SCORE + (d == null ? 0 : d.valueAt(now));
            Instant released = releasedAt.get(title);
            if (released != null && Duration.between(released, now).compareTo(NEW_RELEASE_PERIOD) < 0) {
                score *= NEW_RELEASE_BOOST;
            }
            demand.add(new TitleDemand(title, score));
        }
        return demand;
    }

    private List<String> originTitles() {
        Path titles = originRoot.resolve("titles");
        if (!Files.isDirectory(titles)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(titles)) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
