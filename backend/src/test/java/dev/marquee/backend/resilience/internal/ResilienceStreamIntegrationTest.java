package dev.marquee.backend.resilience.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.backend.ControlPlaneIntegrationSupport;
import dev.marquee.model.identity.Role;
import dev.marquee.model.topology.ControlPaths;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The console's live stream of breaker state: server-sent events over a real connection. */
class ResilienceStreamIntegrationTest extends ControlPlaneIntegrationSupport {

    @Test
    void streamsASnapshotOfTheBreakersToAnSre() throws Exception {
        String sre = tokenFor(Role.SRE);
        // At least one breaker exists once a call went through a gateway.
        http(gatewayUrl(sre, "us-west-2")).get("/api/me/profiles", sre);

        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + ControlPaths.RESILIENCE_STREAM))
                    .header("Authorization", "Bearer " + sre).timeout(Duration.ofSeconds(30)).build();
            HttpResponse<Stream<String>> response = client.send(request, HttpResponse.BodyHandlers.ofLines());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
            List<String> firstEvent;
            try (Stream<String> lines = response.body()) {
                firstEvent = lines.takeWhile(line -> !line.isEmpty()).toList();
            }
            assertThat(firstEvent).contains("event:snapshot");
            assertThat(String.join("\n", firstEvent)).contains("\"state\":", "instance:identity-us-west-2");
        }
    }

    @Test
    void aViewerGetsNoStream() {
        assertThat(http().get(ControlPaths.RESILIENCE_STREAM, tokenFor(Role.VIEWER)).status()).isEqualTo(403);
    }
}
