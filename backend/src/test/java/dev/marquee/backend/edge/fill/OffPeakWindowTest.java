package dev.marquee.backend.edge.fill;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class OffPeakWindowTest {

    private static final ZoneId DUBLIN = ZoneId.of("Europe/Dublin");

    private static boolean at(OffPeakWindow w, int hour, int minute) {
        return w.contains(LocalDateTime.of(2026, 11, 26, hour, minute).atZone(DUBLIN).toInstant());
    }

    @Test
    void defaultWindowIsTwoToSixRegionLocal() {
        OffPeakWindow w = OffPeakWindow.defaultFor(DUBLIN);
        assertThat(at(w, 1, 59)).isFalse();
        assertThat(at(w, 2, 0)).isTrue();
        assertThat(at(w, 5, 59)).isTrue();
        assertThat(at(w, 6, 0)).isFalse();
        assertThat(at(w, 20, 0)).isFalse();
    }

    @Test
    void aWindowMaySpanMidnight() {
        OffPeakWindow w = new OffPeakWindow(LocalTime.of(23, 0), LocalTime.of(1, 0), DUBLIN);
        assertThat(at(w, 23, 30)).isTrue();
        assertThat(at(w, 0, 30)).isTrue();
        assertThat(at(w, 1, 30)).isFalse();
    }
}
