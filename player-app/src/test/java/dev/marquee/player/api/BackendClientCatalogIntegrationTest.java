package dev.marquee.player.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marquee.model.catalog.CatalogPaths;
import dev.marquee.model.catalog.HomeRow;
import dev.marquee.model.catalog.TitleDetail;
import dev.marquee.model.search.SearchHit;
import dev.marquee.model.search.Suggestion;
import java.io.IOException;
import java.net.InetAddress;
import java.time.InstantSource;
import java.util.UUID;
import mockwebserver3.MockWebServer;
import mockwebserver3.QueueDispatcher;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BackendClientCatalogIntegrationTest {
    private final MockWebServer server = new MockWebServer();
    private final FakeBackend backend = new FakeBackend();
    private BackendClient client;

    @BeforeEach
    void start() throws IOException {
        backend.publish(SampleTitles.ALL);
        server.setDispatcher(backend);
        server.start(InetAddress.getLoopbackAddress(), 0);
        client = new BackendClient(server.url("/").toString(), InstantSource.system());
        client.signIn(FakeBackend.EMAIL, FakeBackend.PASSWORD);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void readsTheHomeRowsWithTheProfilesKidsFlag() {
        assertThat(client.rows(false).rows()).extracting(HomeRow::label).startsWith("New on Marquee").contains("Thriller");
        assertThat(client.rows(true).rows().getFirst().items()).extracting(c -> c.title())
                .containsExactly("The Quiet Orbit", "Starlight Express", "Paper Boats", "Garden of Clocks");

        assertThat(backend.kidsHeaders()).containsExactly("false", "true");
    }

    @Test
    void readsATitleWithItsLadder() {
        TitleDetail title = client.title(SampleTitles.STARFALL.card().id(), false);

        assertThat(title).isEqualTo(SampleTitles.STARFALL);
    }

    @Test
    void aTitleThatIsGoneIsNotFoundInWords() {
        assertThatThrownBy(() -> client.title(UUID.randomUUID(), false))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.error()).isInstanceOf(ApiError.NotFound.class))
                .hasMessage("This title is no longer available.");
    }

    @Test
    void aFailingBackendIsAServerFailureInWords() {
        backend.failCatalogWith(503);

        assertThatThrownBy(() -> client.rows(false))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.error()).isEqualTo(new ApiError.ServerFailure(503)))
                .hasMessage("Marquee is having trouble right now (HTTP 503). Try again in a moment.");
    }

    @Test
    void suggestsAndSearchesWithTheQueryEncoded() throws InterruptedException {
        assertThat(client.suggest("Star", false).items()).extracting(Suggestion::title)
                .containsExactly("Starfall", "Starlight Express");
        assertThat(client.search("mara quinn", false).hits()).extracting(SearchHit::title)
                .containsExactly("Starfall", "Signal Lost");

        server.setDispatcher(new QueueDispatcher());
        server.enqueue(FakeBackend.problem(400, "q: too long"));
        assertThatThrownBy(() -> client.search("a&b=c", false)).isInstanceOf(ApiException.class);
        RecordedRequest sent = lastRequest();
        assertThat(sent.getUrl().queryParameter("q")).isEqualTo("a&b=c");
        assertThat(sent.getUrl().queryParameter("limit")).isEqualTo("20");
    }

    @Test
    void artworkUrlsAreAbsoluteAndServedWithoutAToken() throws IOException {
        String url = client.artworkUrl(SampleTitles.STARFALL.card().posterUrl());

        assertThat(url).startsWith(server.url(CatalogPaths.ARTWORK).toString());
        try (var in = java.net.URI.create(url).toURL().openStream()) {
            byte[] jpeg = in.readAllBytes();
            assertThat(jpeg).startsWith((byte) 0xFF, (byte) 0xD8); // JPEG start-of-image marker
        }
    }

    private RecordedRequest lastRequest() throws InterruptedException {
        RecordedRequest last = null;
        for (RecordedRequest r = server.takeRequest(0, java.util.concurrent.TimeUnit.SECONDS); r != null;
             r = server.takeRequest(0, java.util.concurrent.TimeUnit.SECONDS)) {
            last = r;
        }
        return last;
    }
}
