package dev.marquee.backend.edge.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs wrk once and reads its summary: requests/s, bytes, p99 latency, errors. */
final class WrkRun {

    /** What one wrk run measured. */
    record Result(double requestsPerS, double bytesRead, double seconds, double p99Ms, long errors, long non2xx) {
        double mbPerS() { return bytesRead / seconds / 1e6; }
    }

    private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern TOTAL = Pattern.compile("(\\d+) requests in ([0-9.]+)(us|ms|s|m), ([0-9.]+)([KMGT]?B) read");
    private static final Pattern P99 = Pattern.compile("\\s99%\\s+([0-9.]+)(us|ms|s)");
    private static final Pattern SOCKET_ERRORS = Pattern.compile(
            "Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    /** wrk stops at its duration; give it this much longer before calling it hung. */
    private static final Duration GRACE = Duration.ofSeconds(30);

    private WrkRun() {}

    static Result run(List<String> pinPrefix, int threads, int connections, Duration duration, Path script, String url)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(pinPrefix);
        cmd.addAll(List.of("wrk", "-t" + threads, "-c" + connections, "-d" + duration.toSeconds() + "s",
                "--latency", "--timeout", "10s", "-s", script.toString(), url));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(duration.plus(GRACE).toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("wrk did not finish");
        }
        String text = new String(out, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new IOException("wrk failed (" + p.exitValue() + "): " + text);
        }
        return parse(text);
    }

    static Result parse(String text) {
        double rps = Double.parseDouble(find(RPS, text, 1));
        Matcher total = TOTAL.matcher(text);
        if (!total.find()) {
            throw new IllegalArgumentException("no totals in wrk output: " + text);
        }
        double seconds = Double.parseDouble(total.group(2)) * switch (total.group(3)) {
            case "us" -> 1e-6;
            case "ms" -> 1e-3;
            case "m" -> 60;
            default -> 1;
        };
        double bytes = Double.parseDouble(total.group(4)) * switch (total.group(5)) {
            case "KB" -> 1024.0;
            case "MB" -> 1024.0 * 1024;
            case "GB" -> 1024.0 * 1024 * 1024;
            case "TB" -> 1024.0 * 1024 * 1024 * 1024;
            default -> 1;
        };
        Matcher p99 = P99.matcher(text);
        double p99Ms = Double.NaN;
        if (p99.find()) {
            p99Ms = Double.parseDouble(p99.group(1)) * switch (p99.group(2)) {
                case "us" -> 1e-3;
                case "s" -> 1e3;
                default -> 1;
            };
        }
        long errors = 0;
        Matcher e = SOCKET_ERRORS.matcher(text);
        if (e.find()) {
            for (int i = 1; i <= 4; i++) {
                errors += Long.parseLong(e.group(i));
            }
        }
        Matcher n = NON_2XX.matcher(text);
        long non2xx = n.find() ? Long.parseLong(n.group(1)) : 0;
        return new Result(rps, bytes, seconds, p99Ms, errors, non2xx);
    }

    private static String find(Pattern p, String text, int group) {
        Matcher m = p.matcher(text);
        if (!m.find()) {
            throw new IllegalArgumentException("unexpected wrk output: " + text);
        }
        return m.group(group);
    }
}
