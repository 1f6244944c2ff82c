package dev.marquee.backend.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopologySettingsTest {

    private static TopologySettings settings(Map<String, List<String>> services, Duration heartbeat, Duration lease) {
        return new TopologySettings(List.of(new TopologySettings.Region("us-east-1", List.of("us-east-1a"))), services,
                1, 8, 256, heartbeat, lease, Duration.ofSeconds(1), true, 0.5, Duration.ofSeconds(2), Duration.ofSeconds(1));
    }

    @Test
    void theLongestOwningPrefixWinsAndPrefixesEndAtASegment() {
        TopologySettings settings = settings(Map.of("identity", List.of("/api/me"), "playback", List.of("/api/me/history")),
                Duration.ofSeconds(5), Duration.ofSeconds(15));

        assertThat(settings.serviceFor("/api/me/profiles")).hasValue("identity");
        assertThat(settings.serviceFor("/api/me/history/42")).hasValue("playback");
        assertThat(settings.serviceFor("/api/me")).hasValue("identity");
        assertThat(settings.serviceFor("/api/meta")).isEmpty();
    }

    @Test
    void refusesALeaseNoLongerThanTheHeartbeat() {
        assertThatThrownBy(() -> settings(Map.of(), Duration.ofSeconds(5), Duration.ofSeconds(5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lease");
    }
}
