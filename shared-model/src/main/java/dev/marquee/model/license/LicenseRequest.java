package dev.marquee.model.license;

import java.util.Objects;
import java.util.UUID;

/**
 * What a player sends to get (or renew) the licence of one title for one playback session.
 * The account comes from the bearer token, not from the body.
 *
 * @param titleId          the title to play
 * @param deviceId         {@link LicenseCodec#deviceId(byte[])} of {@code devicePublicKey}; the server checks it
 * @param sessionId        the playback session; a renewal sends the same id and does not count as a new stream
 * @param devicePublicKey  base64 of the device's EC P-256 public key, X.509 encoding (the private key never
 *                         leaves the device)
 */
public record LicenseRequest(UUID titleId, String deviceId, UUID sessionId, String devicePublicKey) {

    public LicenseRequest {
        Objects.requireNonNull(titleId, "titleId");
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(devicePublicKey, "devicePublicKey");
    }
}
