package dev.marquee.console.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The stream reader against a loopback server that ends streams and refuses connections. */
class SseClientIntegrationTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private final MockWebServer server = new MockWebServer();
    private final List<SseEvent> events = new CopyOnWriteArrayList<>();
    private final List<Boolean> connectivity = new CopyOnWriteArrayList<>();
    private SseClient client;

    @BeforeEach
    void start() throws IOException {
        server.start(InetAddress.getLoopbackAddress(), 0);
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        server.close();
    }

    @Test
    void reconnectsAfterTheStreamEndsAndResumesAfterTheLastEventId() throws InterruptedException {
        server.enqueue(stream("retry: 50\nid: 41\nevent: notable\ndata: {\"n\":1}\n\n"));
        server.enqueue(stream("id: 42\nevent: notable\ndata: {\"n\":2}\n\n"));

        client = open();

        await().atMost(WAIT).until(() -> events.size() == 2);
        RecordedRequest first = server.takeRequest();
        RecordedRequest second = server.takeRequest();
        assertThat(first.getHeaders().get("Last-Event-ID")).isNull();
        assertThat(second.getHeaders().get("Last-Event-ID")).isEqualTo("41");
        assertThat(events).extracting(SseEvent::id).containsExactly("41", "42");
        assertThat(connectivity).startsWith(true, false, true);
    }

    @Test
    void keepsTryingWhileTheServerRefusesThenConnects() {
        server.enqueue(new MockResponse.Builder().code(503).build());
        server.enqueue(new MockResponse.Builder().code(503).build());
        server.enqueue(stream("event: kpis\ndata: []\n\n"));

        client = open();

        await().atMost(WAIT).until(() -> events.size() == 1);
        assertThat(server.getRequestCount()).isGreaterThanOrEqualTo(3);
        assertThat(connectivity).contains(true);
    }

    @Test
    void stopsReadingWhenClosed() {
        server.enqueue(stream("data: one\n\n"));
        client = open();
        await().atMost(WAIT).until(() -> events.size() == 1);

        client.close();
        int requests = server.getRequestCount();

        await().during(Duration.ofMillis(1500)).atMost(WAIT).until(() -> server.getRequestCount() == requests);
    }

    private SseClient open() {
        return new SseClient(new OkHttpClient(), server.url("/api/ops/metrics/stream"), events::add,
                connectivity::add).start();
    }

    private static MockResponse stream(String body) {
        return new MockResponse.Builder().setHeader("Content-Type", "text/event-stream").body(body).build();
    }
}
