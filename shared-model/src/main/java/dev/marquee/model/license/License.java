package dev.marquee.model.license;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A signed licence: one title's content key wrapped for one device, with an expiry and a policy.
 * The signature covers {@link LicenseCodec#canonicalBytes(License)} (every field but the signature).
 *
 * @param version               wire version, {@link LicenseCodec#VERSION}
 * @param licenseId             unique per issued licence
 * @param titleId               the title
 * @param deviceId              the device the key is wrapped for
 * @param sessionId             the playback session it was issued to
 * @param keyId                 which content key (the {@code EXT-X-KEY} URI's last path segment)
 * @param ephemeralPublicKey    base64 X.509 encoding of the server's one-off EC P-256 key for ECDH
 * @param wrappedKey            base64 of {@code nonce(12) ‖ AES-256-GCM(content key) ‖ tag(16)}
 * @param issuedAt              server time of issue
 * @param expiresAt             after this the player must not decrypt with it
 * @param maxHeight             policy: highest rung height the player may fetch, pixels
 * @param maxConcurrentStreams  policy: the account's concurrent-stream limit (informational for the player)
 * @param signature             base64 Ed25519 signature over the canonical bytes
 */
public record License(int version, UUID licenseId, UUID titleId, String deviceId, UUID sessionId, String keyId,
                      String ephemeralPublicKey, String wrappedKey, Instant issuedAt, Instant expiresAt,
                      int maxHeight, int maxConcurrentStreams, String signature) {

    public License {
        Objects.requireNonNull(licenseId, "licenseId");
        Objects.requireNonNull(titleId, "titleId");
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(ephemeralPublicKey, "ephemeralPublicKey");
        Objects.requireNonNull(wrappedKey, "wrappedKey");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(signature, "signature");
    }

    /** The same licence with another signature (servers sign a licence built with an empty one). */
    public License withSignature(String newSignature) {
        return new License(version, licenseId, titleId, deviceId, sessionId, keyId, ephemeralPublicKey, wrappedKey,
                issuedAt, expiresAt, maxHeight, maxConcurrentStreams, newSignature);
    }
}
