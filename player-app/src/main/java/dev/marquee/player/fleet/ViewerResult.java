package dev.marquee.player.fleet;

import java.util.List;
import java.util.Objects;

/**
 * What one synthetic viewer did during a load run, summed over its play sessions (a viewer that reaches the end of
 * the title starts another session; one whose session fails starts again after a pause).
 *
 * @param viewer          1-based number of the viewer in the fleet
 * @param startupMs       play → first segment playable, per session that started (the engine's startup time)
 * @param stalls          play head stopped while it should move (the engine's stall detection), all sessions
 * @param stallMs         time spent stalled
 * @param playedMs        media time played (the play heads' positions), all sessions
 * @param mediaMs         media time fetched, decrypted and appended
 * @param meanBitrateBps  nominal bitrate of the fetched media weighted by its duration, 0 when none
 * @param edgeFailovers   times the networking engine moved a request to the next edge
 * @param regionFailovers times the control traffic moved to another region's gateway
 * @param segments        segments appended
 * @param bytes           decrypted MPEG-TS bytes appended
 * @param sessions        play sessions started (accepted by the backend)
 * @param errors          short reasons of what went wrong, in order, e.g. {@code licence: concurrent-stream-limit}
 * @param controlFailures why the engine's control calls (licence, steering, heartbeats) failed over to another
 *                        region, e.g. {@code SocketTimeoutException}; absorbed by the failover, so not errors
 */
public record ViewerResult(int viewer, List<Long> startupMs, int stalls, long stallMs, long playedMs, long mediaMs,
                           long meanBitrateBps, int edgeFailovers, int regionFailovers, long segments, long bytes,
                           int sessions, List<String> errors, List<String> controlFailures) {
    public ViewerResult {
        startupMs = List.copyOf(startupMs);
        errors = List.copyOf(Objects.requireNonNull(errors, "errors"));
        controlFailures = List.copyOf(controlFailures);
    }

    /** Whether at least one of its sessions reached the first playable segment. */
    public boolean started() {
        return !startupMs.isEmpty();
    }
}
