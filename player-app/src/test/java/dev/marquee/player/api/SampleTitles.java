package dev.marquee.player.api;

import dev.marquee.model.catalog.ArtworkView;
import dev.marquee.model.catalog.CatalogPaths;
import dev.marquee.model.catalog.RenditionView;
import dev.marquee.model.catalog.TitleCard;
import dev.marquee.model.catalog.TitleDetail;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A small made-up catalog for tests and the demo: a dozen titles over four genres, two of them for kids. */
public final class SampleTitles {
    private SampleTitles() {}

    /** The ladder every sample title has, lowest first, like the encoding service's default ladder. */
    public static final List<RenditionView> LADDER = List.of(
            new RenditionView(640, 360, 800_000, "avc1.64001e,mp4a.40.2", 0.962, "SSIM"),
            new RenditionView(1280, 720, 3_000_000, "avc1.64001f,mp4a.40.2", 0.981, "SSIM"),
            new RenditionView(1920, 1080, 5_800_000, "avc1.640028,mp4a.40.2", 0.989, "SSIM"));

    public static final TitleDetail STARFALL = title("Starfall", 2024, "PG-13", 6720, List.of("Science Fiction", "Drama"),
            "A salvage pilot finds a derelict ship that still answers her calls.", List.of("Mara Quinn", "Theo Vance"));
    public static final TitleDetail STARLIGHT_EXPRESS = title("Starlight Express", 2021, "TV-Y", 5400, List.of("Animation"),
            "Little trains race across the night sky to deliver the morning.", List.of("Pip Larsen"));

    public static final List<TitleDetail> ALL = List.of(
            STARFALL,
            title("Harbour Lights", 2023, "TV-14", 3000, List.of("Drama"),
                    "A lighthouse keeper's daughter returns to a town that never forgave her.", List.of("Ines Moreau")),
            title("The Quiet Orbit", 2022, "PG", 5880, List.of("Science Fiction"),
                    "Two astronauts, one radio, and ninety days until the resupply.", List.of("Kofi Mensah", "Lena Roth")),
            STARLIGHT_EXPRESS,
            title("Paper Boats", 2020, "TV-G", 4200, List.of("Animation", "Family"),
                    "A rainy afternoon becomes a voyage across the neighbourhood.", List.of("Ada Brooks")),
            title("Night Shift", 2025, "TV-MA", 2700, List.of("Thriller"),
                    "A hospital at 3 a.m. keeps more secrets than patients.", List.of("Sam Okoro", "June Park")),
            title("Cold Trail", 2019, "R", 6900, List.of("Thriller", "Drama"),
                    "A tracker follows footprints that should not exist.", List.of("Erik Dahl")),
            title("Signal Lost", 2024, "PG-13", 6000, List.of("Science Fiction", "Thriller"),
                    "The last message from the colony was a lullaby.", List.of("Mara Quinn")),
            title("Garden of Clocks", 2018, "PG", 5100, List.of("Family", "Drama"),
                    "Every flower in grandmother's garden tells a different time.", List.of("Rosa Lind")));

    public static TitleDetail title(String name, int year, String rating, int durationSeconds, List<String> genres,
                                    String synopsis, List<String> cast) {
        UUID id = UUID.nameUUIDFromBytes(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String poster = CatalogPaths.ARTWORK + "/" + id + "/poster-1.jpg";
        String backdrop = CatalogPaths.ARTWORK + "/" + id + "/backdrop-1.jpg";
        TitleCard card = new TitleCard(id, name, year, rating, durationSeconds, genres, poster, backdrop, List.of(
                new ArtworkView(ArtworkView.POSTER, 1, 400, 600, poster),
                new ArtworkView(ArtworkView.BACKDROP, 1, 1280, 720, backdrop)));
        return new TitleDetail(card, synopsis, cast, Instant.parse("2026-01-01T00:00:00Z"), "titles/" + id + "/master.m3u8", LADDER);
    }

    /** Kids profiles see TV-Y, TV-Y7, TV-G, G, TV-PG and PG, as the catalog's filter does. */
    public static boolean suitableForKids(TitleCard card) {
        return List.of("TV-Y", "TV-Y7", "TV-G", "G", "TV-PG", "PG").contains(card.maturityRating());
    }
}
