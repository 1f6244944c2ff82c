package dev.marquee.backend.events.internal;

import static dev.marquee.backend.TestHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.backend.BackendIntegrationSupport;
import dev.marquee.backend.TestHttp.Reply;
import dev.marquee.backend.events.ApiRequestCompleted;
import dev.marquee.backend.events.EventConsumer;
import dev.marquee.backend.events.EventLog;
import dev.marquee.backend.events.HeartbeatReceived;
import dev.marquee.backend.events.LogRecord;
import dev.marquee.backend.events.Topics;
import dev.marquee.backend.identity.internal.TestAccounts;
import dev.marquee.model.events.PlaybackEventType;
import dev.marquee.model.events.PlaybackHeartbeat;
import dev.marquee.model.identity.Role;
import dev.marquee.model.metrics.MetricsPaths;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

class HeartbeatIntegrationTest extends BackendIntegrationSupport {
    @Autowired
    ApplicationContext context;
    @Autowired
    EventLog eventLog;

    @Test
    void aViewersHeartbeatLandsOnTheHeartbeatTopicKeyedBySessionAndTheRequestOnTheApiTopic() {
        var viewer = TestAccounts.create(context, Role.VIEWER);
        String token = http().signIn(viewer.email(), viewer.password()).path("accessToken").asString();
        PlaybackHeartbeat heartbeat = heartbeat(PlaybackEventType.START, 850L);

        try (EventConsumer heartbeats = eventLog.consumer(null, List.of(Topics.PLAYBACK_HEARTBEATS), EventLog.OffsetReset.LATEST);
                EventConsumer requests = eventLog.consumer(null, List.of(Topics.API_REQUESTS), EventLog.OffsetReset.LATEST)) {
            Reply reply = http().post(MetricsPaths.HEARTBEATS, token, json(heartbeat));
            assertThat(reply.status()).isEqualTo(202);

            List<LogRecord> appended = heartbeats.poll(10, Duration.ofSeconds(10));
            assertThat(appended).hasSize(1);
            assertThat(appended.getFirst().key()).isEqualTo(heartbeat.sessionId().toString());
            assertThat(appended.getFirst().value()).isEqualTo(new HeartbeatReceived(viewer.id(), heartbeat));

            ApiRequestCompleted request = requests.poll(100, Duration.ofSeconds(10)).stream().map(r -> (ApiRequestCompleted) r.value())
                    .filter(r -> r.route().equals(MetricsPaths.HEARTBEATS)).findFirst().orElseThrow();
            assertThat(request.status()).isEqualTo(202);
            assertThat(request.service()).isEqualTo("events");
            assertThat(request.method()).isEqualTo("POST");
        }
    }

    @Test
    void refusesAnInvalidHeartbeatWithAProblemAndRecordsNothing() {
        var viewer = TestAccounts.create(context, Role.VIEWER);
        String token = http().signIn(viewer.email(), viewer.password()).path("accessToken").asString();
        long before = totalHeartbeats();

        Reply noStartupTime = http().post(MetricsPaths.HEARTBEATS, token, json(heartbeat(PlaybackEventType.START, null)));
        assertThat(noStartupTime.status()).isEqualTo(400);
        assertThat(noStartupTime.isProblem()).isTrue();
        assertThat(noStartupTime.body()).contains("startupTimeMs");

        Map<String, Object> negative = TestJson.mutable(heartbeat(PlaybackEventType.PLAYING, null));
        negative.put("bufferMs", -5);
        negative.put("region", "not a region!");
        Reply invalid = http().post(MetricsPaths.HEARTBEATS, token, json(negative));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.isProblem()).isTrue();
        assertThat(invalid.json().path("errors").toString()).contains("bufferMs").contains("region");

        Reply malformed = http().post(MetricsPaths.HEARTBEATS, token, "{\"sessionId\": 12");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.isProblem()).isTrue();
        assertThat(totalHeartbeats()).isEqualTo(before);
    }

    @Test
    void needsAnAccessToken() {
        Reply reply = http().post(MetricsPaths.HEARTBEATS, null, json(heartbeat(PlaybackEventType.PLAYING, null)));
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.isProblem()).isTrue();
    }

    private long totalHeartbeats() {
        long total = 0;
        for (int p = 0; p < eventLog.partitions(Topics.PLAYBACK_HEARTBEATS); p++) {
            total += eventLog.endOffset(new dev.marquee.backend.events.TopicPartition(Topics.PLAYBACK_HEARTBEATS, p));
        }
        return total;
    }

    static PlaybackHeartbeat heartbeat(PlaybackEventType type, Long startupTimeMs) {
        return new PlaybackHeartbeat(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "us-east-1", "edge-t1-ix1", type,
                12_000, 2, 3_000_000, 720, 8_000, 1, 400, startupTimeMs, 120L, 3, 360, Instant.parse("2026-11-26T20:00:00Z"));
    }
}
