package dev.marquee.backend.platform;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;

/**
 * Paths that need no access token, contributed by the module that serves them.
 * Declare one as a bean in your module's configuration, e.g.
 * {@code @Bean PublicPaths artworkIsPublic() { return PublicPaths.get("/api/artwork/**"); }};
 * the security configuration collects every such bean. Paths under {@code /api/ops} are never public.
 *
 * @param method   the HTTP method they are public for, or {@code null} for every method
 * @param patterns Spring path patterns such as {@code /api/auth/sign-in} or {@code /api/artwork/**}
 */
public record PublicPaths(@Nullable HttpMethod method, List<String> patterns) {

    public PublicPaths {
        patterns = List.copyOf(patterns);
        if (patterns.isEmpty()) {
            throw new IllegalArgumentException("PublicPaths needs at least one pattern");
        }
    }

    /** Public for every method. */
    public static PublicPaths of(String... patterns) {
        return new PublicPaths(null, List.of(patterns));
    }

    /** Public for GET (and HEAD) only. */
    public static PublicPaths get(String... patterns) {
        return new PublicPaths(HttpMethod.GET, List.of(patterns));
    }
}
