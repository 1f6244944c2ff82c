package dev.marquee.backend.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EdgeSteeringTest {

    private static final EdgeNodeStats NO_STATS = new EdgeNodeStats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    private static EdgeNodeView node(String id, EdgeTier tier, String region, String isp, EdgeAdminState state,
                                     String... titles) {
        return new EdgeNodeView(id, tier, region, isp, URI.create("http://" + id), state, state != EdgeAdminState.DOWN,
                NO_STATS, Set.of(titles));
    }

    private final List<EdgeNodeView> fleet = List.of(
            node("origin", EdgeTier.ORIGIN, "global", null, EdgeAdminState.UP),
            node("ixp-east", EdgeTier.IXP, "us-east-1", null, EdgeAdminState.UP, "t1"),
            node("comcast-a", EdgeTier.ISP, "us-east-1", "comcast", EdgeAdminState.UP),
            node("comcast-b", EdgeTier.ISP, "us-east-1", "comcast", EdgeAdminState.UP, "t1"),
            node("verizon", EdgeTier.ISP, "us-east-1", "verizon", EdgeAdminState.UP, "t1"),
            node("comcast-west", EdgeTier.ISP, "us-west-2", "comcast", EdgeAdminState.UP, "t1"));

    @Test
    void ranksOwnIspHoldersFirstThenRegionThenTierOneThenOrigin() {
        assertThat(EdgeSteering.rank(fleet, "us-east-1", "comcast", "t1")).extracting(URI::getHost)
                .containsExactly("comcast-b", "verizon", "comcast-a", "ixp-east", "origin");
        // Nobody holds t2: the client's ISP site first, its two nodes in t2's placement order.
        List<String> site = ContentPlacement.rank("t2", List.of("comcast-a", "comcast-b"));
        assertThat(EdgeSteering.rank(fleet, "us-east-1", "comcast", "t2")).extracting(URI::getHost)
                .containsExactly(site.get(0), site.get(1), "verizon", "ixp-east", "origin");
    }

    @Test
    void ofAnIspSitesNodesThatHoldTheTitleTheOnePlannedToHoldItComesFirst() {
        List<String> titles = List.of("t1", "t2", "t3", "t4", "t5", "t6");
        assertThat(titles).extracting(t -> ContentPlacement.owner(t, List.of("comcast-a", "comcast-b")))
                .as("titles placed on both nodes").contains("comcast-a", "comcast-b");
        for (String title : titles) {
            List<EdgeNodeView> site = List.of(
                    node("comcast-a", EdgeTier.ISP, "us-east-1", "comcast", EdgeAdminState.UP, title),
                    node("comcast-b", EdgeTier.ISP, "us-east-1", "comcast", EdgeAdminState.UP, title));
            assertThat(EdgeSteering.rank(site, "us-east-1", "comcast", title)).extracting(URI::getHost).first()
                    .isEqualTo(ContentPlacement.owner(title, List.of("comcast-a", "comcast-b")));
        }
    }

    @Test
    void leavesOutDrainingAndDownNodes() {
        List<EdgeNodeView> degraded = List.of(fleet.get(0), fleet.get(1),
                node("comcast-b", EdgeTier.ISP, "us-east-1", "comcast", EdgeAdminState.DOWN, "t1"),
                node("verizon", EdgeTier.ISP, "us-east-1", "verizon", EdgeAdminState.DRAINING, "t1"));
        assertThat(EdgeSteering.rank(degraded, "us-east-1", "comcast", "t1")).extracting(URI::getHost)
                .containsExactly("ixp-east", "origin");
    }

    @Test
    void fallsBackToTheOriginForAnUnknownRegion() {
        assertThat(EdgeSteering.rank(fleet, "ap-south-1", null, "t1")).extracting(URI::getHost)
                .containsExactly("origin");
    }
}
