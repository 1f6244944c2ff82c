package dev.marquee.player.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What a policy learns at the start of a session: the ladder and every chunk's size (the {@code start}
 * message of the {@code --decide} protocol).
 *
 * @param ladderKbps      bitrate of each rung, lowest first, kbit/s
 * @param chunkLenS       media duration of one chunk, seconds
 * @param nChunks         chunks in the session
 * @param chunkSizesBytes size of each chunk at each rung: {@code [rung][chunk]}
 */
public record SessionSetup(long[] ladderKbps, double chunkLenS, int nChunks, long[][] chunkSizesBytes) {

    /** The reference video's ladder (README of the shared ABR data), kbit/s. */
    public static final long[] REFERENCE_LADDER_KBPS = {300, 750, 1200, 1850, 2850, 4300};
    /** Chunk length of the reference video, seconds. */
    public static final double REFERENCE_CHUNK_LEN_S = 4.0;
    /** Chunks per session in the Pensieve conventions. */
    public static final int REFERENCE_CHUNKS = 48;

    public SessionSetup {
        if (ladderKbps.length == 0 || chunkSizesBytes.length != ladderKbps.length) {
            throw new IllegalArgumentException("need one row of chunk sizes per rung: " + ladderKbps.length
                    + " rungs, " + chunkSizesBytes.length + " rows");
        }
        for (int r = 0; r < ladderKbps.length; r++) {
            if (ladderKbps[r] <= 0 || (r > 0 && ladderKbps[r] <= ladderKbps[r - 1])) {
                throw new IllegalArgumentException("ladder must be positive and increasing: rung " + r);
            }
            if (chunkSizesBytes[r].length < nChunks) {
                throw new IllegalArgumentException("rung " + r + " has " + chunkSizesBytes[r].length
                        + " chunk sizes, need " + nChunks);
            }
        }
        if (!(chunkLenS > 0) || nChunks <= 0) {
            throw new IllegalArgumentException("chunk length and count must be positive");
        }
    }

    public int rungs() {
        return ladderKbps.length;
    }

    /** Reads {@code video_size_0 … video_size_N} (one chunk size in bytes per row) with the reference ladder. */
    public static SessionSetup loadReferenceVideo(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("video directory not found: " + dir.toAbsolutePath());
        }
        long[][] sizes = new long[REFERENCE_LADDER_KBPS.length][];
        for (int r = 0; r < sizes.length; r++) {
            Path file = dir.resolve("video_size_" + r);
            try {
                List<String> lines = Files.readAllLines(file).stream().map(String::strip)
                        .filter(s -> !s.isEmpty()).toList();
                sizes[r] = new long[lines.size()];
                for (int c = 0; c < lines.size(); c++) {
                    sizes[r][c] = Long.parseLong(lines.get(c).split("\\s+")[0]);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file + " (expected video_size_0 … video_size_"
                        + (sizes.length - 1) + ")", e);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(file + ": every row must be a size in bytes", e);
            }
        }
        return new SessionSetup(REFERENCE_LADDER_KBPS.clone(), REFERENCE_CHUNK_LEN_S, REFERENCE_CHUNKS, sizes);
    }
}
