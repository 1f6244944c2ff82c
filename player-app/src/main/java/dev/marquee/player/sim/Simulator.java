package dev.marquee.player.sim;

import java.util.Arrays;

/**
 * Replays one throughput trace against a policy with the conventions of the Pensieve simulator
 * (SIGCOMM 2017) that the shared ABR data's reference figures use: chunk 0 at rung {@link #FIRST_RUNG};
 * a chunk's download takes {@code size / (throughput × 95 %)} walked sample by sample through the trace
 * (wrapping at its end) plus an 80 ms round trip; stall = download time beyond the buffer; downloads
 * pause while the buffer holds more than 60 s (in 500 ms steps, during which the trace keeps running);
 * per-chunk QoE {@code bitrate_Mbps − 4.3 × stall_s − |Δbitrate_Mbps|}, summed over chunks 1..n-1.
 * It does not model abandoned downloads or a player waiting on its own: the conventions have neither.
 */
public final class Simulator {

    /** Share of the link rate that carries payload (packet headers take the rest). */
    public static final double PAYLOAD_EFFICIENCY = 0.95;
    /** Round trip added to every chunk download, seconds. */
    public static final double RTT_S = 0.080;
    /** Downloading pauses while the buffer holds more than this, seconds. */
    public static final double MAX_BUFFER_S = 60.0;
    /** Granularity of those pauses, seconds (the Pensieve simulator sleeps in 500 ms steps). */
    public static final double DRAIN_STEP_S = 0.5;
    /** QoE penalty per second of stall, in Mbit/s-equivalents (the "linear" QoE of Pensieve/MPC). */
    public static final double REBUFFER_PENALTY_PER_S = 4.3;
    /** Rung of chunk 0, fixed by the conventions (the policy has no measurement yet). */
    public static final int FIRST_RUNG = 1;

    private static final double BITS_PER_BYTE = 8;
    private static final double KILO = 1000;
    private static final double MEGA = 1e6;

    private Simulator() {}

    /** Runs one session of {@code setup.nChunks()} chunks on {@code trace} with {@code policy}. */
    public static SessionResult simulate(Trace trace, SessionSetup setup, SimPolicy policy) {
        return simulate(trace, setup, policy, 0);
    }

    /**
     * Runs one session starting {@code startOffsetS} seconds into the trace (the conventions start at 0;
     * other offsets give more sessions of the same kind, for checking that a policy is not tuned to the
     * first minutes of each file).
     */
    public static SessionResult simulate(Trace trace, SessionSetup setup, SimPolicy policy, double startOffsetS) {
        policy.start(setup);
        TraceCursor link = new TraceCursor(trace);
        if (startOffsetS > 0) {
            link.idle(startOffsetS);
        }
        int n = setup.nChunks();
        int rungsCount = setup.rungs();
        int[] rungs = new int[n];
        double[] throughputKbps = new double[n];
        double[] downloadTimeS = new double[n];
        double bufferS = 0;
        double qoe = 0;
        double rebufferTotalS = 0;
        double bitrateSumKbps = 0;
        int switches = 0;
        int lastRung = Math.min(FIRST_RUNG, rungsCount - 1);
        for (int chunk = 0; chunk < n; chunk++) {
            int rung;
            if (chunk == 0) {
                rung = lastRung;
            } else {
                int from = Math.max(0, chunk - DecisionState.HISTORY);
                long[] next = new long[rungsCount];
                for (int r = 0; r < rungsCount; r++) {
                    next[r] = setup.chunkSizesBytes()[r][chunk];
                }
                rung = policy.decide(new DecisionState(chunk, bufferS, lastRung,
                        Arrays.copyOfRange(throughputKbps, from, chunk),
                        Arrays.copyOfRange(downloadTimeS, from, chunk), next));
                if (rung < 0 || rung >= rungsCount) {
                    throw new IllegalStateException("policy chose rung " + rung + " of " + rungsCount);
                }
            }
            long sizeBytes = setup.chunkSizesBytes()[rung][chunk];
            double delayS = link.transfer(sizeBytes) + RTT_S;
            double rebufferS = Math.max(delayS - bufferS, 0);
            bufferS = Math.max(bufferS - delayS, 0) + setup.chunkLenS();
            if (bufferS > MAX_BUFFER_S) {
                double sleepS = Math.ceil((bufferS - MAX_BUFFER_S) / DRAIN_STEP_S) * DRAIN_STEP_S;
                bufferS -= sleepS;
                link.idle(sleepS);
            }
            rungs[chunk] = rung;
            downloadTimeS[chunk] = delayS;
            throughputKbps[chunk] = sizeBytes * BITS_PER_BYTE / KILO / delayS;
            if (chunk > 0) {
                double mbps = setup.ladderKbps()[rung] / KILO;
                double lastMbps = setup.ladderKbps()[lastRung] / KILO;
                qoe += mbps - REBUFFER_PENALTY_PER_S * rebufferS - Math.abs(mbps - lastMbps);
                rebufferTotalS += rebufferS;
                bitrateSumKbps += setup.ladderKbps()[rung];
                if (rung != lastRung) {
                    switches++;
                }
            }
            lastRung = rung;
        }
        int scored = n - 1;
        double mediaS = scored * setup.chunkLenS();
        return new SessionResult(trace.name(), qoe, scored > 0 ? bitrateSumKbps / scored : 0, rebufferTotalS,
                rebufferTotalS / (rebufferTotalS + mediaS), switches, rungs);
    }

    /** A position in a trace that advances with transfers and idle time, wrapping at the end. */
    static final class TraceCursor {
        private final double[] timeS;
        private final double[] mbitPerS;
        private int ptr = 1;
        private double lastTimeS;

        TraceCursor(Trace trace) {
            this.timeS = trace.timeS();
            this.mbitPerS = trace.mbitPerS();
            this.lastTimeS = timeS[0];
        }

        /** Seconds to move {@code bytes} of payload from the current position; advances the position. */
        double transfer(long bytes) {
            double sentBytes = 0;
            double delayS = 0;
            while (true) {
                double bytesPerS = mbitPerS[ptr] * MEGA / BITS_PER_BYTE;
                double durationS = timeS[ptr] - lastTimeS;
                double payload = bytesPerS * durationS * PAYLOAD_EFFICIENCY;
                if (sentBytes + payload > bytes) {
                    double fractionS = (bytes - sentBytes) / bytesPerS / PAYLOAD_EFFICIENCY;
                    delayS += fractionS;
                    lastTimeS += fractionS;
                    return delayS;
                }
                sentBytes += payload;
                delayS += durationS;
                lastTimeS = timeS[ptr];
                advance();
            }
        }

        /** Lets {@code seconds} of the trace pass without transferring. */
        void idle(double seconds) {
            double leftS = seconds;
            while (true) {
                double durationS = timeS[ptr] - lastTimeS;
                if (durationS > leftS) {
                    lastTimeS += leftS;
                    return;
                }
                leftS -= durationS;
                lastTimeS = timeS[ptr];
                advance();
            }
        }

        private void advance() {
            ptr++;
            if (ptr >= timeS.length) {
                ptr = 1;
                lastTimeS = timeS[0];
            }
        }
    }
}
