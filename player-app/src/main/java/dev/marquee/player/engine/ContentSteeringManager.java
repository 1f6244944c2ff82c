package dev.marquee.player.engine;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Keeps the ranked edge base URLs the {@link NetworkingEngine} fetches from, re-asks the steering service for
 * them after their TTL, and moves an edge that just failed to the back of the list for a while. It does not
 * fetch anything itself: the networking engine hands it a {@link SteeringSource}. Used from the streaming
 * engine's thread only (synchronized so that stats readers see a consistent list).
 */
public final class ContentSteeringManager {

    /** Answers a steering request: the ranked base URLs (best first) and how long they are good for. */
    public record Steering(List<String> baseUrls, Duration ttl) {
        public Steering {
            baseUrls = List.copyOf(baseUrls);
            if (baseUrls.isEmpty()) {
                throw new IllegalArgumentException("steering must name at least one base URL");
            }
            Objects.requireNonNull(ttl, "ttl");
        }
    }

    /** Where fresh steering comes from (an HTTP request in production). */
    @FunctionalInterface
    public interface SteeringSource {
        Steering fetch() throws Exception;
    }

    /** A failed edge stays at the back this long: about the time an edge needs to be marked down by steering. */
    public static final Duration FAILED_EDGE_PENALTY = Duration.ofSeconds(30);

    private final InstantSource clock;
    private final SteeringSource source;
    private List<String> ranked;
    private Instant validUntil;
    private final Map<String, Instant> failedUntil = new HashMap<>();
    private int refreshes;

    /** @param initial the ranking the playback session started with (e.g. from the backend's play answer) */
    public ContentSteeringManager(Steering initial, SteeringSource source, InstantSource clock) {
        this.clock = clock;
        this.source = source;
        this.ranked = initial.baseUrls();
        this.validUntil = clock.instant().plus(initial.ttl());
    }

    /** The base URLs to try, best first: re-asks steering if the TTL ran out (keeps the old list if that fails). */
    public synchronized List<String> rankedBaseUrls() {
        Instant now = clock.instant();
        if (!now.isBefore(validUntil)) {
            try {
                Steering fresh = source.fetch();
                ranked = fresh.baseUrls();
                validUntil = now.plus(fresh.ttl());
                refreshes++;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                validUntil = now.plus(FAILED_EDGE_PENALTY); // try again later, keep serving from what we have
            }
        }
        List<String> healthy = new ArrayList<>();
        List<String> penalised = new ArrayList<>();
        for (String url : ranked) {
            Instant until = failedUntil.get(url);
            (until != null && now.isBefore(until) ? penalised : healthy).add(url);
        }
        healthy.addAll(penalised);
        return healthy;
    }

    /** Reports that an edge failed or stalled: it goes to the back of the ranking for {@link #FAILED_EDGE_PENALTY}. */
    public synchronized void edgeFailed(String baseUrl) {
        failedUntil.put(baseUrl, clock.instant().plus(FAILED_EDGE_PENALTY));
    }

    /** How many times steering was re-fetched after its TTL. */
    public synchronized int refreshes() {
        return refreshes;
    }
}
