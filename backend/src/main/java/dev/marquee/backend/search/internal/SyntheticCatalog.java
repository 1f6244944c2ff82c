package dev.marquee.backend.search.internal;

import dev.marquee.backend.catalog.CatalogTitle;
import dev.marquee.backend.catalog.MaturityRating;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * Plausible catalog entries for tests and the search benchmark: a handful shaped like the sample catalog, and any
 * number generated from word lists with a seeded random generator (same seed, same catalog). No artwork files.
 */
public final class SyntheticCatalog {
    private SyntheticCatalog() {}

    /** A fixed instant so generated titles are identical across runs. */
    static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

    private static final String[] ADJECTIVES = {"Silent", "Broken", "Golden", "Hidden", "Last", "Crimson", "Frozen",
        "Electric", "Distant", "Hollow", "Burning", "Quiet", "Savage", "Gentle", "Restless", "Forgotten", "Endless",
        "Wicked", "Brave", "Lonely", "Shattered", "Midnight", "Paper", "Iron", "Velvet", "Wild", "Secret", "Northern"};
    private static final String[] NOUNS = {"Harbor", "Engine", "Garden", "Kingdom", "Signal", "River", "Orchard",
        "Lighthouse", "Empire", "Circuit", "Voyage", "Archive", "Frontier", "Carnival", "Station", "Horizon",
        "Labyrinth", "Monsoon", "Cathedral", "Satellite", "Desert", "Forest", "Machine", "Island", "Canyon", "Theory",
        "Winter", "Summer", "Shadow", "Mirror", "Comet", "Parade", "Tide", "Fortress", "Meadow", "Reactor"};
    private static final String[] PLACES = {"Lisbon", "Oslo", "a mining town", "the outer colonies", "Marrakesh",
        "a floating city", "the Arctic", "Kyoto", "a border village", "New Orleans", "a dying star", "Patagonia",
        "a seaside hotel", "the Scottish Highlands", "a submarine", "Buenos Aires", "a boarding school", "Mars"};
    private static final String[] ROLES = {"detective", "chef", "pilot", "teacher", "hacker", "smuggler", "nurse",
        "astronomer", "thief", "violinist", "robot", "journalist", "farmer", "diplomat", "stuntwoman", "beekeeper"};
    private static final String[] GOALS = {"uncovers a conspiracy", "searches for a missing sister",
        "plans one final heist", "falls in love with a rival", "tries to save the family restaurant",
        "races against a deadly storm", "learns to trust again", "outwits a ruthless syndicate",
        "decodes a message from the past", "trains for an impossible race", "protects a mysterious child",
        "builds a machine that should not exist", "confronts an old enemy", "finds a door to another world"};
    private static final String[] FIRST_NAMES = {"Ava", "Noah", "Mila", "Liam", "Zara", "Omar", "Ines", "Kenji",
        "Freya", "Mateo", "Leila", "Tobias", "Nora", "Ravi", "Elena", "Jonas", "Amara", "Felix", "Yara", "Hugo",
        "Sofia", "Idris", "Clara", "Arjun", "Maya", "Lucas", "Esme", "Tariq", "Ingrid", "Diego"};
    private static final String[] LAST_NAMES = {"Okafor", "Lindqvist", "Moreau", "Tanaka", "Castillo", "Novak",
        "Haddad", "Fischer", "O'Brien", "Kowalski", "Silva", "Nakamura", "Adeyemi", "Petrov", "Bianchi", "Larsen",
        "Mendes", "Kaur", "Dubois", "Yilmaz", "Sato", "Brennan", "Varga", "Quinn", "Abara", "Holm"};
    private static final String[] GENRES = {"Drama", "Comedy", "Thriller", "Documentary", "Animation", "Sci-Fi",
        "Romance", "Horror", "Action", "Family", "Crime", "Fantasy"};
    private static final MaturityRating[] RATINGS = MaturityRating.values();

