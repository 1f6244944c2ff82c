package dev.marquee.backend.catalog;

/**
 * Published after the catalog has stored (first time) or updated (later times) a title, in the same transaction.
 * Carries the whole title so listeners (search, recommendations) need not call back.
 *
 * @param firstPublication false when an already published title was re-encoded or its metadata changed
 */
public record TitlePublished(CatalogTitle title, boolean firstPublication) {}
