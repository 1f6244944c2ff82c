package dev.marquee.model.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.model.search.SearchHit;
import dev.marquee.model.search.SearchResults;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The catalog and search records survive a JSON round trip as the backend writes and the player reads them. */
class CatalogModelJsonTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void titleDetailRoundTrips() {
        UUID id = UUID.randomUUID();
        String poster = CatalogPaths.ARTWORK + "/" + id + "/poster-1.jpg?v=1";
        TitleCard card = new TitleCard(id, "Mandelbrot Descent", 2024, "TV-G", 75, List.of("Documentary"), poster,
                null, List.of(new ArtworkView(ArtworkView.POSTER, 1, 400, 600, poster)));
        TitleDetail detail = new TitleDetail(card, "A camera falls.", List.of("Ada Quill"),
                Instant.parse("2026-11-26T19:00:00Z"), "titles/" + id + "/master.m3u8",
                List.of(new RenditionView(1280, 720, 2_400_000, "avc1.64001f,mp4a.40.2", 0.981, "SSIM")));

        String text = json.writeValueAsString(detail);

        assertThat(json.readValue(text, TitleDetail.class)).isEqualTo(detail);
        assertThat(text).contains("\"publishedAt\":\"2026-11-26T19:00:00Z\"");
    }

    @Test
    void homeRowsAndSearchResultsRoundTrip() {
        UUID id = UUID.randomUUID();
        TitleCard card = new TitleCard(id, "Pixel Parade", 2025, "TV-Y7", 60, List.of("Animation"), null, null,
                List.of());
        HomeRows rows = new HomeRows(List.of(new HomeRow(HomeRow.NEW_ID, HomeRow.NEW_LABEL, null, List.of(card)),
                new HomeRow(HomeRow.GENRE_ID_PREFIX + "animation", "Animation", "animation", List.of(card))));
        SearchResults results = new SearchResults("pixel", List.of(
                new SearchHit(id, "Pixel Parade", 2025, "TV-Y7", List.of("Animation"), null, 1.5f)), 1);

        assertThat(json.readValue(json.writeValueAsString(rows), HomeRows.class)).isEqualTo(rows);
        assertThat(json.readValue(json.writeValueAsString(results), SearchResults.class)).isEqualTo(results);
    }
}
