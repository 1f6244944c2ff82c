/**
 * The licence service. This part holds the per-title AES-128 content keys: it generates them, keeps them
 * encrypted at rest under a key-encryption key, and delivers them to authenticated HLS clients
 * ({@code EXT-X-KEY}). The DRM-like device licence (key wrapped for a device's key pair, signed, with policy)
 * builds on {@link dev.marquee.backend.license.ContentKeys}; it is not here yet.
 */
@ApplicationModule(displayName = "License")
@NullMarked
package dev.marquee.backend.license;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
