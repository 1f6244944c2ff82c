package dev.marquee.backend.edge.internal;

import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code marquee.edge}: the fleet of edge nodes the backend starts in-process, per region in two tiers.
 *
 * @param enabled        start the fleet at all (tests of other modules may switch it off)
 * @param signingKeyFile shared HMAC key for segment URLs; created (mode 600) when missing
 * @param cacheRoot      each node caches under {@code <cacheRoot>/<node id>}
 * @param originRoot     the origin's object directory (the encoding module writes it)
 * @param ioThreads      event-loop threads per node; one is plenty for a node on a laptop
 * @param regions        region name → its nodes
 */
@ConfigurationProperties("marquee.edge")
public record EdgeProperties(
        @DefaultValue("true") boolean enabled,
        Path signingKeyFile,
        Path cacheRoot,
        Path originRoot,
        @DefaultValue("1") int ioThreads,
        @DefaultValue Map<String, Region> regions,
        @DefaultValue Fill fill) {

    /**
     * Proactive fills of tier-2 nodes.
     *
     * @param windowStart        daily off-peak window start, region-local
     * @param bandwidthPerSecond cap per node while filling
     * @param zones              region → its time zone (regions not listed use UTC)
     */
    public record Fill(
            @DefaultValue("02:00") LocalTime windowStart,
            @DefaultValue("06:00") LocalTime windowEnd,
            @DefaultValue("50MB") DataSize bandwidthPerSecond,
            @DefaultValue Map<String, ZoneId> zones) {}

    /** A region's nodes: tier 1 at internet exchanges, tier 2 inside ISPs. */
    public record Region(@DefaultValue List<Node> ixp, @DefaultValue List<Node> isp) {}

    /**
     * @param isp      the ISP a tier-2 node sits in (steering prefers a client's own ISP)
     * @param capacity disk the node may use
     */
    public record Node(String id, @Nullable String isp, @DefaultValue("256MB") DataSize capacity) {}
}
