package dev.marquee.backend.events.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marquee.backend.events.EventTopic;
import dev.marquee.backend.events.LogRecord;
import dev.marquee.backend.events.TopicMapping;
import dev.marquee.backend.events.TopicPartition;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApplicationEventBridgeTest {
    interface RegionEvent {
        String region();
    }

    record RegionEvacuated(String region) implements RegionEvent {}

    record RegionRestored(String region) implements RegionEvent {}

    @EventTopic("chaos")
    record MonkeyReleased(String monkey) {}

    record Unrelated(String text) {}

    private final InMemoryEventLog log = new InMemoryEventLog(new FakeClock(Instant.parse("2026-01-01T00:00:00Z")),
            Duration.ofHours(1), 4_096, 16);

    @Test
    void appendsMappedAndAnnotatedEventsAndTheMostSpecificMappingWins() {
        log.createTopic("regions", 1);
        log.createTopic("evacuations", 1);
        log.createTopic("chaos", 1);
        var bridge = new ApplicationEventBridge(log, List.of(
                TopicMapping.keyed(RegionEvent.class, "regions", RegionEvent::region),
                TopicMapping.unkeyed(RegionEvacuated.class, "evacuations")));
        bridge.afterSingletonsInstantiated();

        bridge.on(new RegionRestored("eu-west-1"));
        bridge.on(new RegionEvacuated("us-east-1"));
        bridge.on(new MonkeyReleased("kong"));
        bridge.on(new Unrelated("ignored"));

        List<LogRecord> regions = log.read(new TopicPartition("regions", 0), 0, 10);
        assertThat(regions).extracting(LogRecord::value).containsExactly(new RegionRestored("eu-west-1"));
        assertThat(regions.getFirst().key()).isEqualTo("eu-west-1");
        assertThat(log.read(new TopicPartition("evacuations", 0), 0, 10)).extracting(LogRecord::value)
                .containsExactly(new RegionEvacuated("us-east-1"));
        assertThat(log.read(new TopicPartition("chaos", 0), 0, 10)).extracting(LogRecord::value)
                .containsExactly(new MonkeyReleased("kong"));
    }

    @Test
    void aMappingToAnUnknownTopicFailsTheStart() {
        var bridge = new ApplicationEventBridge(log, List.of(TopicMapping.unkeyed(Unrelated.class, "nowhere")));
        assertThatThrownBy(bridge::afterSingletonsInstantiated).isInstanceOf(IllegalStateException.class).hasMessageContaining("nowhere");
    }

    @Test
    void namesTheModuleOfAController() {
        assertThat(ApiRequestFilter.moduleOf(HeartbeatController.class)).isEqualTo("events");
        assertThat(ApiRequestFilter.moduleOf(String.class)).isEqualTo(ApiRequestFilter.PLATFORM_SERVICE);
    }
}
