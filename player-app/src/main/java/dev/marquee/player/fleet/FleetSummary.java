package dev.marquee.player.fleet;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The QoE of a load run, summed over its viewers: how many started, startup percentiles, stalls and the rebuffer
 * ratio, mean bitrate, failovers and errors by reason. Pure arithmetic on {@link ViewerResult}s; printed as text
 * for people or written as JSON ({@code --json}) for benchmarks.
 *
 * @param viewers          viewers asked for
 * @param started          viewers of which at least one session reached its first playable segment
 * @param failed           viewers that never did
 * @param sessions         play sessions the backend accepted
 * @param startupP50Ms     median startup over every session that started; {@code null} when none did
 * @param startupP95Ms     95th percentile (nearest rank)
 * @param stalls           stalls of every viewer
 * @param viewersStalled   viewers with at least one stall
 * @param stallMs          time stalled, all viewers
 * @param rebufferRatio    stall time / (played time + stall time); {@code null} when nothing played
 * @param meanBitrateBps   bitrate of the fetched media weighted by its duration over all viewers; 0 when none
 * @param edgeFailovers    requests moved to the next edge
 * @param regionFailovers  control-traffic moves to another region
 * @param playedMs         media time played, all viewers
 * @param segments         segments appended
 * @param bytes            decrypted bytes appended
 * @param errorsByReason   errors of every viewer counted by reason, sorted by reason
 * @param controlFailuresByCause the engine's control calls that failed over to another region, by cause
 * @param wallMs           how long the run took
 * @param region           the region the viewers said they were in, or {@code null}
 * @param isp              the ISP they said they were on, or {@code null}
 */
public record FleetSummary(int viewers, int started, int failed, int sessions, @Nullable Long startupP50Ms,
                           @Nullable Long startupP95Ms, int stalls, int viewersStalled, long stallMs,
                           @Nullable Double rebufferRatio, long meanBitrateBps, int edgeFailovers, int regionFailovers,
                           long playedMs, long segments, long bytes, Map<String, Integer> errorsByReason,
                           Map<String, Integer> controlFailuresByCause, long wallMs,
                           @Nullable String region, @Nullable String isp) {

    public FleetSummary {
        errorsByReason = java.util.Collections.unmodifiableMap(new TreeMap<>(errorsByReason));
        controlFailuresByCause = java.util.Collections.unmodifiableMap(new TreeMap<>(controlFailuresByCause));
    }

    /**
     * Sums the results of a run.
     *
     * @param viewers how many viewers were asked for (results may be missing for viewers that never got going)
     */
    public static FleetSummary of(int viewers, Collection<ViewerResult> results, long wallMs, @Nullable String region,
                                  @Nullable String isp) {
        List<Long> startups = new ArrayList<>();
        int started = 0;
        int sessions = 0;
        int stalls = 0;
        int viewersStalled = 0;
        long stallMs = 0;
        long playedMs = 0;
        long mediaMs = 0;
        double bitrateTimesMedia = 0;
        int edgeFailovers = 0;
        int regionFailovers = 0;
        long segments = 0;
        long bytes = 0;
        Map<String, Integer> errors = new TreeMap<>();
        Map<String, Integer> controlFailures = new TreeMap<>();
        for (ViewerResult r : results) {
            startups.addAll(r.startupMs());
            started += r.started() ? 1 : 0;
            sessions += r.sessions();
            stalls += r.stalls();
            viewersStalled += r.stalls() > 0 ? 1 : 0;
            stallMs += r.stallMs();
            playedMs += r.playedMs();
            mediaMs += r.mediaMs();
            bitrateTimesMedia += (double) r.meanBitrateBps() * r.mediaMs();
            edgeFailovers += r.edgeFailovers();
            regionFailovers += r.regionFailovers();
            segments += r.segments();
            bytes += r.bytes();
            r.errors().forEach(reason -> errors.merge(reason, 1, Integer::sum));
            r.controlFailures().forEach(cause -> controlFailures.merge(cause, 1, Integer::sum));
        }
        Double rebuffer = playedMs + stallMs == 0 ? null : (double) stallMs / (playedMs + stallMs);
        long meanBitrate = mediaMs == 0 ? 0 : Math.round(bitrateTimesMedia / mediaMs);
        return new FleetSummary(viewers, started, viewers - started, sessions, percentile(startups, 50),
                percentile(startups, 95), stalls, viewersStalled, stallMs, rebuffer, meanBitrate, edgeFailovers,
                regionFailovers, playedMs, segments, bytes, errors, controlFailures, wallMs, region, isp);
    }

    /** Nearest-rank percentile (the smallest value with at least {@code p} % of the values at or below it). */
    static @Nullable Long percentile(List<Long> values, int p) {
        if (values.isEmpty()) {
            return null;
        }
        List<Long> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.clamp(rank - 1, 0, sorted.size() - 1));
    }

    /** The summary for people, one aspect per line. */
    public String toText() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "marquee load: %d viewers for %.1f s%s%s%n", viewers, wallMs / 1000.0,
                region == null ? "" : ", region " + region, isp == null ? "" : ", ISP " + isp));
        line(out, "viewers", "%d started, %d failed (%d play sessions)", started, failed, sessions);
        line(out, "startup", startupP50Ms == null ? "no session started"
                : String.format(Locale.ROOT, "p50 %d ms, p95 %d ms", startupP50Ms, startupP95Ms));
        line(out, "stalls", "%d (%d viewers, %.1f s), rebuffer ratio %s", stalls, viewersStalled, stallMs / 1000.0,
                rebufferRatio == null ? "n/a" : String.format(Locale.ROOT, "%.3f %%", rebufferRatio * 100));
        line(out, "bitrate", "mean %.2f Mbit/s", meanBitrateBps / 1e6);
        line(out, "failovers", "edge %d, region %d%s", edgeFailovers, regionFailovers, controlFailuresByCause.isEmpty() ? ""
                : " (failed control calls: " + controlFailuresByCause.entrySet().stream()
                        .map(e -> e.getKey() + " ×" + e.getValue()).collect(java.util.stream.Collectors.joining(", ")) + ")");
        line(out, "media", "%.1f s played, %d segments, %.1f MB", playedMs / 1000.0, segments, bytes / 1e6);
        if (errorsByReason.isEmpty()) {
            line(out, "errors", "none");
        } else {
            line(out, "errors", "%d", errorsByReason.values().stream().mapToInt(Integer::intValue).sum());
            errorsByReason.forEach((reason, count) -> out.append(String.format(Locale.ROOT, "    %5d  %s%n", count, reason)));
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String label, String format, Object... args) {
        out.append(String.format(Locale.ROOT, "  %-10s %s%n", label, args.length == 0 ? format : String.format(Locale.ROOT, format, args)));
    }
}
