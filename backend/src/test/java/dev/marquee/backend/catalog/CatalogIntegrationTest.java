package dev.marquee.backend.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.marquee.backend.encoding.EncodingCompleted;
import dev.marquee.backend.search.SearchIndex;
import dev.marquee.model.Problem;
import dev.marquee.model.catalog.CatalogPaths;
import dev.marquee.model.search.SearchPaths;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.security.test.context.support.WithMockUser;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * The catalog and search modules in the running application: EncodingCompleted in, titles, rows, artwork and
 * search results out over HTTP. One application context (temporary {@code marquee.home}) for all cases; each case
 * publishes titles with fresh ids so cases do not depend on each other.
 */
@ExtendWith(CatalogIntegrationTest.DeleteHome.class)
@SpringBootTest
@AutoConfigureMockMvc
@WithMockUser
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class CatalogIntegrationTest {

    private static final Duration EVENT_DELIVERY = Duration.ofSeconds(10);
    private static final Path HOME = createHome();

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        registry.add("marquee.home", HOME::toString);
    }

    /**
     * Deletes the home directory once the application is closed (the database and the search index hold files in
     * it). Declared before {@code @SpringBootTest}, so JUnit runs it after Spring's own after-all callback.
     */
    static class DeleteHome implements AfterAllCallback {
        @Override
        public void afterAll(ExtensionContext context) throws IOException {
            FileSystemUtils.deleteRecursively(HOME);
        }
    }

    @TestConfiguration
    static class Recorder {
        final Queue<TitlePublished> published = new ConcurrentLinkedQueue<>();

        @EventListener
        void on(TitlePublished event) {
            published.add(event);
        }
    }

    @Autowired MockMvc mvc;
    @Autowired ApplicationEventPublisher events;
    @Autowired PlatformTransactionManager transactions;
    @Autowired CatalogManagement catalog;
    @Autowired Recorder recorder;
    @Autowired SearchIndex searchIndex;

    @Test
    void publishesTitleOnceWhenEncodingCompletesTwice() throws Exception {
        UUID id = UUID.randomUUID();
        long before = catalog.titleCount();

        encodingCompleted(completed(id, "Mandelbrot Descent", "TV-G", List.of("Documentary", "Sci-Fi")));
        CatalogTitle first = await().atMost(EVENT_DELIVERY).until(() -> catalog.findTitle(id).orElse(null),
                t -> t != null);
        encodingCompleted(completed(id, "Mandelbrot Descent Remastered", "TV-G", List.of("Documentary")));
        CatalogTitle second = await().atMost(EVENT_DELIVERY).until(() -> catalog.findTitle(id).orElseThrow(),
                t -> t.revision() == 2);

        assertThat(catalog.titleCount()).isEqualTo(before + 1);
        await().atMost(EVENT_DELIVERY).until(() -> searchIndex.checksum().equals(catalog.checksum()));
        assertThat(second.title()).isEqualTo("Mandelbrot Descent Remastered");
        assertThat(second.genres()).containsExactly("Documentary");
        assertThat(second.publishedAt()).isEqualTo(first.publishedAt());
        assertThat(recorder.published).filteredOn(e -> e.title().id().equals(id))
                .extracting(TitlePublished::firstPublication).containsExactly(true, false);

        mvc.perform(get(CatalogPaths.TITLE, id))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.card.title").value("Mandelbrot Descent Remastered"))
                .andExpect(jsonPath("$.card.maturityRating").value("TV-G"))
                .andExpect(jsonPath("$.card.posterUrl").value(
                        CatalogPaths.ARTWORK + "/" + id + "/poster-1.jpg?v=2"))
                .andExpect(jsonPath("$.renditions.length()").value(2))
                .andExpect(jsonPath("$.renditions[1].height").value(720))
                .andExpect(jsonPath("$.renditions[1].qualityMetric").value("SSIM"));

        awaitHttp().untilAsserted(() -> mvc.perform(get(SearchPaths.SEARCH).param("q", "remastered"))
                .andExpect(jsonPath("$.hits[*].titleId", hasItem(id.toString()))));
        mvc.perform(get(SearchPaths.SEARCH).param("q", "mandlebrot"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.hits[0].titleId").value(id.toString()));
        mvc.perform(get(SearchPaths.SUGGEST).param("q", "mand"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].titleId", hasItem(id.toString())));
    }

    @Test
    void homeRowsComeFromTheCacheAndAPublicationShowsAtOnce() throws Exception {
        mvc.perform(get(CatalogPaths.ROWS)).andExpect(status().isOk()); // builds the rows and caches them
        UUID fresh = UUID.randomUUID();
        encodingCompleted(completed(fresh, "Cache Me If You Can", "PG", List.of("Comedy")));
        await().atMost(EVENT_DELIVERY).until(() -> catalog.findTitle(fresh).isPresent());

        // Well inside the rows' one-minute TTL: only the publication's invalidation can make the title appear.
        // (polled on this thread, where @WithMockUser's security context lives)
        await().atMost(Duration.ofSeconds(5)).pollInSameThread().untilAsserted(() -> mvc.perform(get(CatalogPaths.ROWS))
                .andExpect(jsonPath("$.rows[0].items[*].id", hasItem(fresh.toString()))));
    }

    @Test
    void kidsProfilesSeeOnlySuitableTitles() throws Exception {
        UUID mature = UUID.randomUUID();
        UUID young = UUID.randomUUID();
        encodingCompleted(completed(mature, "Grimhollow Night", "TV-MA", List.of("Slasher")));
        encodingCompleted(completed(young, "Puddle Jumpers", "TV-Y", List.of("Animation")));
        await().atMost(EVENT_DELIVERY).until(() -> catalog.findTitle(mature).isPresent()
                && catalog.findTitle(young).isPresent());

        mvc.perform(get(CatalogPaths.TITLES).param("size", "100").header(CatalogPaths.PROFILE_KIDS_HEADER, "true"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].id", hasItem(young.toString())))
                .andExpect(jsonPath("$.items[*].id", not(hasItem(mature.toString()))));
        mvc.perform(get(CatalogPaths.TITLES).param("size", "100"))
                .andExpect(jsonPath("$.items[*].id", hasItem(mature.toString())));
        mvc.perform(get(CatalogPaths.TITLES).param("size", "100").param("kids", "true"))
                .andExpect(jsonPath("$.items[*].id", not(hasItem(mature.toString()))));
        mvc.perform(get(CatalogPaths.TITLES).param("genre", "slasher"))
                .andExpect(jsonPath("$.items[*].id", hasItem(mature.toString())));

        mvc.perform(get(CatalogPaths.TITLE, mature).header(CatalogPaths.PROFILE_KIDS_HEADER, "true"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(Problem.MEDIA_TYPE));
        mvc.perform(get(CatalogPaths.ROWS).header(CatalogPaths.PROFILE_KIDS_HEADER, "true"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows[0].label").value("New on Marquee"))
                .andExpect(jsonPath("$.rows[*].items[*].id", hasItem(young.toString())))
                .andExpect(jsonPath("$.rows[*].items[*].id", not(hasItem(mature.toString()))));
        mvc.perform(get(CatalogPaths.ROWS))
                .andExpect(jsonPath("$.rows[*].id", hasItem("genre:slasher")));
        mvc.perform(get(CatalogPaths.GENRES).header(CatalogPaths.PROFILE_KIDS_HEADER, "true"))
                .andExpect(jsonPath("$[*].slug", hasItem("animation")))
                .andExpect(jsonPath("$[*].slug", not(hasItem("slasher"))));

        awaitHttp().untilAsserted(() -> mvc.perform(get(SearchPaths.SEARCH).param("q", "grimhollow"))
                .andExpect(jsonPath("$.hits[*].titleId", hasItem(mature.toString()))));
        mvc.perform(get(SearchPaths.SEARCH).param("q", "grimhollow").header(CatalogPaths.PROFILE_KIDS_HEADER, "1"))
                .andExpect(jsonPath("$.hits[*].titleId", not(hasItem(mature.toString()))));
        mvc.perform(get(SearchPaths.SUGGEST).param("q", "grim").header(CatalogPaths.PROFILE_KIDS_HEADER, "true"))
                .andExpect(jsonPath("$.items[*].titleId", not(hasItem(mature.toString()))));
    }

    @Test
    void servesArtworkCacheableWith304AndRefusesTraversal() throws Exception {
        UUID id = UUID.randomUUID();
        byte[] poster = "not really a jpeg, but bytes all the same".getBytes(StandardCharsets.US_ASCII);
        Path posterFile = HOME.resolve("origin/titles/" + id + "/artwork/poster-1.jpg");
        Files.createDirectories(posterFile.getParent());
        Files.write(posterFile, poster);
        Files.writeString(HOME.resolve("secret.jpg"), "SECRET");
        encodingCompleted(new EncodingCompleted(id, metadata("Lantern Bay", "PG", List.of("Drama")),
                Duration.ofSeconds(60), "titles/" + id + "/master.m3u8", renditions(id),
                List.of(new EncodingCompleted.Artwork("poster", 1, "titles/" + id + "/artwork/poster-1.jpg", 400, 600),
                        new EncodingCompleted.Artwork("backdrop", 1, "../secret.jpg", 1280, 720)),
                Instant.now()));
        await().atMost(EVENT_DELIVERY).until(() -> catalog.findTitle(id).isPresent());
        String url = CatalogPaths.ARTWORK + "/" + id + "/poster-1.jpg";

        MvcResult ok = mvc.perform(get(url))
                .andExpect(status().isOk())
                .andExpect(content().contentType("image/jpeg"))
                .andExpect(content().bytes(poster))
                .andExpect(header().string("Cache-Control", containsString("public")))
                .andExpect(header().string("Cache-Control", containsString("max-age=31536000")))
                .andExpect(header().string("Cache-Control", containsString("immutable")))
                .andReturn();
        String etag = ok.getResponse().getHeader("ETag");
        assertThat(etag).isNotBlank();
        mvc.perform(get(url).with(anonymous())).andExpect(status().isOk());
        mvc.perform(get(CatalogPaths.TITLES).with(anonymous())).andExpect(status().isUnauthorized());

        mvc.perform(get(url).header("If-None-Match", etag))
                .andExpect(status().isNotModified())
                .andExpect(header().string("ETag", etag))
                .andExpect(content().bytes(new byte[0]));
        mvc.perform(get(url).header("If-None-Match", "\"something-else\""))
                .andExpect(status().isOk());

        mvc.perform(get(CatalogPaths.ARTWORK + "/" + id + "/backdrop-1.jpg"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(not(containsString("SECRET"))));
        for (String traversal : List.of("/..%2F..%2F..%2Fsecret.jpg", "/../../../secret.jpg", "/poster-1.jpg%00")) {
            int status = mvc.perform(get(URI.create(CatalogPaths.ARTWORK + "/" + id + traversal)))
                    .andExpect(content().string(not(containsString("SECRET"))))
                    .andReturn().getResponse().getStatus();
            assertThat(status).as(traversal).isBetween(400, 499);
        }
        mvc.perform(get(CatalogPaths.ARTWORK + "/" + UUID.randomUUID() + "/poster-1.jpg"))
                .andExpect(status().isNotFound());
    }

    @Test
    void refusesBadRequestsWithProblemDetails() throws Exception {
        mvc.perform(get(CatalogPaths.TITLES).param("size", "1000"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(Problem.MEDIA_TYPE))
                .andExpect(jsonPath("$.detail", containsString("size")));
        mvc.perform(get(CatalogPaths.TITLE, "not-a-uuid"))
                .andExpect(status().isBadRequest());
        mvc.perform(get(CatalogPaths.TITLES).header(CatalogPaths.PROFILE_KIDS_HEADER, "maybe"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(Problem.MEDIA_TYPE));
        mvc.perform(get(SearchPaths.SEARCH).param("q", " "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("q ")))
                .andExpect(content().contentTypeCompatibleWith(Problem.MEDIA_TYPE));
        mvc.perform(get(SearchPaths.SEARCH).param("q", "x".repeat(SearchPaths.MAX_QUERY_LENGTH + 1)))
                .andExpect(status().isBadRequest());
    }

    /** Polls on the test thread: the mock user's security context is bound to it. */
    private static ConditionFactory awaitHttp() {
        return await().atMost(EVENT_DELIVERY).pollInSameThread();
    }

    /** Publishes as the encoding module does: inside a transaction, delivered to listeners after it commits. */
    private void encodingCompleted(EncodingCompleted event) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> events.publishEvent(event));
    }

    private static EncodingCompleted completed(UUID id, String title, String rating, List<String> genres) {
        return new EncodingCompleted(id, metadata(title, rating, genres), Duration.ofSeconds(75),
                "titles/" + id + "/master.m3u8", renditions(id),
                List.of(new EncodingCompleted.Artwork("poster", 1, "titles/" + id + "/artwork/poster-1.jpg", 400, 600),
                        new EncodingCompleted.Artwork("backdrop", 1, "titles/" + id + "/artwork/backdrop-1.jpg",
                                1280, 720)),
                Instant.now());
    }

    private static EncodingCompleted.TitleMetadata metadata(String title, String rating, List<String> genres) {
        return new EncodingCompleted.TitleMetadata(title, "The camera falls through " + title.toLowerCase()
                + " for a minute and a quarter.", genres, 2025, rating, List.of("Ada Quill", "Benoit Varga"));
    }

    private static List<EncodingCompleted.Rendition> renditions(UUID id) {
        return List.of(
                new EncodingCompleted.Rendition(640, 360, 800_000, "avc1.64001e,mp4a.40.2",
                        "titles/" + id + "/360p/index.m3u8", 0.962, "SSIM"),
                new EncodingCompleted.Rendition(1280, 720, 2_400_000, "avc1.64001f,mp4a.40.2",
                        "titles/" + id + "/720p/index.m3u8", 0.981, "SSIM"));
    }

    private static Path createHome() {
        try {
            return Files.createTempDirectory("marquee-catalog-test");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
