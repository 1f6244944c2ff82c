package dev.marquee.player.sim;

/**
 * What a policy sees before each chunk (the {@code decide} message of the {@code --decide} protocol).
 *
 * @param chunkIndex          chunk about to be fetched
 * @param bufferS             buffer level now, seconds
 * @param lastRung            rung of the previous chunk
 * @param throughputKbps      measured throughput of the last ≤ 8 chunks, oldest first, kbit/s
 *                            (size over download time, round trip included)
 * @param downloadTimeS       download time of the same chunks, seconds
 * @param nextChunkSizesBytes size of the chunk about to be fetched at each rung
 */
public record DecisionState(int chunkIndex, double bufferS, int lastRung, double[] throughputKbps,
                            double[] downloadTimeS, long[] nextChunkSizesBytes) {

    /** How many past chunks a decision sees, as in the protocol. */
    public static final int HISTORY = 8;
}
