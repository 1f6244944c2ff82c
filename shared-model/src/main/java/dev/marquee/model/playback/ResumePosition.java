package dev.marquee.model.playback;

import java.time.Instant;
import java.util.UUID;

/**
 * Where a profile stopped in a title, from its players' heartbeats. A title watched to within the last 5 % (or the
 * last 2 minutes) counts as finished and is not listed in Continue Watching.
 *
 * @param positionMs last reported position
 * @param durationMs the title's duration, so that a client can draw progress
 * @param updatedAt  when the position was last reported
 */
public record ResumePosition(UUID titleId, long positionMs, long durationMs, Instant updatedAt) {
}
