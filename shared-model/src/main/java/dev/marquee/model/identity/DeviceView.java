package dev.marquee.model.identity;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A registered device.
 *
 * @param keyAlgorithm "RSA" or "EC"
 * @param publicKey    base64 X.509 SubjectPublicKeyInfo, as registered
 * @param lastSeenAt   the last time the device was used for a licence, if ever
 */
public record DeviceView(
        UUID id,
        String name,
        String keyAlgorithm,
        String publicKey,
        Instant registeredAt,
        @Nullable Instant lastSeenAt) {}
