/**
 * Search: full-text search over the catalog's titles (title, synopsis, cast, genres) tolerant of typos, and
 * typeahead suggestions, both filtered for kids profiles. The index follows the catalog through
 * {@link dev.marquee.backend.catalog.TitlePublished} and is rebuilt from the catalog when it is missing or
 * unreadable; the catalog stays the source of truth.
 */
@ApplicationModule(displayName = "Search")
@NullMarked
package dev.marquee.backend.search;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
