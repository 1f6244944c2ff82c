package dev.marquee.backend.catalog.internal;

import dev.marquee.backend.catalog.CatalogChecksum;
import dev.marquee.backend.catalog.CatalogTitle;
import dev.marquee.backend.catalog.CatalogTitle.Artwork;
import dev.marquee.backend.catalog.CatalogTitle.Rendition;
import dev.marquee.backend.catalog.Genre;
import dev.marquee.backend.catalog.MaturityRating;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The catalog's tables (V200): titles and their genres, cast, artwork and renditions. Reads assemble whole
 * {@link CatalogTitle}s with one query per child table for a batch of titles (no N+1). Callers hold the
 * transaction; this class opens none.
 */
@Repository
public class CatalogStore {

    private static final String TITLE_COLUMNS = "id, title, synopsis, release_year, maturity_rating, duration_ms,"
            + " master_playlist_key, published_at, revision";

    private final JdbcClient jdbc;

    CatalogStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Publication time and revision of a stored title, if it is stored. */
    record Stored(Instant publishedAt, int revision) {}

    Optional<Stored> findStored(UUID id) {
        return jdbc.sql("SELECT published_at, revision FROM catalog_title WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> new Stored(instant(rs, "published_at"), rs.getInt("revision")))
                .optional();
    }

    /** Inserts the title or, if its id is stored, replaces it with its children; publication time stays. */
    void save(CatalogTitle t, Instant now, boolean insert) {
        String sql = insert
                ? "INSERT INTO catalog_title (id, title, synopsis, release_year, maturity_rating, duration_ms,"
                        + " master_playlist_key, published_at, updated_at, revision) VALUES (:id, :title, :synopsis,"
                        + " :year, :rating, :durationMs, :master, :publishedAt, :updatedAt, :revision)"
                : "UPDATE catalog_title SET title = :title, synopsis = :synopsis, release_year = :year,"
                        + " maturity_rating = :rating, duration_ms = :durationMs, master_playlist_key = :master,"
                        + " published_at = :publishedAt, updated_at = :updatedAt, revision = :revision WHERE id = :id";
        jdbc.sql(sql)
                .param("id", t.id())
                .param("title", t.title())
                .param("synopsis", t.synopsis())
                .param("year", t.year())
                .param("rating", t.maturityRating().label())
                .param("durationMs", t.duration().toMillis())
                .param("master", t.masterPlaylistKey())
                .param("publishedAt", utc(t.publishedAt()))
                .param("updatedAt", utc(now))
                .param("revision", t.revision())
                .update();
        replaceChildren(t);
    }

    private void replaceChildren(CatalogTitle t) {
        for (String table : List.of("catalog_title_genre", "catalog_cast", "catalog_artwork", "catalog_rendition")) {
            jdbc.sql("DELETE FROM " + table + " WHERE title_id = :id").param("id", t.id()).update();
        }
        int position = 0;
        for (String genre : t.genres()) {
            String slug = Genre.slugOf(genre);
            // The first spelling of a genre names it; "Sci-Fi" and "sci fi" share one slug.
            jdbc.sql("INSERT INTO catalog_genre (slug, name) SELECT :slug, :name"
                            + " WHERE NOT EXISTS (SELECT 1 FROM catalog_genre WHERE slug = :slug)")
                    .param("slug", slug)
                    .param("name", genre)
                    .update();
            jdbc.sql("INSERT INTO catalog_title_genre (title_id, genre_slug, position) VALUES (:id, :slug, :position)")
                    .param("id", t.id())
                    .param("slug", slug)
                    .param("position", position++)
                    .update();
        }
        position = 0;
        for (String name : t.cast()) {
            jdbc.sql("INSERT INTO catalog_cast (title_id, position, name) VALUES (:id, :position, :name)")
                    .param("id", t.id())
                    .param("position", position++)
                    .param("name", name)
                    .update();
        }
        for (Artwork a : t.artwork()) {
            jdbc.sql("INSERT INTO catalog_artwork (title_id, kind, variant, origin_key, width, height)"
                            + " VALUES (:id, :kind, :variant, :key, :width, :height)")
                    .param("id", t.id())
                    .param("kind", a.kind())
                    .param("variant", a.variant())
                    .param("key", a.originKey())
                    .param("width", a.width())
                    .param("height", a.height())
                    .update();
        }
        position = 0;
        for (Rendition r : t.renditions()) {
            jdbc.sql("INSERT INTO catalog_rendition (title_id, position, width, height, bitrate_bps, codecs,"
                            + " quality_score, quality_metric) VALUES (:id, :position, :width, :height, :bitrate,"
                            + " :codecs, :score, :metric)")
                    .param("id", t.id())
                    .param("position", position++)
                    .param("width", r.width())
                    .param("height", r.height())
                    .param("bitrate", r.bitrateBps())
                    .param("codecs", r.codecs())
                    .param("score", r.qualityScore())
                    .param("metric", r.qualityMetric())
                    .update();
        }
    }

    public Optional<CatalogTitle> find(UUID id) {
        return withChildren(jdbc.sql("SELECT " + TITLE_COLUMNS + " FROM catalog_title WHERE id = :id")
                        .param("id", id)
                        .query(CatalogStore::titleRow)
                        .list())
                .stream()
                .findFirst();
    }

    /** Titles with one of the allowed ratings (and in the genre, if given), newest first. */
    public List<CatalogTitle> page(Collection<String> allowedRatings, @Nullable String genreSlug, long offset, int limit) {
        return withChildren(jdbc.sql("SELECT " + TITLE_COLUMNS + " FROM catalog_title t WHERE "
                        + filter(genreSlug) + " ORDER BY published_at DESC, id LIMIT :limit OFFSET :offset")
                .param("ratings", allowedRatings)
                .param("genre", genreSlug)
                .param("limit", limit)
                .param("offset", offset)
                .query(CatalogStore::titleRow)
                .list());
    }

    public long count(Collection<String> allowedRatings, @Nullable String genreSlug) {
        return jdbc.sql("SELECT COUNT(*) FROM catalog_title t WHERE " + filter(genreSlug))
                .param("ratings", allowedRatings)
                .param("genre", genreSlug)
                .query(Long.class)
                .single();
    }

    private static String filter(@Nullable String genreSlug) {
        return "maturity_rating IN (:ratings)" + (genreSlug == null ? "" : " AND EXISTS (SELECT 1 FROM"
                + " catalog_title_genre g WHERE g.title_id = t.id AND g.genre_slug = :genre)");
    }

    /** Genres with at least one title of an allowed rating; most titles first, then by name. */
    public List<Genre> genres(Collection<String> allowedRatings) {
        return jdbc.sql("SELECT g.slug, g.name, COUNT(*) AS titles FROM catalog_genre g"
                        + " JOIN catalog_title_genre tg ON tg.genre_slug = g.slug"
                        + " JOIN catalog_title t ON t.id = tg.title_id"
                        + " WHERE t.maturity_rating IN (:ratings)"
                        + " GROUP BY g.slug, g.name ORDER BY titles DESC, g.name")
                .param("ratings", allowedRatings)
                .query((rs, n) -> new Genre(rs.getString("slug"), rs.getString("name"), rs.getInt("titles")))
                .list();
    }

    public List<CatalogTitle> all() {
        return withChildren(jdbc.sql("SELECT " + TITLE_COLUMNS + " FROM catalog_title ORDER BY published_at DESC, id")
                .query(CatalogStore::titleRow)
                .list());
    }

    /** Origin key of one artwork image of a title. */
    Optional<String> artworkKey(UUID titleId, String kind, int variant) {
        return jdbc.sql("SELECT origin_key FROM catalog_artwork WHERE title_id = :id AND kind = :kind"
                        + " AND variant = :variant")
                .param("id", titleId)
                .param("kind", kind)
                .param("variant", variant)
                .query(String.class)
                .optional();
    }

    public CatalogChecksum checksum() {
        return jdbc.sql("SELECT COUNT(*) AS titles, COALESCE(SUM(revision), 0) AS revisions FROM catalog_title")
                .query((rs, n) -> new CatalogChecksum(rs.getLong("titles"), rs.getLong("revisions")))
                .single();
    }

    public long countAll() {
        return jdbc.sql("SELECT COUNT(*) FROM catalog_title").query(Long.class).single();
    }

    /** A title's row without its children; {@link #withChildren} completes it. */
    private record TitleRow(
            UUID id, String title, String synopsis, int year, MaturityRating rating, Duration duration,
            String master, Instant publishedAt, int revision) {}

    private static TitleRow titleRow(ResultSet rs, int rowNum) throws SQLException {
        return new TitleRow(
                rs.getObject("id", UUID.class),
                rs.getString("title"),
                rs.getString("synopsis"),
                rs.getInt("release_year"),
                MaturityRating.parse(rs.getString("maturity_rating")),
                Duration.ofMillis(rs.getLong("duration_ms")),
                rs.getString("master_playlist_key"),
                instant(rs, "published_at"),
                rs.getInt("revision"));
    }

    private List<CatalogTitle> withChildren(List<TitleRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = rows.stream().map(TitleRow::id).toList();
        Map<UUID, List<String>> genres = children(
                "SELECT tg.title_id, g.name FROM catalog_title_genre tg JOIN catalog_genre g ON g.slug = tg.genre_slug"
                        + " WHERE tg.title_id IN (:ids) ORDER BY tg.title_id, tg.position",
                ids, (rs, n) -> rs.getString("name"));
        Map<UUID, List<String>> cast = children(
                "SELECT title_id, name FROM catalog_cast WHERE title_id IN (:ids) ORDER BY title_id, position",
                ids, (rs, n) -> rs.getString("name"));
        Map<UUID, List<Artwork>> artwork = children(
                "SELECT * FROM catalog_artwork WHERE title_id IN (:ids) ORDER BY title_id, kind, variant",
                ids, (rs, n) -> new Artwork(rs.getString("kind"), rs.getInt("variant"), rs.getString("origin_key"),
                        rs.getInt("width"), rs.getInt("height")));
        Map<UUID, List<Rendition>> renditions = children(
                "SELECT * FROM catalog_rendition WHERE title_id IN (:ids) ORDER BY title_id, position",
                ids, (rs, n) -> new Rendition(rs.getInt("width"), rs.getInt("height"), rs.getLong("bitrate_bps"),
                        rs.getString("codecs"), rs.getDouble("quality_score"), rs.getString("quality_metric")));
        List<CatalogTitle> titles = new ArrayList<>(rows.size());
        for (TitleRow r : rows) {
            titles.add(new CatalogTitle(r.id(), r.title(), r.synopsis(), r.year(), r.rating(), r.duration(),
                    genres.getOrDefault(r.id(), List.of()), cast.getOrDefault(r.id(), List.of()),
                    artwork.getOrDefault(r.id(), List.of()), renditions.getOrDefault(r.id(), List.of()),
                    r.master(), r.publishedAt(), r.revision()));
        }
        return titles;
    }

    /** Maps each child row to its title id; {@code sql} selects {@code title_id} and filters {@code IN (:ids)}. */
    private <T> Map<UUID, List<T>> children(
            String sql, List<UUID> ids, org.springframework.jdbc.core.RowMapper<T> mapper) {
        Map<UUID, List<T>> byTitle = new LinkedHashMap<>();
        jdbc.sql(sql).param("ids", ids).query((ResultSet rs) -> {
            UUID titleId = rs.getObject("title_id", UUID.class);
            byTitle.computeIfAbsent(titleId, k -> new ArrayList<>()).add(mapper.mapRow(rs, 0));
        });
        return byTitle;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
