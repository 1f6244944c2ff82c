package dev.marquee.backend.playback.internal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A row of {@code playback_sessions}. */
record StreamSession(UUID id, UUID accountId, UUID profileId, UUID titleId, String region, @Nullable String isp,
                     Instant expiresAt, Instant createdAt, Instant lastSeenAt, @Nullable Instant endedAt) {

    boolean ended() {
        return endedAt != null;
    }
}
