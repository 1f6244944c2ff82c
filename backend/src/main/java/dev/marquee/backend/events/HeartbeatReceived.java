package dev.marquee.backend.events;

import dev.marquee.model.events.PlaybackHeartbeat;
import java.util.UUID;

/**
 * A validated player heartbeat with the account that sent it, as recorded on {@link Topics#PLAYBACK_HEARTBEATS}
 * (keyed by session). The record's log timestamp is its arrival time, which the metrics windows use.
 */
public record HeartbeatReceived(UUID accountId, PlaybackHeartbeat heartbeat) {}
