package dev.marquee.player.api;

import dev.marquee.model.catalog.CatalogPaths;
import dev.marquee.model.catalog.HomeRow;
import dev.marquee.model.catalog.HomeRows;
import dev.marquee.model.catalog.TitleCard;
import dev.marquee.model.catalog.TitleDetail;
import dev.marquee.model.search.SearchHit;
import dev.marquee.model.search.SearchResults;
import dev.marquee.model.search.Suggestion;
import dev.marquee.model.search.Suggestions;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okio.Buffer;

/**
 * The catalog and search half of {@link FakeBackend}: serves rows, titles, suggestions, results and artwork
 * from a list of {@link TitleDetail}s the way the real services shape them, filtering for kids on the header.
 * Search here is a plain substring match; typo tolerance is the real backend's business.
 */
final class FakeCatalog {
    private volatile List<TitleDetail> titles = List.of();
    private volatile int failWith;
    private final Map<String, byte[]> artwork = new ConcurrentHashMap<>();
    final AtomicInteger artworkRequests = new AtomicInteger();
    final List<String> kidsHeaders = java.util.Collections.synchronizedList(new ArrayList<>());

    void publish(List<TitleDetail> published) {
        titles = List.copyOf(published);
    }

    void failWith(int status) {
        failWith = status;
    }

    Optional<MockResponse> dispatch(RecordedRequest request, String path, FakeBackend backend) {
        if (path.startsWith(CatalogPaths.ARTWORK + "/")) {
            return Optional.of(artwork(path));
        }
        if (!path.startsWith(CatalogPaths.CATALOG) && !path.startsWith("/api/search")) {
            return Optional.empty();
        }
        if (!backend.authorised(request)) {
            return Optional.of(FakeBackend.problem(401, "Sign in first."));
        }
        if (failWith != 0) {
            return Optional.of(FakeBackend.problem(failWith, "Catalog database unavailable."));
        }
        String kidsHeader = request.getHeaders().get(CatalogPaths.PROFILE_KIDS_HEADER);
        kidsHeaders.add(String.valueOf(kidsHeader));
        boolean kids = "true".equals(kidsHeader);
        List<TitleDetail> visible = titles.stream().filter(t -> !kids || SampleTitles.suitableForKids(t.card())).toList();
        String q = Optional.ofNullable(request.getUrl().queryParameter("q")).orElse("").toLowerCase(Locale.ROOT);
        if (path.equals(CatalogPaths.ROWS)) {
            return Optional.of(backend.ok(rows(visible)));
        }
        if (path.equals("/api/search/suggest")) {
            return Optional.of(backend.ok(new Suggestions(q, visible.stream()
                    .filter(t -> t.card().title().toLowerCase(Locale.ROOT).contains(q))
                    .map(t -> new Suggestion(t.card().id(), t.card().title(), t.card().posterUrl())).toList())));
        }
        if (path.equals("/api/search")) {
            List<SearchHit> hits = visible.stream().filter(t -> matches(t, q)).map(t -> new SearchHit(t.card().id(),
                    t.card().title(), t.card().year(), t.card().maturityRating(), t.card().genres(), t.card().posterUrl(), 1f)).toList();
            return Optional.of(backend.ok(new SearchResults(q, hits, hits.size())));
        }
        if (path.startsWith(CatalogPaths.TITLES + "/")) {
            String id = path.substring(path.lastIndexOf('/') + 1);
            return Optional.of(visible.stream().filter(t -> t.card().id().toString().equals(id)).findFirst()
                    .map(backend::ok).orElse(FakeBackend.problem(404, "No title " + id)));
        }
        return Optional.empty();
    }

    private static boolean matches(TitleDetail t, String q) {
        String all = (t.card().title() + " " + t.synopsis() + " " + String.join(" ", t.cast()) + " "
                + String.join(" ", t.card().genres())).toLowerCase(Locale.ROOT);
        return !q.isBlank() && all.contains(q);
    }

    private static HomeRows rows(List<TitleDetail> visible) {
        if (visible.isEmpty()) {
            return new HomeRows(List.of());
        }
        List<HomeRow> rows = new ArrayList<>();
        rows.add(new HomeRow(HomeRow.NEW_ID, HomeRow.NEW_LABEL, null, visible.stream().map(TitleDetail::card).toList()));
        Map<String, List<TitleCard>> byGenre = new TreeMap<>();
        visible.forEach(t -> t.card().genres().forEach(g -> byGenre.computeIfAbsent(g, k -> new ArrayList<>()).add(t.card())));
        byGenre.forEach((genre, cards) -> {
            String slug = genre.toLowerCase(Locale.ROOT).replace(' ', '-');
            rows.add(new HomeRow(HomeRow.GENRE_ID_PREFIX + slug, genre, slug, cards));
        });
        return new HomeRows(rows);
    }

    private MockResponse artwork(String path) {
        artworkRequests.incrementAndGet();
        Optional<TitleDetail> owner = titles.stream()
                .filter(t -> t.card().artwork().stream().anyMatch(a -> a.url().equals(path))).findFirst();
        if (owner.isEmpty()) {
            return FakeBackend.problem(404, "No artwork " + path);
        }
        boolean poster = path.contains("/poster-");
        byte[] jpeg = artwork.computeIfAbsent(path, p -> paint(owner.get().card().title(), poster));
        return new MockResponse.Builder().code(200)
                .addHeader("Content-Type", "image/jpeg")
                .addHeader("Cache-Control", "public, max-age=31536000, immutable")
                .body(new Buffer().write(jpeg))
                .build();
    }

    /** A JPEG with a gradient in a colour of the title's own and its name: enough to see it is the right one. */
    static byte[] paint(String title, boolean poster) {
        int width = poster ? 400 : 1280;
        int height = poster ? 600 : 720;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        float hue = (title.hashCode() & 0xffff) / 65535f;
        g.setPaint(new GradientPaint(0, 0, Color.getHSBColor(hue, 0.65f, 0.75f), width, height,
                Color.getHSBColor((hue + 0.15f) % 1, 0.8f, 0.22f)));
        g.fillRect(0, 0, width, height);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(255, 255, 255, 230));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, poster ? 44 : 72));
        int y = poster ? height - 120 : height - 160;
        for (String word : title.toUpperCase(Locale.ROOT).split(" ")) {
            g.drawString(word, poster ? 28 : 60, y);
            y += poster ? 50 : 80;
        }
        g.dispose();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "jpg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
