package dev.marquee.backend.events;

import dev.marquee.model.events.PlaybackHeartbeat;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A validated player heartbeat with the account that sent it, as recorded on {@link Topics#PLAYBACK_HEARTBEATS}
 * (keyed by session). The record's log timestamp is its arrival time, which the metrics windows use.
 *
 * <p>Two regions: the heartbeat's own {@link PlaybackHeartbeat#region()} is the session's, where it was opened
 * (the player keeps reporting it); {@code servingRegion} is where this heartbeat arrived, which differs after the
 * player failed over to another region's gateway. Use {@link #regionServedNow()} for what depends on where the
 * viewer is served now (the cache its next reads go to, QoE per region), the heartbeat's region for what belongs
 * to the session (its edges, its demand).
 *
 * @param servingRegion region of the service instance the heartbeat arrived on; null when it came in on the main
 *                      port (no instance, no region known)
 */
public record HeartbeatReceived(UUID accountId, PlaybackHeartbeat heartbeat, @Nullable String servingRegion) {

    /** A heartbeat whose serving region is not known. */
    public HeartbeatReceived(UUID accountId, PlaybackHeartbeat heartbeat) {
        this(accountId, heartbeat, null);
    }

    /** Where the viewer is served now: the serving region, else (not known) the session's. */
    public String regionServedNow() {
        return servingRegion != null ? servingRegion : heartbeat.region();
    }
}
