package dev.marquee.backend.encoding.internal.media;

import java.time.Duration;

/**
 * What probing found out about a master that was accepted.
 *
 * @param frameRate       frames per second of the video stream (r_frame_rate)
 * @param decodedFrames   video frames a full decode produced (the reference count for the interop test)
 */
public record MediaProbe(
        String formatName,
        String videoCodec,
        int width,
        int height,
        double frameRate,
        Duration duration,
        boolean hasAudio,
        long decodedFrames) {

    public double durationSeconds() {
        return duration.toNanos() / 1e9;
    }
}
