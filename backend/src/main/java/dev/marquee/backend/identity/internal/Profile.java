package dev.marquee.backend.identity.internal;

import dev.marquee.model.identity.ProfileView;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A profile row. */
record Profile(UUID id, UUID accountId, String name, boolean kids, String avatar, @Nullable String pinHash,
        PinLock pinLock, Instant createdAt) {

    static final String DEFAULT_AVATAR = "default";

    ProfileView view(Instant now) {
        return new ProfileView(id, name, kids, pinHash != null, pinLock.lockedAt(now), avatar);
    }
}
