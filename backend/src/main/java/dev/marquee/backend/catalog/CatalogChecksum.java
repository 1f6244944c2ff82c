package dev.marquee.backend.catalog;

/**
 * A cheap summary of the catalog's state that changes whenever a title is published or updated: the number of
 * titles and the sum of their revisions. A copy (such as a search index) whose checksum differs has missed a
 * publication.
 */
public record CatalogChecksum(long titles, long revisions) {}
