package dev.marquee.player.engine;

import java.util.Objects;

/**
 * One rung of a title's bitrate ladder, as the ABR policy sees it.
 * It carries what the policy needs to rank rungs, not how to fetch them (that is the manifest's job).
 *
 * @param id            stable name of the rung in the manifest (e.g. {@code "720p"})
 * @param bandwidthBps  the advertised (peak or average) bitrate of the rung in bits per second
 * @param heightPx      picture height in pixels, or 0 when unknown (the simulator's ladders have none)
 */
public record Variant(String id, long bandwidthBps, int heightPx) {

    public Variant {
        Objects.requireNonNull(id, "id");
        if (bandwidthBps <= 0) {
            throw new IllegalArgumentException("variant " + id + ": bandwidth must be positive, was " + bandwidthBps);
        }
        if (heightPx < 0) {
            throw new IllegalArgumentException("variant " + id + ": height must not be negative, was " + heightPx);
        }
    }
}
