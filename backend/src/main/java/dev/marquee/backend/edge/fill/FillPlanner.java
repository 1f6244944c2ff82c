package dev.marquee.backend.edge.fill;

import dev.marquee.backend.edge.TitleDemand;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds a node's fill plan from a forecast, object by object: each object is worth its title's expected plays
 * times the requests it gets per play — measured at the region's edges ({@link ObjectShares}: which rungs are
 * played, how far viewers get), or before any measurement assumed ({@link #SEGMENT_RETENTION}, every rung alike) —
 * and objects go in by worth per byte (cache efficiency: hits bought per byte of capacity), as long as they fit in
 * {@link #FILL_SHARE} of the node's capacity. At the margin the plan thus holds the opening minutes of many titles
 * in the rungs their viewers play rather than the endings of a few, or rungs nobody plays. Playlists and other
 * objects without a segment number count as opening objects (a player needs them first).
 * Pure: no I/O, so a plan can be shown before it runs.
 */
public final class FillPlanner {

    /**
     * Share of a node's capacity a plan may use: all of it. Reactive fills during the day push out the least
     * wanted planned objects first (the runner ranks the plan in the cache), which is worth less than leaving
     * space empty all night: measured with {@code bench fill} (its earlier one-rung workload), 0.9 → 1.0 moved the
     * peak hit ratio from 96.27 % to 96.56 % at 80 % of the catalogue, and changed nothing at 50 %.
     */
    public static final double FILL_SHARE = 1.0;

    /**
     * Used only before the edges have measured anything: the share of a title's viewers assumed to go on from
     * one segment to the next (a tenth or so of viewers leave per few-second segment early on, industry figures
     * on "sampling"). Once requests are counted, {@link ObjectShares} replaces it with the measured curve.
     */
    static final double SEGMENT_RETENTION = 0.85;

    private static final Pattern SEGMENT_NUMBER = Pattern.compile("seg-(\\d+)\\.[A-Za-z0-9]+$");

    /** An object of a title at the origin. */
    public record OriginObject(String key, long bytes) {}

    private record Candidate(String titleId, OriginObject object, double perByte, int titleRank, int index) {}

    private FillPlanner() {}

    /** A plan from a forecast of plays alone (nothing measured at the edges). */
    public static FillPlan plan(String nodeId, long capacityBytes, List<TitleDemand> forecast,
                                Function<String, List<OriginObject>> objectsOfTitle) {
        return plan(nodeId, capacityBytes, FillForecast.ofTitles(forecast), objectsOfTitle);
    }

    /**
     * @param objectsOfTitle a title's objects at the origin (empty when the origin does not have it)
     */
    public static FillPlan plan(String nodeId, long capacityBytes, FillForecast forecast,
                                Function<String, List<OriginObject>> objectsOfTitle) {
        long budget = (long) (capacityBytes * FILL_SHARE);
        List<TitleDemand> ranked = new ArrayList<>(forecast.titles());
        ranked.sort(Comparator.comparingDouble(TitleDemand::score).reversed().thenComparing(TitleDemand::titleId));
        ObjectShares shares = forecast.shares();
        List<Candidate> candidates = new ArrayList<>();
        for (int rank = 0; rank < ranked.size(); rank++) {
            TitleDemand demand = ranked.get(rank);
            if (demand.score() <= 0) {
                break;
            }
            List<OriginObject> objects = objectsOfTitle.apply(demand.titleId());
            int rungs = rungCount(objects);
            for (int i = 0; i < objects.size(); i++) {
                OriginObject o = objects.get(i);
                double perPlay = shares.perPlay(o.key());
                if (Double.isNaN(perPlay)) {
                    perPlay = assumedPerPlay(o.key(), rungs);
                }
                candidates.add(new Candidate(demand.titleId(), o,
                        demand.score() * perPlay / Math.max(1, o.bytes()), rank, i));
            }
        }
        candidates.sort(Comparator.comparingDouble(Candidate::perByte).reversed()
                .thenComparingInt(Candidate::titleRank).thenComparingInt(Candidate::index));
        Set<String> titles = new LinkedHashSet<>();
        List<String> keys = new ArrayList<>();
        long used = 0;
        for (Candidate c : candidates) {
            if (used + c.object().bytes() > budget) {
                continue; // a smaller, less wanted object may still fit
            }
            used += c.object().bytes();
            titles.add(c.titleId());
            keys.add(c.object().key());
        }
        return new FillPlan(nodeId, List.copyOf(titles), keys, used, budget);
    }

    /** Before any measurement: viewers abandon at {@link #SEGMENT_RETENTION}, spread evenly over the rungs. */
    static double assumedPerPlay(String key, int rungs) {
        double reach = Math.pow(SEGMENT_RETENTION, segmentNumber(key) - 1);
        return ObjectShares.rungOf(key) == null ? reach : reach / rungs;
    }

    private static int rungCount(List<OriginObject> objects) {
        Set<String> rungs = new HashSet<>();
        for (OriginObject o : objects) {
            String rung = ObjectShares.rungOf(o.key());
            if (rung != null) {
                rungs.add(rung);
            }
        }
        return Math.max(1, rungs.size());
    }

    /** The segment's number in its rung (1 = the opening), or 1 for playlists and other objects. */
    static int segmentNumber(String key) {
        Matcher m = SEGMENT_NUMBER.matcher(key);
        if (!m.find()) {
            return 1;
        }
        String digits = m.group(1);
        return digits.length() > 9 ? Integer.MAX_VALUE : Math.max(1, Integer.parseInt(digits));
    }
}
