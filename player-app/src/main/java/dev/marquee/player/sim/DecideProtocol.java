package dev.marquee.player.sim;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.function.Supplier;

/**
 * The {@code --decide} protocol: one JSON object per line on the input, and for each {@code decide} one
 * line on the output holding only the chosen rung index, flushed at once. Messages:
 * <ul>
 *   <li>{@code {"type":"start","ladder_kbps":[…],"chunk_len_s":4.0,"n_chunks":48,
 *       "chunk_sizes_bytes":[[…per chunk…] per rung]}} — a new session (a fresh policy);</li>
 *   <li>{@code {"type":"decide","chunk_index":i,"buffer_s":b,"last_rung":r,"throughput_kbps":[…last ≤ 8,
 *       oldest first],"download_time_s":[…],"next_chunk_sizes_bytes":[…per rung]}} — answered;</li>
 *   <li>{@code {"type":"end"}} — the session is over; {@code {"type":"bye"}} — stop.</li>
 * </ul>
 * Unknown fields and message types are ignored. A line that is not a JSON object, or a {@code decide}
 * before any {@code start}, is reported on the error stream; a {@code decide} is still answered (with the
 * lowest rung when nothing better is known) so that a harness never waits forever.
 */
public final class DecideProtocol {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final double DEFAULT_CHUNK_LEN_S = SessionSetup.REFERENCE_CHUNK_LEN_S;
    private static final double BITS_PER_BYTE = 8;
    private static final double KILO = 1000;

    private final Supplier<SimPolicy> policies;
    private final PrintWriter errors;
    private SimPolicy policy;
    private SessionSetup setup;

    /**
     * @param policies makes a fresh policy for each session
     * @param errors   where malformed input is reported
     */
    public DecideProtocol(Supplier<SimPolicy> policies, PrintWriter errors) {
        this.policies = policies;
        this.errors = errors;
    }

    /** Serves requests until {@code bye} or the end of the input. */
    public void serve(BufferedReader in, PrintWriter out) {
        try {
            String line;
            int lineNumber = 0;
            while ((line = in.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode message;
                try {
                    message = JSON.readTree(line);
                } catch (JacksonException e) {
                    complain(lineNumber, "not JSON: " + e.getOriginalMessage());
                    continue;
                }
                if (message == null || !message.isObject()) {
                    complain(lineNumber, "expected a JSON object");
                    continue;
                }
                String type = message.path("type").asString("");
                switch (type) {
                    case "start" -> start(message, lineNumber);
                    case "decide" -> {
                        out.println(decide(message, lineNumber));
                        out.flush();
                    }
                    case "end" -> policy = null;
                    case "bye" -> {
                        return;
                    }
                    default -> { } // other message types are for other harness members: ignored
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the decide protocol input failed", e);
        }
    }

    private void start(JsonNode message, int lineNumber) {
        try {
            long[] ladder = longs(message.path("ladder_kbps"));
            double chunkLenS = message.path("chunk_len_s").asDouble(DEFAULT_CHUNK_LEN_S);
            JsonNode sizesNode = message.path("chunk_sizes_bytes");
            long[][] sizes = new long[ladder.length][];
            int chunks = message.path("n_chunks").asInt(0);
            for (int r = 0; r < ladder.length; r++) {
                sizes[r] = sizesNode.isArray() && sizesNode.size() > r ? longs(sizesNode.get(r)) : new long[0];
                chunks = chunks > 0 ? chunks : sizes[r].length;
            }
            for (int r = 0; r < ladder.length; r++) {
                if (sizes[r].length < chunks) { // sizes not given: nominal bitrate × duration
                    long[] filled = new long[chunks];
                    for (int c = 0; c < chunks; c++) {
                        filled[c] = c < sizes[r].length ? sizes[r][c]
                                : Math.round(ladder[r] * KILO * chunkLenS / BITS_PER_BYTE);
                    }
                    sizes[r] = filled;
                }
            }
            setup = new SessionSetup(ladder, chunkLenS, chunks, sizes);
            policy = policies.get();
            policy.start(setup);
        } catch (IllegalArgumentException e) {
            setup = null;
            policy = null;
            complain(lineNumber, "bad start message: " + e.getMessage());
        }
    }

    private int decide(JsonNode message, int lineNumber) {
        int lastRung = message.path("last_rung").asInt(0);
        if (policy == null || setup == null) {
            complain(lineNumber, "decide before a valid start: answering the lowest rung");
            return 0;
        }
        int chunk = Math.max(0, message.path("chunk_index").asInt(0));
        long[] next = longs(message.path("next_chunk_sizes_bytes"));
        if (next.length != setup.rungs()) {
            next = new long[setup.rungs()];
            for (int r = 0; r < next.length; r++) {
                long[] sizes = setup.chunkSizesBytes()[r];
                next[r] = sizes[Math.min(chunk, sizes.length - 1)];
            }
        }
        double[] tput = doubles(message.path("throughput_kbps"));
        double[] times = doubles(message.path("download_time_s"));
        DecisionState state = new DecisionState(chunk, Math.max(0, message.path("buffer_s").asDouble(0)),
                Math.clamp(lastRung, 0, setup.rungs() - 1), tput, times, next);
        try {
            return Math.clamp(policy.decide(state), 0, setup.rungs() - 1);
        } catch (RuntimeException e) {
            complain(lineNumber, "policy failed (" + e + "): answering the lowest rung");
            return 0;
        }
    }

    private void complain(int lineNumber, String what) {
        errors.println("abr-sim --decide: line " + lineNumber + ": " + what);
        errors.flush();
    }

    private static long[] longs(JsonNode array) {
        if (!array.isArray()) {
            return new long[0];
        }
        long[] values = new long[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.round(array.get(i).asDouble(0));
        }
        return values;
    }

    private static double[] doubles(JsonNode array) {
        if (!array.isArray()) {
            return new double[0];
        }
        double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asDouble(0);
        }
        return values;
    }
}
