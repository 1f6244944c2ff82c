package dev.marquee.backend.edge.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.marquee.backend.edge.EdgeAdminState;
import dev.marquee.backend.edge.EdgeNodeView;
import dev.marquee.backend.edge.EdgeSteering;
import dev.marquee.backend.edge.EdgeTier;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** The fleet as the backend starts it (bound from properties, real servers) and its ops API. */
class EdgeFleetIntegrationTest {

    @TempDir
    Path home;
    private EdgeFleet fleet;
    private MockMvc mvc;

    private final Map<String, String> props = new HashMap<>();

    @BeforeEach
    void start() {
        props.put("marquee.edge.signing-key-file", home.resolve("secrets/edge-url.key").toString());
        props.put("marquee.edge.cache-root", home.resolve("edge").toString());
        props.put("marquee.edge.origin-root", home.resolve("origin").toString());
        props.put("marquee.edge.regions.us-east-1.ixp[0].id", "ixp-east");
        props.put("marquee.edge.regions.us-east-1.ixp[0].capacity", "8MB");
        props.put("marquee.edge.regions.us-east-1.isp[0].id", "isp-east-comcast");
        props.put("marquee.edge.regions.us-east-1.isp[0].isp", "comcast");
        props.put("marquee.edge.regions.us-east-1.isp[1].id", "isp-east-verizon");
        props.put("marquee.edge.regions.us-east-1.isp[1].isp", "verizon");
        props.put("marquee.edge.regions.eu-west-1.ixp[0].id", "ixp-west");
        EdgeProperties properties = new Binder(new MapConfigurationPropertySource(props))
                .bind("marquee.edge", EdgeProperties.class).get();
        fleet = new EdgeFleet(properties, InstantSource.system(), null);
        mvc = MockMvcBuilders.standaloneSetup(new EdgeOpsController(fleet)).build();
    }

    @AfterEach
    void stop() {
        if (fills != null) {
            fills.close();
        }
        fleet.close();
    }

    private EdgeFills fills;

