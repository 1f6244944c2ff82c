package dev.marquee.model.playback;

import java.time.Instant;
import java.util.UUID;

/**
 * The answer to {@code POST /api/playback/sessions}: everything a player needs to start, and to keep playing
 * when every control-plane region is gone.
 *
 * @param sessionId        the stream session: the same id goes into the licence request, the heartbeats and the
 *                         edge URL signatures
 * @param titleId          the title
 * @param masterPath       signed path of the master playlist on any edge,
 *                         e.g. {@code /titles/<id>/master.m3u8?exp=…&sid=…&sig=…}; edges sign the URIs inside the
 *                         playlists they serve with the same expiry and session, so the player never signs anything
 * @param steering         edges ranked for this client now
 * @param steeringPath     where to ask again after the TTL ({@link PlaybackPaths#STEERING} filled in)
 * @param resumePositionMs where this profile stopped last time, 0 when never
 * @param durationMs       the title's duration
 * @param expiresAt        when the signed URLs stop working (long enough for the whole title plus pauses)
 * @param region           the region whose playback service made this session
 */
public record PlaybackManifest(
        UUID sessionId,
        UUID titleId,
        String masterPath,
        SteeringAnswer steering,
        String steeringPath,
        long resumePositionMs,
        long durationMs,
        Instant expiresAt,
        String region) {
}