    /** Eight titles like the sample catalog's (fractal zoom, gradients, test cards, noise), with mixed ratings. */
    public static List<CatalogTitle> sampleLike() {
        return List.of(
                title(1, "Mandelbrot Descent", "A camera falls forever into the Mandelbrot set, where every coastline"
                        + " hides another.", List.of("Documentary", "Sci-Fi"), List.of("Ada Quill", "Benoit Varga"),
                        MaturityRating.TV_G, 2024),
                title(2, "Gradient Dreams", "Soft colours drift across an animated sky in a lullaby for tired eyes.",
                        List.of("Animation", "Family"), List.of("Lena Sunder", "Pip Marlow"), MaturityRating.TV_Y, 2023),
                title(3, "Test Card Symphony", "Bars, tones and circles perform the broadcast engineer's favourite"
                        + " overture.", List.of("Comedy", "Documentary"), List.of("Otto Haddad"), MaturityRating.G,
                        2022),
                title(4, "Static Storm", "Noise swallows a coastal town as a night-shift radio operator hunts the"
                        + " source of the signal.", List.of("Thriller", "Horror"), List.of("Ravi Castillo",
                        "Mira Okafor"), MaturityRating.TV_MA, 2025),
                title(5, "Night Shift Neon", "Two couriers race across a rain-soaked city to deliver a stolen drive.",
                        List.of("Action", "Crime"), List.of("Jonas Petrov", "Amara Quinn"), MaturityRating.R, 2024),
                title(6, "The Orbit Garden", "A botanist on a space station grows the last apple tree.",
                        List.of("Sci-Fi", "Drama"), List.of("Ingrid Holm"), MaturityRating.PG, 2021),
                title(7, "Pixel Parade", "Tiny squares march, dance and build a city in a celebration of colour.",
                        List.of("Animation", "Family"), List.of("Kenji Sato"), MaturityRating.TV_Y7, 2025),
                title(8, "Ember Falls", "A firefighter returns to the valley that burned her childhood home.",
                        List.of("Drama"), List.of("Clara Brennan", "Hugo Dubois"), MaturityRating.TV_14, 2020));
    }

    private static CatalogTitle title(int n, String name, String synopsis, List<String> genres, List<String> cast,
            MaturityRating rating, int year) {
        UUID id = new UUID(0x5a3b1e_0000L, n);
        return new CatalogTitle(id, name, synopsis, year, rating, Duration.ofSeconds(60), genres, cast,
                List.of(new CatalogTitle.Artwork("poster", 1, "titles/" + id + "/artwork/poster-1.jpg", 400, 600)),
                List.of(), "titles/" + id + "/master.m3u8", EPOCH.plusSeconds(n), 1);
    }

    /** {@code count} generated titles; the same seed gives the same titles. */
    public static List<CatalogTitle> generate(int count, long seed) {
        RandomGenerator random = new Random(seed);
        List<CatalogTitle> titles = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String name = random.nextInt(3) == 0
                    ? "The " + pick(random, ADJECTIVES) + " " + pick(random, NOUNS)
                    : pick(random, ADJECTIVES) + " " + pick(random, NOUNS) + (random.nextInt(4) == 0
                            ? " of " + pick(random, PLACES).replace("a ", "").replace("the ", "") : "");
            String synopsis = "In " + pick(random, PLACES) + ", a " + pick(random, ROLES).toLowerCase() + " "
                    + pick(random, GOALS) + ". Meanwhile a " + pick(random, ROLES) + " " + pick(random, GOALS) + ".";
            List<String> cast = new ArrayList<>();
            for (int c = 0, n = 1 + random.nextInt(4); c < n; c++) {
                cast.add(pick(random, FIRST_NAMES) + " " + pick(random, LAST_NAMES));
            }
            List<String> genres = random.ints(1 + random.nextInt(2), 0, GENRES.length).distinct()
                    .mapToObj(g -> GENRES[g]).toList();
            UUID id = new UUID(random.nextLong(), random.nextLong());
            titles.add(new CatalogTitle(id, name, synopsis, 1960 + random.nextInt(66), RATINGS[random.nextInt(
                    RATINGS.length)], Duration.ofMinutes(20 + random.nextInt(140)), genres, cast,
                    List.of(new CatalogTitle.Artwork("poster", 1, "titles/" + id + "/artwork/poster-1.jpg", 400, 600)),
                    List.of(), "titles/" + id + "/master.m3u8", EPOCH.minusSeconds(i), 1));
        }
        return titles;
    }

    private static String pick(RandomGenerator random, String[] words) {
        return words[random.nextInt(words.length)];
    }
}
