package dev.marquee.player.engine;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Finds the best rung sequence over the next segments for {@link DefaultAbrManager}: every sequence is
 * played out on each throughput scenario, scored with the linear QoE ({@code Σ bitrate_Mbps − 4.3 ×
 * stall_s − |Δbitrate_Mbps|}, weighted over the scenarios) minus a penalty for the buffer left below a
 * reserve at the end; the first rung of the best sequence is the answer.
 *
 * <p>A forward dynamic programme rather than an enumeration: two partial sequences that end on the same
 * rung with the same buffers (in every scenario, to within {@link #BUFFER_BIN_S}) have the same future, so
 * only the better of them is extended. That keeps a horizon of {@value DefaultAbrManager#HORIZON}
 * segments to a few thousand states where enumerating would play out 6^{@value DefaultAbrManager#HORIZON}
 * sequences. The score is additive, so the weighted sum over scenarios is carried as one number.
 */
final class PlanSearch {

    /**
     * Buffer resolution of the merge, seconds: a tenth of a second of buffer changes a plan's stall by at
     * most that, 0.43 QoE points at worst, and usually nothing; finer costs states, coarser costs accuracy.
     */
    static final double BUFFER_BIN_S = 0.1;
    /** Bits of the state key per scenario's buffer bin (buffers up to 2^20 bins, far beyond any goal). */
    private static final int BITS_PER_BIN = 20;

    private final double[] bitrateMbps;
    private final double segmentS;
    private final double bufferGoalS;
    private final double rebufferPenaltyPerS;

    PlanSearch(double[] bitrateMbps, double segmentS, double bufferGoalS, double rebufferPenaltyPerS) {
        this.bitrateMbps = bitrateMbps;
        this.segmentS = segmentS;
        this.bufferGoalS = bufferGoalS;
        this.rebufferPenaltyPerS = rebufferPenaltyPerS;
    }

    /**
     * The first rung of the best plan.
     *
     * @param sizesBits          size of a segment at each rung (the next one's, assumed for the later ones too)
     * @param scenarioBps        throughput of each scenario
     * @param weights            weight of each scenario's outcome (summing to 1)
     * @param horizon            segments planned
     * @param bufferS            buffer now, seconds
     * @param lastRung           rung of the previous segment
     * @param reserveS           buffer a plan should end with, seconds
     * @param reservePenaltyPerS QoE points per second of that reserve missing at the end
     * @param forgivenDeficitS   seconds of missing reserve not charged (part of the deficit the plan starts from)
     */
    int bestFirstRung(double[] sizesBits, double[] scenarioBps, double[] weights, int horizon, double bufferS,
                      int lastRung, double reserveS, double reservePenaltyPerS, double forgivenDeficitS) {
        int scenarios = scenarioBps.length;
        int rungs = sizesBits.length;
        double[][] downloadS = new double[rungs][scenarios];
        for (int r = 0; r < rungs; r++) {
            for (int s = 0; s < scenarios; s++) {
                downloadS[r][s] = sizesBits[r] / scenarioBps[s];
            }
        }
        States current = new States(scenarios, 1);
        double[] start = new double[scenarios];
        Arrays.fill(start, bufferS);
        current.offer(0L, lastRung, start, 0, -1);
        double[] nextBuffers = new double[scenarios];
        for (int depth = 0; depth < horizon; depth++) {
            States next = new States(scenarios, current.size * rungs);
            for (int i = 0; i < current.size; i++) {
                int last = current.rung[i];
                for (int r = 0; r < rungs; r++) {
                    double value = current.value[i];
                    double gain = bitrateMbps[r] - Math.abs(bitrateMbps[r] - bitrateMbps[last]);
                    long key = r;
                    for (int s = 0; s < scenarios; s++) {
                        double buffer = current.buffers[i][s];
                        double stallS = Math.max(0, downloadS[r][s] - buffer);
                        value += weights[s] * (gain - rebufferPenaltyPerS * stallS);
                        nextBuffers[s] = Math.min(bufferGoalS, Math.max(0, buffer - downloadS[r][s]) + segmentS);
                        key = (key << BITS_PER_BIN) | Math.round(nextBuffers[s] / BUFFER_BIN_S);
                    }
                    next.offer(key, r, nextBuffers, value, depth == 0 ? r : current.first[i]);
                }
            }
            current = next;
        }
        double bestScore = Double.NEGATIVE_INFINITY;
        int bestFirst = Math.max(lastRung, 0);
        for (int i = 0; i < current.size; i++) {
            double total = current.value[i];
            for (int s = 0; s < scenarios; s++) {
                double chargedDeficitS = Math.max(0, reserveS - current.buffers[i][s] - forgivenDeficitS);
                total -= weights[s] * reservePenaltyPerS * chargedDeficitS;
            }
            // ties go to the lower first rung, as an enumeration from the lowest would
            if (total > bestScore || (total == bestScore && current.first[i] < bestFirst)) {
                bestScore = total;
                bestFirst = current.first[i];
            }
        }
        return bestFirst;
    }

    /** The partial plans of one depth, one per (last rung, buffer bins), the best kept on a collision. */
    private static final class States {
        final int[] rung;
        final int[] first;
        final double[] value;
        final double[][] buffers;
        final Map<Long, Integer> index = new HashMap<>();
        int size;

        States(int scenarios, int capacity) {
            rung = new int[capacity];
            first = new int[capacity];
            value = new double[capacity];
            buffers = new double[capacity][scenarios];
        }

        void offer(long key, int r, double[] buffersS, double v, int firstRung) {
            Integer at = index.get(key);
            int i;
            if (at == null) {
                i = size++;
                index.put(key, i);
            } else if (v > value[at] || (v == value[at] && firstRung < first[at])) {
                i = at;
            } else {
                return;
            }
            rung[i] = r;
            first[i] = firstRung;
            value[i] = v;
            System.arraycopy(buffersS, 0, buffers[i], 0, buffersS.length);
        }
    }
}
