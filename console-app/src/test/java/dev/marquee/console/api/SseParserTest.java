package dev.marquee.console.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseParserTest {

    @Test
    void readsTheBackendsRecordedMetricsStream() throws IOException {
        List<SseEvent> events = parse(recorded("metrics-stream.txt"));

        assertThat(events).isNotEmpty();
        assertThat(events.getFirst().name()).isEqualTo("kpis");
        assertThat(events.getFirst().data()).startsWith("[{\"region\":\"all\"");
    }

    @Test
    void readsTheBackendsRecordedResilienceStream() throws IOException {
        List<SseEvent> events = parse(recorded("resilience-stream.txt"));

        assertThat(events).extracting(SseEvent::name).containsOnly("snapshot");
        assertThat(events.getFirst().data()).contains("\"state\":\"CLOSED\"");
    }

    @Test
    void joinsDataLinesSkipsCommentsAndKeepsTheLastId() {
        List<SseEvent> events = parse("""
                : a comment
                id: 7
                event: notable
                data: {"a":
                data: 1}

                data: no id on this one

                """);

        assertThat(events).containsExactly(new SseEvent("7", "notable", "{\"a\":\n1}"),
                new SseEvent("7", "message", "no id on this one"));
    }

    @Test
    void dropsAnEventWithoutDataAndReadsTheRetryHint() {
        SseParser parser = new SseParser(null);
        List<SseEvent> events = new ArrayList<>();
        for (String line : List.of("retry: 2000", "event: kpis", "", "retry: soon")) {
            parser.line(line).ifPresent(events::add);
        }

        assertThat(events).isEmpty();
        assertThat(parser.retryMs()).isEqualTo(2000);
    }

    private static List<SseEvent> parse(String text) {
        SseParser parser = new SseParser(null);
        List<SseEvent> events = new ArrayList<>();
        text.lines().forEach(line -> parser.line(line).ifPresent(events::add));
        parser.line("").ifPresent(events::add);
        return events;
    }

    static String recorded(String name) throws IOException {
        try (InputStream in = SseParserTest.class.getResourceAsStream("/dev/marquee/console/recorded/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
