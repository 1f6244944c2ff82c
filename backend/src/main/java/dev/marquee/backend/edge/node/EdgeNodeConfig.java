package dev.marquee.backend.edge.node;

import dev.marquee.backend.edge.EdgeTier;
import dev.marquee.backend.edge.EdgeUrlSigner;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Everything one node needs to run: who it is, where it listens, where it stores, where it fills from.
 * An origin-tier node serves {@code directory} as is and has no capacity; a cache node stores under
 * {@code directory} up to {@code capacityBytes} and fills misses from {@code parents}, then {@code origin}.
 *
 * @param port        loopback port, 0 for any free one
 * @param ioThreads   event-loop threads serving requests (0: one per core)
 * @param signer      verifies client URLs and signs fill requests; null turns checking off (benchmarks of the
 *                    unsigned case only — production configs always carry a key)
 * @param fillTimeout how long one upstream fill attempt may take before the next parent is tried
 */
public record EdgeNodeConfig(
        String id,
        EdgeTier tier,
        String region,
        String host,
        int port,
        Path directory,
        long capacityBytes,
        List<URI> parents,
        @Nullable URI origin,
        @Nullable EdgeUrlSigner signer,
        int ioThreads,
        Duration fillTimeout) {

    /** A fill of a few MB on loopback takes milliseconds; 10 s leaves room for a slow parent without hanging. */
    public static final Duration DEFAULT_FILL_TIMEOUT = Duration.ofSeconds(10);

    public EdgeNodeConfig {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(directory, "directory");
        parents = List.copyOf(parents);
        if (!id.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new IllegalArgumentException("node id must match [A-Za-z0-9._-]{1,64}: " + id);
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (tier != EdgeTier.ORIGIN && capacityBytes <= 0) {
            throw new IllegalArgumentException("a cache node needs capacityBytes > 0, got " + capacityBytes);
        }
        if (ioThreads < 0) {
            throw new IllegalArgumentException("ioThreads must be >= 0: " + ioThreads);
        }
    }

    /** An origin server over a directory of objects. */
    public static EdgeNodeConfig origin(String id, Path root, @Nullable EdgeUrlSigner signer) {
        return new EdgeNodeConfig(id, EdgeTier.ORIGIN, "global", "127.0.0.1", 0, root, 0, List.of(), null, signer,
                0, DEFAULT_FILL_TIMEOUT);
    }

    /** A cache node on a free loopback port. */
    public static EdgeNodeConfig cache(String id, EdgeTier tier, String region, Path cacheDir, long capacityBytes,
                                       List<URI> parents, @Nullable URI origin, @Nullable EdgeUrlSigner signer) {
        return new EdgeNodeConfig(id, tier, region, "127.0.0.1", 0, cacheDir, capacityBytes, parents, origin, signer,
                0, DEFAULT_FILL_TIMEOUT);
    }

    public EdgeNodeConfig withPort(int newPort) {
        return new EdgeNodeConfig(id, tier, region, host, newPort, directory, capacityBytes, parents, origin, signer,
                ioThreads, fillTimeout);
    }

    public EdgeNodeConfig withIoThreads(int threads) {
        return new EdgeNodeConfig(id, tier, region, host, port, directory, capacityBytes, parents, origin, signer,
                threads, fillTimeout);
    }

    /** Upstreams in the order a miss tries them: parents first, the origin last. */
    public List<URI> upstreams() {
        if (origin == null || parents.contains(origin)) {
            return parents;
        }
        var all = new java.util.ArrayList<>(parents);
        all.add(origin);
        return List.copyOf(all);
    }
}
