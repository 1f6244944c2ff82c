package dev.marquee.backend.license;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What the licence server needs to know about stream sessions, answered by the playback module (which owns them).
 * The interface lives here, not in playback, because playback depends on catalog and edge, which depend on
 * encoding, which depends on this module: a dependency from license to playback would close that cycle.
 * Implementations answer from their own tables; calls are cheap and thread-safe.
 */
public interface PlaybackSessionDirectory {

    /** The session if it exists, belongs to the account and has not ended. */
    Optional<OpenSession> findOpen(UUID accountId, UUID sessionId);

    /** Ids of the account's sessions that have not ended (at most a few dozen: one per recent play). */
    Set<UUID> openSessionIds(UUID accountId);

    /** Whether the account has a session that has not ended for that title. */
    default boolean hasOpenSessionFor(UUID accountId, UUID titleId) {
        return openSessionIds(accountId).stream()
                .flatMap(id -> findOpen(accountId, id).stream())
                .anyMatch(session -> session.titleId().equals(titleId));
    }

    /** A session that has not ended: who plays what. */
    record OpenSession(UUID sessionId, UUID accountId, UUID profileId, UUID titleId) {}
}
