package dev.marquee.backend.edge.internal;

import dev.marquee.backend.edge.EdgeAdminState;
import dev.marquee.backend.edge.EdgeFaults;
import dev.marquee.backend.edge.EdgeManagement;
import dev.marquee.backend.edge.EdgeNodeView;
import dev.marquee.backend.edge.EdgeTier;
import dev.marquee.backend.edge.EdgeUrlSigner;
import dev.marquee.backend.edge.node.EdgeNode;
import dev.marquee.backend.edge.node.EdgeNodeConfig;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the configured edge nodes and the origin server in this process, each its own server on a free
 * loopback port, and answers for them. Tier-1 nodes fill from the origin; tier-2 nodes fill from their region's
 * tier-1 nodes, then from the other regions' tier-1 nodes, then from the origin.
 * It does not plan fills; it is the registry of running nodes.
 */
public final class EdgeFleet implements EdgeManagement, AutoCloseable {

    private static final String ORIGIN_ID = "origin";
    private static final Logger LOG = LoggerFactory.getLogger(EdgeFleet.class);

    private final EdgeUrlSigner signer;
    private final LinkedHashMap<String, EdgeNode> nodes = new LinkedHashMap<>();
    private final Map<String, String> ispOf = new LinkedHashMap<>();
    private final EdgeNode origin;

    /** Starts every node now; if one fails to start, the ones already started are stopped. */
    public EdgeFleet(EdgeProperties properties, InstantSource clock, @Nullable MeterRegistry registry) {
        try {
            Files.createDirectories(properties.originRoot());
            this.signer = EdgeUrlSigner.createKeyFile(properties.signingKeyFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the edge key or origin directory", e);
        }
        try {
            origin = add(EdgeNodeConfig.origin(ORIGIN_ID, properties.originRoot(), signer)
                    .withIoThreads(properties.ioThreads()), clock, registry);
            Map<String, List<URI>> tier1ByRegion = new LinkedHashMap<>();
            properties.regions().forEach((region, spec) -> {
                List<URI> urls = new ArrayList<>();
                for (EdgeProperties.Node n : spec.ixp()) {
                    EdgeNode node = add(cacheConfig(properties, n, EdgeTier.IXP, region, List.of()), clock, registry);
                    urls.add(node.baseUrl());
                }
                tier1ByRegion.put(region, urls);
            });
            properties.regions().forEach((region, spec) -> {
                List<URI> parents = new ArrayList<>(tier1ByRegion.getOrDefault(region, List.of()));
                tier1ByRegion.forEach((other, urls) -> {
                    if (!other.equals(region)) {
                        parents.addAll(urls); // a whole region's tier 1 down: fill across regions before origin
                    }
                });
                for (EdgeProperties.Node n : spec.isp()) {
                    add(cacheConfig(properties, n, EdgeTier.ISP, region, parents), clock, registry);
                    if (n.isp() != null) {
                        ispOf.put(n.id(), n.isp());
                    }
                }
            });
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        LOG.info("edge fleet up: {} nodes in {} regions, origin {} serving {}", nodes.size(),
                properties.regions().size(), origin.baseUrl(), properties.originRoot());
    }

    private EdgeNodeConfig cacheConfig(EdgeProperties p, EdgeProperties.Node n, EdgeTier tier, String region,
                                       List<URI> parents) {
        return EdgeNodeConfig.cache(n.id(), tier, region, p.cacheRoot().resolve(n.id()), n.capacity().toBytes(),
                parents, origin.baseUrl(), signer).withIoThreads(p.ioThreads());
    }

    private EdgeNode add(EdgeNodeConfig config, InstantSource clock, @Nullable MeterRegistry registry) {
        if (nodes.containsKey(config.id())) {
            throw new IllegalArgumentException("marquee.edge: node id '" + config.id() + "' is used twice");
        }
        EdgeNode node = EdgeNode.start(config, clock, registry);
        nodes.put(config.id(), node);
        return node;
    }

    @Override
    public List<EdgeNodeView> nodes() {
        List<EdgeNodeView> views = new ArrayList<>(nodes.size());
        for (EdgeNode n : nodes.values()) {
            views.add(view(n));
        }
        views.sort(Comparator.comparing((EdgeNodeView v) -> v.tier() != EdgeTier.ORIGIN)
                .thenComparing(EdgeNodeView::region).thenComparing(v -> v.tier().level()).thenComparing(EdgeNodeView::id));
        return views;
    }

    @Override
    public Optional<EdgeNodeView> node(String id) {
        return Optional.ofNullable(nodes.get(id)).map(this::view);
    }

    @Override
    public EdgeNodeView setState(String id, EdgeAdminState state) {
        EdgeNode node = nodes.get(id);
        if (node == null) {
            throw new NoSuchElementException("no edge node '" + id + "'");
        }
        node.setState(state);
        return view(node);
    }

    @Override
    public EdgeFaults injectFaults(String id, EdgeFaults faults) {
        EdgeNode node = nodes.get(id);
        if (node == null) {
            throw new NoSuchElementException("no edge node '" + id + "'");
        }
        EdgeFaults before = node.faults();
        node.injectFaults(faults);
        return before;
    }

    @Override
    public EdgeFaults faults(String id) {
        EdgeNode node = nodes.get(id);
        return node == null ? EdgeFaults.NONE : node.faults();
    }

    /** The running servers, origin first (for the fill orchestrator, which drives nodes directly). */
    public List<EdgeNode> runningNodes() {
        return List.copyOf(nodes.values());
    }

    @Override
    public URI originUrl() {
        return origin.baseUrl();
    }

    @Override
    public EdgeUrlSigner urlSigner() {
        return signer;
    }

    private EdgeNodeView view(EdgeNode n) {
        EdgeNodeConfig c = n.config();
        return new EdgeNodeView(c.id(), c.tier(), c.region(), ispOf.get(c.id()), n.baseUrl(), n.state(),
                n.listening(), n.statsSnapshot(), n.cachedTitles());
    }

    @Override
    public void close() {
        for (EdgeNode n : nodes.sequencedValues().reversed()) {
            n.close();
        }
    }
}
