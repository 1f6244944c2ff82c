/**
 * The origin (the S3 role): a key–value store of published media objects under {@code ${marquee.home}/origin}.
 * Titles are published atomically: written to a staging area, verified against their checksum manifest and
 * moved into {@code titles/<titleId>} in one rename, so a reader sees a title completely or not at all.
 */
@ApplicationModule(displayName = "Origin")
@NullMarked
package dev.marquee.backend.origin;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
