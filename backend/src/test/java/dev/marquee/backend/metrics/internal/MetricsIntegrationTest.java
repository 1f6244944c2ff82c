package dev.marquee.backend.metrics.internal;

import static dev.marquee.backend.TestHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.marquee.backend.BackendIntegrationSupport;
import dev.marquee.backend.TestHttp.Reply;
import dev.marquee.backend.identity.internal.TestAccounts;
import dev.marquee.model.events.PlaybackEventType;
import dev.marquee.model.events.PlaybackHeartbeat;
import dev.marquee.model.identity.Role;
import dev.marquee.model.metrics.EdgeStatsSample;
import dev.marquee.model.metrics.MetricsPaths;
import dev.marquee.backend.events.ApiRequestCompleted;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

class MetricsIntegrationTest extends BackendIntegrationSupport {
    /** A window closes 10 s after it opens plus 1 s lateness; leave room for a busy CI machine. */
    private static final Duration WINDOW_CLOSED = Duration.ofSeconds(40);
    private static final Duration EVENT_ARRIVES = Duration.ofSeconds(15);

    @Autowired
    ApplicationContext context;

    @Test
    void heartbeatsAndEdgeSamplesBecomeKpisSeriesAndPrometheusGauges() {
        String region = "it-" + ThreadLocalRandom.current().nextInt(1_000_000);
        var viewer = TestAccounts.create(context, Role.VIEWER);
        String viewerToken = http().signIn(viewer.email(), viewer.password()).path("accessToken").asString();
        String sre = sreToken();
        for (long startupMs : new long[] {300, 600, 900}) {
            // As a regional gateway would forward it: the API request event is then counted for that region too.
            Reply accepted = http().send(http().request(MetricsPaths.HEARTBEATS, viewerToken)
                    .header(ApiRequestCompleted.REGION_HEADER, region).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json(start(region, startupMs)))));
            assertThat(accepted.status()).isEqualTo(202);
        }
        // Edge nodes publish their samples as plain application events; the bridge's TopicMapping routes them.
        context.publishEvent(new EdgeStatsSample("edge-" + region, region, 1, 30, 10, 30_000, 10_000, Instant.now(), Instant.now()));

        String kpis = MetricsPaths.KPIS + "?region=" + region + "&window=60s";
        await().atMost(WINDOW_CLOSED).until(() -> {
            JsonNode closed = http().get(kpis, sre).json();
            return closed.path("streamStarts").asLong() == 3 && closed.path("apiRequests").asLong() == 3;
        });
        JsonNode snapshot = http().get(kpis, sre).json();
        // Startup times 300, 600, 900: nearest-rank p50 = 600, p95 = 900.
        assertThat(snapshot.path("startTimeP50Ms").asDouble()).isEqualTo(600.0);
        assertThat(snapshot.path("startTimeP95Ms").asDouble()).isEqualTo(900.0);
        assertThat(snapshot.path("edgeHitRatio").asDouble()).isEqualTo(0.75);
        // The three heartbeat requests themselves, recorded by the API request filter as the events module's.
        JsonNode events = http().get(MetricsPaths.KPIS + "?service=events&window=60s", sre).json();
        assertThat(events.path("service").asString()).isEqualTo("events");
        assertThat(events.path("apiRequests").asLong()).isGreaterThanOrEqualTo(3);

        Reply series = http().get(MetricsPaths.SERIES + "?name=playback.sps&tag.region=" + region + "&from=-5m&step=10s", sre);
        assertThat(series.status()).isEqualTo(200);
        assertThat(series.json().path("series").size()).isEqualTo(1);
        double starts = 0;
        for (JsonNode value : series.json().path("series").get(0).path("values")) {
            starts += value.isNull() ? 0 : value.asDouble() * 10;
        }
        assertThat(starts).isCloseTo(3.0, org.assertj.core.api.Assertions.within(1e-9));

        assertThat(http().get(MetricsPaths.NAMES, sre).body()).contains("\"region\":\"" + region + "\"");
        Reply scrape = http().get("/actuator/prometheus", sre);
        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.body()).contains("marquee_kpi_sps{region=\"" + region + "\"}");
        assertThat(http().get("/actuator/prometheus", null).status()).isEqualTo(401);
        assertThat(http().get(kpis, viewerToken).status()).isEqualTo(403);
    }

    @Test
    void refusesQueriesItCannotAnswer() {
        String sre = sreToken();
        for (String bad : new String[] {
                MetricsPaths.SERIES + "?name=playback.sps&step=7s",
                MetricsPaths.SERIES + "?name=playback.sps&from=yesterday",
                MetricsPaths.SERIES + "?name=playback.sps&from=-1h&to=-2h",
                MetricsPaths.KPIS + "?window=7s",
                MetricsPaths.KPIS + "?window=1h"}) {
            Reply reply = http().get(bad, sre);
            assertThat(reply.status()).as(bad).isEqualTo(400);
            assertThat(reply.isProblem()).as(bad).isTrue();
        }
    }

    @Test
    void liveStreamSendsKpisAndNotableEventsAndResumesAfterTheLastEventId() throws Exception {
        String sre = sreToken();
        String url = "http://127.0.0.1:" + port + MetricsPaths.STREAM;
        String runId = UUID.randomUUID().toString();
        String resumeFrom;
        try (SseClient stream = new SseClient(url, sre, null)) {
            assertThat(stream.status).isEqualTo(200);
            assertThat(stream.next(MetricsPaths.KPIS_EVENT, EVENT_ARRIVES).data()).contains("\"region\":\"all\"");
            context.publishEvent(new ChaosRunStepped(runId, "started"));
            SseClient.Event started = stream.next(MetricsPaths.NOTABLE_EVENT, EVENT_ARRIVES);
            assertThat(started.data()).contains(runId).contains("\"type\":\"ChaosRunStepped\"").contains("chaos.events");
            assertThat(started.id()).isNotBlank();
            resumeFrom = started.id();
        }
        context.publishEvent(new ChaosRunStepped(runId, "injected"));
        context.publishEvent(new ChaosRunStepped(runId, "reverted"));
        try (SseClient resumed = new SseClient(url, sre, resumeFrom)) {
            assertThat(resumed.next(MetricsPaths.NOTABLE_EVENT, EVENT_ARRIVES).data()).contains("injected");
            assertThat(resumed.next(MetricsPaths.NOTABLE_EVENT, EVENT_ARRIVES).data()).contains("reverted");
        }
    }

    private String sreToken() {
        var sre = TestAccounts.create(context, Role.SRE);
        return http().signIn(sre.email(), sre.password()).path("accessToken").asString();
    }

    private static PlaybackHeartbeat start(String region, long startupMs) {
        return new PlaybackHeartbeat(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), region, null, PlaybackEventType.START,
                0, 0, 1_500_000, 480, 6_000, 0, 0, startupMs, 90L, 0, 0, Instant.now());
    }
}
