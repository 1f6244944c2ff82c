/**
 * The licence wire format between the player's {@code DrmEngine} and the backend's {@code license} module:
 * request, licence, canonical signed bytes and the key-wrapping scheme. Documented in
 * {@code docs/player-engine.md}; both sides use {@link dev.marquee.model.license.LicenseCodec} so they agree
 * byte for byte.
 */
@NullMarked
package dev.marquee.model.license;

import org.jspecify.annotations.NullMarked;
