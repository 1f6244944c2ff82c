package dev.marquee.backend.identity.internal;

import dev.marquee.model.identity.DeviceView;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A device row. */
record Device(UUID id, UUID accountId, String name, String keyAlgorithm, String publicKey, Instant registeredAt,
        @Nullable Instant lastSeenAt) {

    DeviceView view() {
        return new DeviceView(id, name, keyAlgorithm, publicKey, registeredAt, lastSeenAt);
    }
}
