package dev.marquee.player.sim;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code ./marquee abr-sim}: replays throughput traces against an ABR policy (by default the player's own
 * {@code DefaultAbrManager}) and prints per-trace and mean QoE, or serves the {@code --decide} protocol.
 *
 * <pre>
 * abr-sim --traces DIR --video DIR [--algo NAME|all] [--half tune|check] [--offsets N] [--json]
 * abr-sim --decide [--algo NAME]
 * </pre>
 * {@code --half} keeps every other trace in name order ({@code tune}: 1st, 3rd, …; {@code check}: 2nd, 4th,
 * …), the split on which the player's policy was tuned and then checked. {@code --offsets N} replays each
 * trace from N evenly spaced starting points instead of only its start: more sessions of the same kind,
 * beyond the conventions, to see whether a result holds beyond the first minutes of each file.
 */
public final class AbrSimMain {

    static final int EXIT_OK = 0;
    static final int EXIT_USAGE = 2;
    static final String HALF_TUNE = "tune";
    static final String HALF_CHECK = "check";

    private static final String USAGE = """
            usage: abr-sim --traces DIR --video DIR [--algo NAME|all] [--half tune|check] [--offsets N] [--json]
                   abr-sim --decide [--algo NAME]     (JSON lines on stdin, one rung per decide on stdout)
            algorithms: %s (default %s)""";

    private AbrSimMain() {}

    public static void main(String[] args) {
        int code = run(args, System.in, System.out, System.err);
        if (code != EXIT_OK) {
            System.exit(code);
        }
    }

