package dev.marquee.player.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * One policy's sessions on a set of traces and their means.
 *
 * @param algo                   policy name
 * @param sessions               one result per trace
 * @param meanQoe                mean session QoE
 * @param meanBitrateKbps        mean of the sessions' average bitrates, kbit/s
 * @param meanRebufferS          mean stall time per session, seconds
 * @param rebufferRatio          total stall time over (total stall time + total scored media time)
 * @param meanSwitches           mean rung changes per session
 * @param linkAllowsTraces       traces on which the lowest rung never stalls ("the link allows")
 * @param rebufferRatioWhereLinkAllows the stall ratio on those traces only
 */
public record SimSummary(String algo, List<SessionResult> sessions, double meanQoe, double meanBitrateKbps,
                         double meanRebufferS, double rebufferRatio, double meanSwitches, int linkAllowsTraces,
                         double rebufferRatioWhereLinkAllows) {

    /** Runs {@code algo} on every trace from its start (the conventions) and summarises. */
    public static SimSummary run(String algo, List<Trace> traces, SessionSetup setup) {
        return run(algo, traces, setup, 1);
    }

    /**
     * Runs {@code algo} on every trace from {@code offsets} evenly spaced starting points (1 = from the
     * start only, as the conventions say) and summarises all those sessions.
     */
    public static SimSummary run(String algo, List<Trace> traces, SessionSetup setup, int offsets) {
        if (offsets < 1) {
            throw new IllegalArgumentException("offsets must be at least 1, was " + offsets);
        }
        List<SessionResult> results = new ArrayList<>();
        boolean[] linkAllows = new boolean[traces.size() * offsets];
        for (Trace trace : traces) {
            double durationS = trace.timeS()[trace.timeS().length - 1] - trace.timeS()[0];
            for (int k = 0; k < offsets; k++) {
                double offsetS = k * durationS / offsets;
                SessionResult r = Simulator.simulate(trace, setup, Policies.create(algo), offsetS);
                if (offsets > 1) {
                    r = new SessionResult(r.trace() + "@" + Math.round(offsetS) + "s", r.qoe(), r.avgBitrateKbps(),
                            r.rebufferS(), r.rebufferRatio(), r.switches(), r.rungs());
                }
                linkAllows[results.size()] = Simulator.simulate(trace, setup, new LowestRung(), offsetS)
                        .rebufferS() == 0;
                results.add(r);
            }
        }
        return of(algo, results, linkAllows, setup);
    }

    static SimSummary of(String algo, List<SessionResult> results, boolean[] linkAllows, SessionSetup setup) {
        int n = results.size();
        double mediaPerSessionS = (setup.nChunks() - 1) * setup.chunkLenS();
        double qoe = 0;
        double bitrate = 0;
        double rebuffer = 0;
        double switches = 0;
        double allowedRebuffer = 0;
        int allowed = 0;
        for (int i = 0; i < n; i++) {
            SessionResult r = results.get(i);
            qoe += r.qoe();
            bitrate += r.avgBitrateKbps();
            rebuffer += r.rebufferS();
            switches += r.switches();
            if (linkAllows[i]) {
                allowed++;
                allowedRebuffer += r.rebufferS();
            }
        }
        double ratio = rebuffer / (rebuffer + n * mediaPerSessionS);
        double allowedRatio = allowed == 0 ? 0 : allowedRebuffer / (allowedRebuffer + allowed * mediaPerSessionS);
        return new SimSummary(algo, List.copyOf(results), qoe / n, bitrate / n, rebuffer / n, ratio, switches / n,
                allowed, allowedRatio);
    }

    /** Always the lowest rung: tells which traces force stalls whatever a policy does. */
    private static final class LowestRung implements SimPolicy {
        @Override
        public void start(SessionSetup setup) {
        }

        @Override
        public int decide(DecisionState state) {
            return 0;
        }
    }
}
