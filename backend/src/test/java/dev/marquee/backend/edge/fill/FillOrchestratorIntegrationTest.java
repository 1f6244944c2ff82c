package dev.marquee.backend.edge.fill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.marquee.backend.edge.ContentPlacement;
import dev.marquee.backend.edge.EdgeTier;
import dev.marquee.backend.edge.EdgeUrlSigner;
import dev.marquee.backend.edge.TitleDemand;
import dev.marquee.backend.edge.node.EdgeNode;
import dev.marquee.backend.edge.node.EdgeNodeConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A night on a fast-forwarded clock: nothing is filled in the afternoon, the plan is filled at 03:00, once. */
class FillOrchestratorIntegrationTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final EdgeUrlSigner SIGNER =
            new EdgeUrlSigner("fill-test-key-fill-test-key-1234".getBytes(StandardCharsets.US_ASCII));
    private static final int SEGMENT_BYTES = 10_000;

    @TempDir
    Path dir;

    @Test
    void fillsThePlannedTitlesDuringTheOffPeakWindowOnce() throws Exception {
        Path originRoot = dir.resolve("origin");
        for (String title : List.of("hot", "warm", "cold")) {
            for (int s = 1; s <= 3; s++) {
                Path f = originRoot.resolve("titles/%s/720p/seg-%05d.ts".formatted(title, s));
                Files.createDirectories(f.getParent());
                Files.write(f, new byte[SEGMENT_BYTES]);
            }
        }
        AtomicReference<Instant> now = new AtomicReference<>(at(14));
        InstantSource clock = now::get;
        List<TitleDemand> forecast = List.of(new TitleDemand("hot", 100), new TitleDemand("warm", 10),
                new TitleDemand("cold", 1));
        long capacity = 6 * SEGMENT_BYTES; // holds two titles of three segments
        // Every node runs on the same platform clock (fill URLs are signed by one node and checked by another).
        try (EdgeNode origin = EdgeNode.start(EdgeNodeConfig.origin("origin", originRoot, SIGNER), clock, null);
             EdgeNode isp = EdgeNode.start(EdgeNodeConfig.cache("isp-f", EdgeTier.ISP, "us-east-1", dir.resolve("isp"),
                     capacity, List.of(), origin.baseUrl(), SIGNER), clock, null);
             FillOrchestrator fills = new FillOrchestrator(List.of(isp), (region, c) -> FillForecast.ofTitles(forecast), (region, counts) -> {},
                     t -> objectsOf(originRoot, t), region -> OffPeakWindow.defaultFor(NEW_YORK), clock,
                     Long.MAX_VALUE)) {
            assertThat(fills.tick()).isZero();
            assertThat(isp.cachedKeys()).isEmpty();

            now.set(at(3));
            assertThat(fills.tick()).isEqualTo(1);
            await().atMost(Duration.ofSeconds(20)).until(() -> fills.progress("isp-f").map(FillRunner.Progress::finished)
                    .orElse(false));

            FillRunner.Progress progress = fills.progress("isp-f").orElseThrow();
            assertThat(progress.filesDone()).isEqualTo(6);
            assertThat(progress.bytesDone()).isEqualTo(6L * SEGMENT_BYTES);
            assertThat(progress.failures()).isZero();
            assertThat(isp.cachedTitles()).containsExactly("hot", "warm");
            assertThat(origin.statsSnapshot().hits()).isEqualTo(6);

            now.set(at(4));
            assertThat(fills.tick()).as("already filled this night").isZero();
        }
    }

    @Test
    void theMostWantedPlannedObjectsAreTheLastThatReactiveFillsPushOut() throws Exception {
        Path originRoot = dir.resolve("origin");
        for (String title : List.of("hot", "warm", "mild", "tail1", "tail2")) {
            for (int s = 1; s <= 3; s++) {
                Path f = originRoot.resolve("titles/%s/720p/seg-%05d.ts".formatted(title, s));
                Files.createDirectories(f.getParent());
                Files.write(f, new byte[SEGMENT_BYTES]);
            }
        }
        AtomicReference<Instant> now = new AtomicReference<>(at(3));
        InstantSource clock = now::get;
        List<TitleDemand> forecast = List.of(new TitleDemand("hot", 100), new TitleDemand("warm", 10),
                new TitleDemand("mild", 5));
        // Ten segments of room, a nine-segment plan: more than the protected 80 %, so one planned object sits on
        // probation where reactive fills push it out. It must be the least wanted one, not the plan's first.
        long capacity = 10 * SEGMENT_BYTES;
        try (EdgeNode origin = EdgeNode.start(EdgeNodeConfig.origin("origin", originRoot, SIGNER), clock, null);
             EdgeNode isp = EdgeNode.start(EdgeNodeConfig.cache("isp-r", EdgeTier.ISP, "us-east-1", dir.resolve("isp"),
                     capacity, List.of(), origin.baseUrl(), SIGNER), clock, null);
             FillOrchestrator fills = new FillOrchestrator(List.of(isp), (region, c) -> FillForecast.ofTitles(forecast), (region, counts) -> {},
                     t -> objectsOf(originRoot, t), region -> OffPeakWindow.defaultFor(NEW_YORK), clock,
                     Long.MAX_VALUE);
             java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient()) {
            fills.fillNow("isp-r");
            await().atMost(Duration.ofSeconds(20)).until(() -> fills.progress("isp-r").map(FillRunner.Progress::finished)
                    .orElse(false));
            assertThat(isp.cachedKeys()).hasSize(9);

            for (String tail : List.of("titles/tail1/720p/seg-00001.ts", "titles/tail2/720p/seg-00001.ts")) {
                String signed = SIGNER.sign("/" + tail, now.get().plus(Duration.ofHours(1)), "viewer-1");
                var response = http.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(isp.baseUrl() + signed)).build(),
                        java.net.http.HttpResponse.BodyHandlers.discarding());
                assertThat(response.statusCode()).isEqualTo(200);
            }

            assertThat(isp.cachedKeys()).hasSize(10)
                    .contains("titles/hot/720p/seg-00001.ts", "titles/tail2/720p/seg-00001.ts")
                    .doesNotContain("titles/mild/720p/seg-00003.ts");
        }
    }

    @Test
    void theNightsPlanFillsTheRungsYesterdaysViewersRequestedAtTheNode() throws Exception {
        Path originRoot = dir.resolve("origin");
        for (int s = 1; s <= 3; s++) {
            write(originRoot.resolve("titles/a/240p/seg-%05d.ts".formatted(s)), SEGMENT_BYTES / 4);
            write(originRoot.resolve("titles/a/1080p/seg-%05d.ts".formatted(s)), SEGMENT_BYTES);
        }
        AtomicReference<Instant> now = new AtomicReference<>(at(20).minus(Duration.ofDays(1)));
        InstantSource clock = now::get;
        var forecast = new dev.marquee.backend.edge.internal.DemandForecast(originRoot, clock);
        // Room for the 1080p rung alone. Counted nothing, the planner would take the cheap 240p rung first.
        long capacity = 3L * SEGMENT_BYTES;
        try (EdgeNode origin = EdgeNode.start(EdgeNodeConfig.origin("origin", originRoot, SIGNER), clock, null);
             EdgeNode isp = EdgeNode.start(EdgeNodeConfig.cache("isp-m", EdgeTier.ISP, "us-east-1", dir.resolve("isp"),
                     capacity, List.of(), origin.baseUrl(), SIGNER), clock, null);
             FillOrchestrator fills = new FillOrchestrator(List.of(isp), forecast::outlook, forecast::recordRequests,
                     t -> objectsOf(originRoot, t), region -> OffPeakWindow.defaultFor(NEW_YORK), clock,
                     Long.MAX_VALUE);
             java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient()) {
            for (int viewer = 0; viewer < 3; viewer++) { // yesterday evening, on TVs
                forecast.recordPlay("us-east-1", "a");
                for (int s = 1; s <= 3; s++) {
                    String signed = SIGNER.sign("/titles/a/1080p/seg-%05d.ts".formatted(s),
                            now.get().plus(Duration.ofHours(1)), "viewer-" + viewer);
                    assertThat(http.send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(isp.baseUrl() + signed)).build(),
                            java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
                }
            }

            now.set(at(3));
            assertThat(fills.tick()).isEqualTo(1);
            await().atMost(Duration.ofSeconds(20)).until(() -> fills.progress("isp-m").map(FillRunner.Progress::finished)
                    .orElse(false));

            assertThat(fills.lastPlan("isp-m").orElseThrow().keys()).containsExactly("titles/a/1080p/seg-00001.ts",
                    "titles/a/1080p/seg-00002.ts", "titles/a/1080p/seg-00003.ts");
            assertThat(isp.cachedKeys()).allMatch(k -> k.contains("/1080p/")).hasSize(3);
            assertThat(isp.drainRequestCounts()).as("handed to the forecast by the tick").isEmpty();
        }
    }

    @Test
    void theNodesOfOneIspSiteArePlannedDisjointPartsOfTheCatalogue() throws Exception {
        Path originRoot = dir.resolve("origin");
        List<String> titles = List.of("t1", "t2", "t3", "t4", "t5", "t6", "t7", "t8");
        List<TitleDemand> forecast = new java.util.ArrayList<>();
        for (String title : titles) {
            write(originRoot.resolve("titles/%s/720p/seg-00001.ts".formatted(title)), SEGMENT_BYTES);
            forecast.add(new TitleDemand(title, 1));
        }
        InstantSource clock = () -> at(3);
        long capacity = titles.size() * (long) SEGMENT_BYTES; // either node could hold everything
        try (EdgeNode origin = EdgeNode.start(EdgeNodeConfig.origin("origin", originRoot, SIGNER), clock, null);
             EdgeNode a = EdgeNode.start(EdgeNodeConfig.cache("comcast-a", EdgeTier.ISP, "us-east-1", dir.resolve("a"),
                     capacity, List.of(), origin.baseUrl(), SIGNER), clock, null);
             EdgeNode b = EdgeNode.start(EdgeNodeConfig.cache("comcast-b", EdgeTier.ISP, "us-east-1", dir.resolve("b"),
                     capacity, List.of(), origin.baseUrl(), SIGNER), clock, null);
             FillOrchestrator fills = new FillOrchestrator(List.of(a, b), (region, c) -> FillForecast.ofTitles(forecast),
                     (region, counts) -> {}, t -> objectsOf(originRoot, t), region -> OffPeakWindow.defaultFor(NEW_YORK),
                     node -> "us-east-1/comcast", clock, Long.MAX_VALUE)) {
            FillPlan planA = fills.planFor(a);
            FillPlan planB = fills.planFor(b);

            assertThat(planA.titles()).isNotEmpty().doesNotContainAnyElementsOf(planB.titles());
            assertThat(planA.titles().size() + planB.titles().size()).isEqualTo(titles.size());
            for (String title : planA.titles()) {
                assertThat(ContentPlacement.owner(title, List.of("comcast-a", "comcast-b"))).isEqualTo("comcast-a");
            }

            b.setState(dev.marquee.backend.edge.EdgeAdminState.DRAINING);
            assertThat(fills.planFor(b).titles()).as("a DRAINING node takes no new clients, so no new titles")
                    .isEmpty();
            assertThat(fills.planFor(a).titles()).as("a DRAINING node's titles move to the rest of its site")
                    .containsExactlyInAnyOrderElementsOf(titles);
            assertThat(fills.tick()).as("the night's fill starts on a, not on the DRAINING b").isEqualTo(1);
            assertThat(fills.lastPlan("comcast-b")).isEmpty();
            await().atMost(Duration.ofSeconds(10)).until(() -> !fills.busy());

            b.setState(dev.marquee.backend.edge.EdgeAdminState.DOWN);
            assertThat(fills.planFor(a).titles()).as("a DOWN node's titles move to the rest of its site")
                    .containsExactlyInAnyOrderElementsOf(titles);
        }
    }

    private static void write(Path file, int bytes) throws java.io.IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[bytes]);
    }

    private static Instant at(int hour) {
        return LocalDateTime.of(2026, 11, 26, hour, 0).atZone(NEW_YORK).toInstant();
    }

    private static List<FillPlanner.OriginObject> objectsOf(Path root, String title) {
        try (var files = Files.walk(root.resolve("titles").resolve(title))) {
            return files.filter(Files::isRegularFile).sorted()
                    .map(f -> new FillPlanner.OriginObject(root.relativize(f).toString(), f.toFile().length())).toList();
        } catch (java.io.IOException e) {
            return List.of();
        }
    }
}
