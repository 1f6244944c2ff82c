package dev.marquee.backend.edge;

/**
 * Expected demand for one title in one region: the input of a fill plan.
 *
 * @param score relative popularity (higher first); only the order and the ratios matter
 */
public record TitleDemand(String titleId, double score) {}
