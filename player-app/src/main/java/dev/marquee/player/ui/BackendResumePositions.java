package dev.marquee.player.ui;

import dev.marquee.model.playback.ResumePosition;
import dev.marquee.player.api.ApiException;
import dev.marquee.player.api.PlaybackApi;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Resume positions from the backend's Continue Watching list for one profile (positions come from the players'
 * heartbeats). The home screen asks for every title of its rows at once, so the list is fetched once and kept for
 * {@link #FRESH_FOR}; a failure means "nothing to resume" rather than a broken home screen. Called from the
 * background executor.
 */
final class BackendResumePositions implements ResumePositions {
    /** Long enough to serve one home-screen build from one request, short enough to see a position just saved. */
    static final Duration FRESH_FOR = Duration.ofSeconds(5);

    private final PlaybackApi api;
    private final UUID profileId;
    private final InstantSource clock;
    private List<ResumePosition> positions = List.of();
    private Instant fetchedAt = Instant.MIN;

    BackendResumePositions(PlaybackApi api, UUID profileId, InstantSource clock) {
        this.api = api;
        this.profileId = profileId;
        this.clock = clock;
    }

    @Override
    public Optional<Duration> resumeAt(UUID titleId) {
        return current().stream().filter(p -> p.titleId().equals(titleId)).findFirst()
                .map(p -> Duration.ofMillis(p.positionMs()));
    }

    private synchronized List<ResumePosition> current() {
        Instant now = clock.instant();
        if (fetchedAt.equals(Instant.MIN) || !now.isBefore(fetchedAt.plus(FRESH_FOR))) {
            try {
                positions = api.continueWatching(profileId);
            } catch (ApiException e) {
                positions = List.of(); // resume is a nicety: browsing goes on without it
            }
            fetchedAt = now;
        }
        return positions;
    }
}