    /** The whole command with its streams given, so that tests run it in-process. */
    static int run(String[] args, InputStream in, OutputStream outStream, OutputStream errStream) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(outStream, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(errStream, StandardCharsets.UTF_8), true);
        String traces = null;
        String video = null;
        String algo = Policies.MARQUEE;
        String half = null;
        int offsets = 1;
        boolean json = false;
        boolean decide = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--traces", "--video", "--algo", "--half", "--offsets" -> {
                    if (i + 1 >= args.length) {
                        return usage(err, arg + " needs a value");
                    }
                    String value = args[++i];
                    switch (arg) {
                        case "--traces" -> traces = value;
                        case "--video" -> video = value;
                        case "--half" -> half = value;
                        case "--offsets" -> {
                            try {
                                offsets = Integer.parseInt(value);
                            } catch (NumberFormatException e) {
                                offsets = 0;
                            }
                            if (offsets < 1) {
                                return usage(err, "--offsets takes a whole number of at least 1, not '" + value + "'");
                            }
                        }
                        default -> algo = value;
                    }
                }
                case "--json" -> json = true;
                case "--decide" -> decide = true;
                case "-h", "--help" -> {
                    out.println(USAGE.formatted(Policies.names(), Policies.MARQUEE));
                    return EXIT_OK;
                }
                default -> {
                    return usage(err, "unknown argument '" + arg + "'");
                }
            }
        }
        if (half != null && !half.equals(HALF_TUNE) && !half.equals(HALF_CHECK)) {
            return usage(err, "--half takes 'tune' or 'check', not '" + half + "'");
        }
        List<String> algos = algo.equals("all") && !decide ? Policies.names() : List.of(algo);
        if (!Policies.names().containsAll(algos)) {
            return usage(err, "unknown algorithm '" + algo + "'");
        }
        if (decide) {
            String chosen = algo;
            new DecideProtocol(() -> Policies.create(chosen), err)
                    .serve(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), out);
            out.flush();
            return EXIT_OK;
        }
        if (traces == null || video == null) {
            return usage(err, "--traces and --video are required (or --decide)");
        }
        List<Trace> traceList;
        SessionSetup setup;
        try {
            traceList = Trace.loadAll(Path.of(traces));
            if (half != null) {
                int parity = half.equals(HALF_TUNE) ? 0 : 1;
                List<Trace> all = traceList;
                traceList = java.util.stream.IntStream.range(0, all.size()).filter(i -> i % 2 == parity)
                        .mapToObj(all::get).toList();
                traces = traces + " (" + half + " half)";
                if (traceList.isEmpty()) {
                    throw new IllegalArgumentException("the " + half + " half of " + traces + " holds no trace");
                }
            }
            setup = SessionSetup.loadReferenceVideo(Path.of(video));
        } catch (RuntimeException e) {
            err.println("abr-sim: " + e.getMessage());
            return EXIT_USAGE;
        }
        List<SimSummary> summaries = new ArrayList<>();
        for (String a : algos) {
            summaries.add(SimSummary.run(a, traceList, setup, offsets));
        }
        if (json) {
            printJson(summaries, traces, out);
        } else {
            printText(summaries, traces, algos.size() == 1, out);
        }
        out.flush();
        return EXIT_OK;
    }

    private static int usage(PrintWriter err, String problem) {
        err.println("abr-sim: " + problem);
        err.println(USAGE.formatted(Policies.names(), Policies.MARQUEE));
        return EXIT_USAGE;
    }

    private static void printText(List<SimSummary> summaries, String traces, boolean perTrace, PrintWriter out) {
        if (perTrace) {
            SimSummary s = summaries.getFirst();
            out.printf(Locale.ROOT, "%-60s %8s %9s %9s %8s %8s%n", "trace (" + s.algo() + ")", "qoe", "avg_kbps",
                    "rebuf_s", "rebuf_%", "switches");
            for (SessionResult r : s.sessions()) {
                out.printf(Locale.ROOT, "%-60.60s %8.2f %9.0f %9.2f %8.3f %8d%n", r.trace(), r.qoe(),
                        r.avgBitrateKbps(), r.rebufferS(), 100 * r.rebufferRatio(), r.switches());
            }
            out.println();
        }
        out.printf(Locale.ROOT, "%-12s %8s %9s %9s %8s %9s %s%n", "algo", "mean_qoe", "avg_kbps", "rebuf_s",
                "rebuf_%", "switches", "rebuf_% where the link allows");
        for (SimSummary s : summaries) {
            out.printf(Locale.ROOT, "%-12s %8.2f %9.0f %9.2f %8.3f %9.1f %.3f (%d of %d sessions)%n", s.algo(),
                    s.meanQoe(), s.meanBitrateKbps(), s.meanRebufferS(), 100 * s.rebufferRatio(), s.meanSwitches(),
                    100 * s.rebufferRatioWhereLinkAllows(), s.linkAllowsTraces(), s.sessions().size());
        }
        out.println("traces: " + traces + " (" + summaries.getFirst().sessions().size()
                + " sessions); 'the link allows' = the lowest rung never stalls in that session");
    }

    private static void printJson(List<SimSummary> summaries, String traces, PrintWriter out) {
        ObjectMapper mapper = JsonMapper.builder().build();
        ArrayNode all = mapper.createArrayNode();
        for (SimSummary s : summaries) {
            ObjectNode node = mapper.createObjectNode();
            node.put("algo", s.algo());
            node.put("traces_dir", traces);
            node.put("traces", s.sessions().size());
            node.put("mean_qoe", s.meanQoe());
            node.put("mean_avg_bitrate_kbps", s.meanBitrateKbps());
            node.put("mean_rebuffer_s", s.meanRebufferS());
            node.put("rebuffer_ratio", s.rebufferRatio());
            node.put("mean_switches", s.meanSwitches());
            node.put("link_allows_traces", s.linkAllowsTraces());
            node.put("rebuffer_ratio_where_link_allows", s.rebufferRatioWhereLinkAllows());
            ArrayNode sessions = node.putArray("sessions");
            for (SessionResult r : s.sessions()) {
                ObjectNode session = sessions.addObject();
                session.put("trace", r.trace());
                session.put("qoe", r.qoe());
                session.put("avg_bitrate_kbps", r.avgBitrateKbps());
                session.put("rebuffer_s", r.rebufferS());
                session.put("rebuffer_ratio", r.rebufferRatio());
                session.put("switches", r.switches());
            }
            all.add(node);
        }
        out.println(mapper.writeValueAsString(summaries.size() == 1 ? all.get(0) : all));
    }
}
