package dev.marquee.backend.catalog.internal;

import dev.marquee.backend.catalog.CatalogManagement;
import dev.marquee.backend.catalog.Genre;
import dev.marquee.backend.catalog.ViewerContext;
import dev.marquee.backend.topology.LocalInstance;
import dev.marquee.backend.topology.LocalInstances;
import dev.marquee.model.catalog.CatalogPaths;
import dev.marquee.model.catalog.GenreView;
import dev.marquee.model.catalog.HomeRow;
import dev.marquee.model.catalog.HomeRows;
import dev.marquee.model.catalog.TitleCard;
import dev.marquee.model.catalog.TitleDetail;
import dev.marquee.model.catalog.TitlePage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The catalog's read API for the player: pages of titles, one title with its ladder, genres and home rows.
 * Everything is filtered for the viewer's profile; a title a kids profile may not see does not exist for it (404).
 */
@RestController
class CatalogController {

    /** Longest genre slug (column size of catalog_genre.slug). */
    static final int MAX_GENRE_SLUG_LENGTH = 80;

    private final CatalogManagement catalog;
    private final CatalogProperties properties;
    private final HomeRowsCache rowsCache;
    private final LocalInstances instances;

    CatalogController(CatalogManagement catalog, CatalogProperties properties, HomeRowsCache rowsCache,
                      LocalInstances instances) {
        this.catalog = catalog;
        this.properties = properties;
        this.rowsCache = rowsCache;
        this.instances = instances;
    }

    @GetMapping(CatalogPaths.TITLES)
    TitlePage titles(
            ViewerContext viewer,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "" + TitlePage.DEFAULT_SIZE) @Min(1) @Max(TitlePage.MAX_SIZE) int size,
            @RequestParam(required = false) @Size(max = MAX_GENRE_SLUG_LENGTH) @Nullable String genre) {
        List<TitleCard> items = catalog.listTitles(viewer, genre, (long) page * size, size).stream()
                .map(CatalogViews::card)
                .toList();
        return new TitlePage(items, page, size, catalog.countTitles(viewer, genre));
    }

    @GetMapping(CatalogPaths.TITLE)
    TitleDetail title(ViewerContext viewer, @PathVariable UUID titleId) {
        return catalog.findTitle(titleId, viewer)
                .map(CatalogViews::detail)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No title " + titleId));
    }

    @GetMapping(CatalogPaths.GENRES)
    List<GenreView> genres(ViewerContext viewer) {
        return catalog.genres(viewer).stream().map(CatalogViews::genre).toList();
    }

    @GetMapping(CatalogPaths.ROWS)
    HomeRows rows(ViewerContext viewer, HttpServletRequest request) {
        String zone = instances.byPort(request.getLocalPort()).map(LocalInstance::zone).orElse("");
        Optional<HomeRows> cached = rowsCache.get(zone, viewer.kids());
        if (cached.isPresent()) {
            return cached.get();
        }
        HomeRows built = buildRows(viewer);
        rowsCache.put(zone, viewer.kids(), built);
        return built;
    }

    private HomeRows buildRows(ViewerContext viewer) {
        List<HomeRow> rows = new ArrayList<>();
        List<TitleCard> newest = cards(viewer, null);
        if (!newest.isEmpty()) {
            rows.add(new HomeRow(HomeRow.NEW_ID, HomeRow.NEW_LABEL, null, newest));
        }
        for (Genre genre : catalog.genres(viewer).stream().limit(properties.maxGenreRows()).toList()) {
            rows.add(new HomeRow(HomeRow.GENRE_ID_PREFIX + genre.slug(), genre.name(), genre.slug(),
                    cards(viewer, genre.slug())));
        }
        return new HomeRows(rows);
    }

    private List<TitleCard> cards(ViewerContext viewer, @Nullable String genreSlug) {
        return catalog.listTitles(viewer, genreSlug, 0, properties.rowSize()).stream()
                .map(CatalogViews::card)
                .toList();
    }

    /** Names the offending parameters instead of Spring's bare "Validation failure". */
    @ExceptionHandler(HandlerMethodValidationException.class)
    ProblemDetail invalidParameters(HandlerMethodValidationException e) {
        String detail = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream()
                        .map(error -> r.getMethodParameter().getParameterName() + " " + error.getDefaultMessage()))
                .collect(Collectors.joining("; "));
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
    }
}