    @Test
    void sreCanFillANodeNowAndWatchItsProgress() throws Exception {
        for (int s = 1; s <= 3; s++) {
            Path f = home.resolve("origin/titles/t7/720p/seg-0000" + s + ".ts");
            Files.createDirectories(f.getParent());
            Files.write(f, new byte[20_000]);
        }
        props.put("marquee.edge.fill.zones.us-east-1", "America/New_York");
        EdgeProperties properties = new Binder(new MapConfigurationPropertySource(props))
                .bind("marquee.edge", EdgeProperties.class).get();
        fills = new EdgeFills(fleet, properties, new DemandForecast(properties.originRoot(), InstantSource.system()),
                InstantSource.system());
        MockMvc fillApi = MockMvcBuilders.standaloneSetup(new EdgeFillController(fills)).build();

        fillApi.perform(post("/api/ops/edge/fills/nodes/isp-east-verizon")).andExpect(status().isOk())
                .andExpect(jsonPath("$.titles").value(1))
                .andExpect(jsonPath("$.files").value(3));
        await().atMost(Duration.ofSeconds(20)).until(() -> fills.fills().stream()
                .anyMatch(f -> f.nodeId().equals("isp-east-verizon") && f.progress() != null && f.progress().finished()));

        assertThat(fleet.node("isp-east-verizon").orElseThrow().cachedTitles()).containsExactly("t7");
        fillApi.perform(get("/api/ops/edge/fills")).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.nodeId=='isp-east-verizon')].progress.bytesDone").value(60_000));
        fillApi.perform(post("/api/ops/edge/fills/nodes/ixp-east")).andExpect(status().isNotFound());
        fillApi.perform(post("/api/ops/edge/fills/titles/nope")).andExpect(status().isNotFound());
    }

    @Test
    void nodesOfOneIspInARegionShareTheCatalogueAndOtherIspsHoldTheirOwnCopy() throws Exception {
        for (int t = 1; t <= 8; t++) {
            Path f = home.resolve("origin/titles/t" + t + "/720p/seg-00001.ts");
            Files.createDirectories(f.getParent());
            Files.write(f, new byte[1_000]);
        }
        Map<String, String> site = new HashMap<>(props);
        site.put("marquee.edge.cache-root", home.resolve("edge-site").toString());
        site.put("marquee.edge.regions.us-east-1.isp[2].id", "isp-east-comcast-2");
        site.put("marquee.edge.regions.us-east-1.isp[2].isp", "comcast");
        EdgeProperties properties = new Binder(new MapConfigurationPropertySource(site))
                .bind("marquee.edge", EdgeProperties.class).get();
        try (EdgeFleet siteFleet = new EdgeFleet(properties, InstantSource.system(), null);
             EdgeFills siteFills = new EdgeFills(siteFleet, properties,
                     new DemandForecast(properties.originRoot(), InstantSource.system()), InstantSource.system())) {
            var first = siteFills.planFor("isp-east-comcast").titles();
            var second = siteFills.planFor("isp-east-comcast-2").titles();

            assertThat(first).isNotEmpty().doesNotContainAnyElementsOf(second);
            assertThat(first.size() + second.size()).isEqualTo(8);
            assertThat(siteFills.planFor("isp-east-verizon").titles()).hasSize(8);
        }
    }

    @Test
    void startsEveryNodeOnItsOwnPortWithAnOwnerOnlyKey() throws Exception {
        assertThat(fleet.nodes()).extracting(EdgeNodeView::id)
                .containsExactly("origin", "ixp-west", "ixp-east", "isp-east-comcast", "isp-east-verizon");
        assertThat(fleet.nodes()).extracting(v -> v.baseUrl().getPort()).doesNotHaveDuplicates();
        assertThat(fleet.nodes()).allMatch(EdgeNodeView::acceptsNewClients);
        assertThat(fleet.node("isp-east-comcast").orElseThrow().stats().capacityBytes()).isEqualTo(256L << 20);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("secrets/edge-url.key"))))
                .isEqualTo("rw-------");
    }

    @Test
    void tierTwoFillsThroughTierOneFromTheOriginDirectory() throws Exception {
        Path segment = home.resolve("origin/titles/t42/720p/seg-00001.ts");
        Files.createDirectories(segment.getParent());
        Files.write(segment, new byte[50_000]);
        EdgeNodeView isp = fleet.node("isp-east-comcast").orElseThrow();
        String url = isp.baseUrl() + fleet.urlSigner().sign("/titles/t42/720p/seg-00001.ts",
                Instant.now().plusSeconds(60), "fleet-test");

        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(fleet.node("isp-east-comcast").orElseThrow().cachedTitles()).containsExactly("t42");
        assertThat(fleet.node("ixp-east").orElseThrow().cachedTitles()).containsExactly("t42");
        assertThat(fleet.node("ixp-west").orElseThrow().stats().misses()).isZero();
        assertThat(EdgeSteering.rank(fleet.nodes(), "us-east-1", "verizon", "t42")).first()
                .isEqualTo(fleet.node("isp-east-comcast").orElseThrow().baseUrl()); // verizon's node lacks t42
    }

    @Test
    void opsApiListsNodesAndSetsAdminState() throws Exception {
        mvc.perform(get("/api/ops/edge/nodes")).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value("origin"))
                .andExpect(jsonPath("$[4].tier").value(EdgeTier.ISP.name()));

        mvc.perform(put("/api/ops/edge/nodes/isp-east-verizon/state").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"state\":\"DOWN\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("DOWN"))
                .andExpect(jsonPath("$.listening").value(false));
        assertThat(fleet.node("isp-east-verizon").orElseThrow().state()).isEqualTo(EdgeAdminState.DOWN);
        assertThat(EdgeSteering.rank(fleet.nodes(), "us-east-1", "verizon", null))
                .doesNotContain(fleet.node("isp-east-verizon").orElseThrow().baseUrl());

        mvc.perform(get("/api/ops/edge/nodes/nope")).andExpect(status().isNotFound());
        mvc.perform(put("/api/ops/edge/nodes/ixp-east/state").contentType(MediaType.APPLICATION_JSON)
                .content("{\"state\":\"SIDEWAYS\"}")).andExpect(status().isBadRequest());
    }
}
