/**
 * Catalog: published titles with their metadata, genres, cast, artwork, maturity ratings and rendition ladders.
 * Publishes a title when encoding completes ({@code EncodingCompleted} → {@link dev.marquee.backend.catalog.TitlePublished});
 * serves the titles, the home rows and the artwork over HTTP. It does not encode, store media or decide who may play.
 */
@ApplicationModule(displayName = "Catalog")
@NullMarked
package dev.marquee.backend.catalog;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
