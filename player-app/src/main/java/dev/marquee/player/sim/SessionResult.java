package dev.marquee.player.sim;

/**
 * Outcome of one simulated session, counted over the scored chunks 1..n-1 (chunk 0 is fetched at a
 * fixed rung and its start-up delay is not a stall).
 *
 * @param trace            trace name
 * @param qoe              sum of the per-chunk linear QoE
 * @param avgBitrateKbps   mean bitrate of the scored chunks, kbit/s
 * @param rebufferS        total stall time, seconds
 * @param rebufferRatio    stall time over (stall time + scored media time)
 * @param switches         rung changes between consecutive chunks, counted at the scored chunks
 * @param rungs            rung of every chunk, chunk 0 included
 */
public record SessionResult(String trace, double qoe, double avgBitrateKbps, double rebufferS, double rebufferRatio,
                            int switches, int[] rungs) {
}
