package dev.marquee.backend.search.internal;

import dev.marquee.backend.catalog.ViewerContext;
import dev.marquee.backend.search.SearchIndex;
import dev.marquee.model.search.SearchPaths;
import dev.marquee.model.search.SearchResults;
import dev.marquee.model.search.Suggestions;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Search and typeahead for the player, filtered for the viewer's profile. The query is text, not syntax. */
@RestController
class SearchController {

    private final SearchIndex index;

    SearchController(SearchIndex index) {
        this.index = index;
    }

    @GetMapping(SearchPaths.SEARCH)
    SearchResults search(
            ViewerContext viewer,
            @RequestParam @NotBlank @Size(max = SearchPaths.MAX_QUERY_LENGTH) String q,
            @RequestParam(defaultValue = "" + SearchPaths.DEFAULT_LIMIT) @Min(1) @Max(SearchPaths.MAX_LIMIT)
                    int limit) {
        return index.search(q, limit, viewer);
    }

    @GetMapping(SearchPaths.SUGGEST)
    Suggestions suggest(
            ViewerContext viewer,
            @RequestParam @NotBlank @Size(max = SearchPaths.MAX_QUERY_LENGTH) String q,
            @RequestParam(defaultValue = "" + SearchPaths.DEFAULT_SUGGEST_LIMIT) @Min(1) @Max(SearchPaths.MAX_LIMIT)
                    int limit) {
        return index.suggest(q, limit, viewer);
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
