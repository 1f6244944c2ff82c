package dev.marquee.player.engine;

/**
 * The state of the segment download in flight, given to {@link AbrManager#shouldAbandon(DownloadProgress)}.
 *
 * @param variantIndex  rung being downloaded
 * @param bytesLoaded   payload bytes received so far
 * @param bytesTotal    size of the whole segment in bytes (from Content-Length or the manifest)
 * @param elapsedUs     time since the request was sent, microseconds
 * @param bufferUs      media buffered ahead of the play head now, microseconds
 */
public record DownloadProgress(int variantIndex, long bytesLoaded, long bytesTotal, long elapsedUs, long bufferUs) {

    public DownloadProgress {
        if (bytesTotal <= 0 || bytesLoaded < 0 || bytesLoaded > bytesTotal) {
            throw new IllegalArgumentException("bytes loaded must lie in [0, total], total positive: "
                    + bytesLoaded + " of " + bytesTotal);
        }
        if (elapsedUs < 0 || bufferUs < 0) {
            throw new IllegalArgumentException("elapsed time and buffer must not be negative");
        }
    }
}
