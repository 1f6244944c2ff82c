package dev.marquee.backend.catalog.internal;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code marquee.catalog}.
 *
 * @param artworkRoot   directory that artwork keys are relative to: the origin's root
 * @param artworkMaxAge how long any cache may keep an artwork image; URLs carry the title's revision, so a year
 *                      (the longest value caches honour, RFC 9111) is safe
 * @param rowSize       titles per home row: about three screens of tiles on a 1080p player
 * @param maxGenreRows  genre rows on the home screen, the fullest genres first
 */
@ConfigurationProperties("marquee.catalog")
public record CatalogProperties(
        Path artworkRoot,
        @DefaultValue("365d") Duration artworkMaxAge,
        @DefaultValue("20") int rowSize,
        @DefaultValue("12") int maxGenreRows) {}
