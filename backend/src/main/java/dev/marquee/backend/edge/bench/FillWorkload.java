package dev.marquee.backend.edge.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The synthetic viewers of {@code bench fill}, seeded so every run draws the same ones: who watches which title,
 * at which rung, how far. It knows the exact popularity of every object, so it also computes the bounds no plan
 * can beat. It does not touch the network; {@link FillBench} plays its requests against real nodes.
 *
 * <ul>
 *   <li>Titles: a viewer starts title of rank {@code i} with probability {@code (1/i^s)/H(n,s)} (Zipf; s = 1 and
 *       400 titles: the top title draws 15 % of starts, the 400th 0.04 %).</li>
 *   <li>Rungs: a five-rung ladder, each rung half the bitrate (and segment bytes) of the one above, as the
 *       encoder's ladder planner spaces them ({@code LadderPlanner.RUNG_STEP} 2). Each viewer has a steady rung
 *       (device and network) drawn from the title's rung mix: the region's {@link #RUNG_MIX} tilted per title by a
 *       log-normal factor of spread {@link #TITLE_MIX_SPREAD} (a cartoon is watched on tablets more than a
 *       prestige drama). The first segment is played one rung lower: the player starts below what it will settle
 *       on ({@code DefaultAbrManager.STARTUP_BANDWIDTH_SHARE}).</li>
 *   <li>Abandonment: after each segment a viewer goes on with probability {@code continue} (0.9: 48 % reach the
 *       8th segment).</li>
 * </ul>
 */
final class FillWorkload {

    static final List<String> RUNGS = List.of("240p", "360p", "480p", "720p", "1080p");
    /**
     * Share of a region's viewing at each rung, lowest first: most viewing is on TVs over broadband at the top two
     * rungs, phones and slow links take the bottom ones. An assumption of the workload (the bench needs a mix, and
     * the planner must learn it from counts, not from this constant).
     */
    static final double[] RUNG_MIX = {0.05, 0.10, 0.15, 0.25, 0.45};
    /** Standard deviation of the log of a title's tilt of the rung mix: a title's rung shares differ by ~±50 %. */
    static final double TITLE_MIX_SPREAD = 0.5;
    /** Rungs the first segment is played below the steady one. */
    static final int STARTUP_RUNGS_BELOW = 1;

    /** One play: a title (popularity rank), the rung it settles on, how many segments it plays. */
    record Viewer(int title, int rung, int segments) {}

    private final List<String> titleIds;
    private final double[] cdf;
    private final double[][] rungMix;
    private final int segments;
    private final int topSegmentBytes;
    private final double goOn;

    FillWorkload(int titles, double zipf, int segments, int topSegmentBytes, double goOn, Random random) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < titles; i++) {
            ids.add("t%04d".formatted(i));
        }
        Collections.shuffle(ids, random); // popularity rank is not the id order
        this.titleIds = List.copyOf(ids);
        this.cdf = zipfCdf(titles, zipf);
        this.rungMix = new double[titles][];
        for (int t = 0; t < titles; t++) {
            double[] mix = new double[RUNGS.size()];
            double sum = 0;
            for (int r = 0; r < mix.length; r++) {
                mix[r] = RUNG_MIX[r] * Math.exp(TITLE_MIX_SPREAD * random.nextGaussian());
                sum += mix[r];
            }
            for (int r = 0; r < mix.length; r++) {
                mix[r] /= sum;
            }
            rungMix[t] = mix;
        }
        this.segments = segments;
        this.topSegmentBytes = topSegmentBytes;
        this.goOn = goOn;
    }

    int titles() { return titleIds.size(); }

    int segments() { return segments; }

    String titleId(int rank) { return titleIds.get(rank); }

    /** Segment size at a rung: the top rung's halved per rung down. */
    int segmentBytes(int rung) {
        return Math.max(1, topSegmentBytes >> (RUNGS.size() - 1 - rung));
    }

    long catalogueBytes() {
        long perTitle = 0;
        for (int r = 0; r < RUNGS.size(); r++) {
            perTitle += (long) segmentBytes(r) * segments;
        }
        return perTitle * titles();
    }

    /** The object key of a segment (segment numbers from 1). */
    String key(int title, int rung, int segment) {
        return "titles/%s/%s/seg-%05d.ts".formatted(titleIds.get(title), RUNGS.get(rung), segment);
    }

    /** The rung a viewer plays a segment at. */
    static int rungAt(Viewer v, int segment) {
        return segment == 1 ? Math.max(0, v.rung() - STARTUP_RUNGS_BELOW) : v.rung();
    }

    /** {@code count} plays drawn from {@code random} (titles, rungs) and {@code leaving} (how far each gets). */
    List<Viewer> viewers(int count, Random random, Random leaving) {
        List<Viewer> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int title = sample(cdf, random.nextDouble());
            int rung = sample(cumulative(rungMix[title]), random.nextDouble());
            int n = 1;
            while (n < segments && leaving.nextDouble() < goOn) {
                n++;
            }
            out.add(new Viewer(title, rung, n));
        }
        return out;
    }

    /** The keys one play requests, in order. */
    List<String> requests(Viewer v) {
        List<String> keys = new ArrayList<>(v.segments());
        for (int s = 1; s <= v.segments(); s++) {
            keys.add(key(v.title(), rungAt(v, s), s));
        }
        return keys;
    }

    /** Expected requests per object per play of the whole region, popularity known exactly. */
    Map<String, Double> expectedRequests() {
        Map<String, Double> expected = new HashMap<>();
        for (int t = 0; t < titles(); t++) {
            double share = cdf[t] - (t == 0 ? 0 : cdf[t - 1]);
            for (int r = 0; r < RUNGS.size(); r++) {
                Viewer typical = new Viewer(t, r, segments);
                for (int s = 1; s <= segments; s++) {
                    expected.merge(key(t, rungAt(typical, s), s), share * rungMix[t][r] * Math.pow(goOn, s - 1),
                            Double::sum);
                }
            }
        }
        return expected;
    }

    /** Requests per object of {@code viewers}. */
    Map<String, Double> requestCounts(List<Viewer> viewers) {
        Map<String, Double> counts = new HashMap<>();
        for (Viewer v : viewers) {
            for (String key : requests(v)) {
                counts.merge(key, 1.0, Double::sum);
            }
        }
        return counts;
    }

    /**
     * The objects with the most {@code requests} per byte that fit in {@code capacityBytes}: with the exact expected
     * requests, the best content a perfect forecast could plan; with tonight's counts, the best in hindsight.
     */
    Set<String> bestStatic(Map<String, Double> requests, long capacityBytes) {
        List<Map.Entry<String, Double>> objects = new ArrayList<>(requests.entrySet());
        objects.sort((a, b) -> Double.compare(b.getValue() / bytesOf(b.getKey()), a.getValue() / bytesOf(a.getKey())));
        Set<String> held = new HashSet<>();
        long used = 0;
        for (Map.Entry<String, Double> o : objects) {
            long bytes = bytesOf(o.getKey());
            if (used + bytes <= capacityBytes) {
                used += bytes;
                held.add(o.getKey());
            }
        }
        return held;
    }

    /** The share of {@code requests} that a node holding {@code held} would serve. */
    static double hitShare(Map<String, Double> requests, Set<String> held) {
        double total = 0;
        double hits = 0;
        for (Map.Entry<String, Double> e : requests.entrySet()) {
            total += e.getValue();
            if (held.contains(e.getKey())) {
                hits += e.getValue();
            }
        }
        return total == 0 ? 0 : hits / total;
    }

    private long bytesOf(String key) {
        for (int r = 0; r < RUNGS.size(); r++) {
            if (key.contains("/" + RUNGS.get(r) + "/")) {
                return segmentBytes(r);
            }
        }
        throw new IllegalArgumentException("not a workload key: " + key);
    }

    private static double[] zipfCdf(int n, double s) {
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
            weights[i] = 1 / Math.pow(i + 1, s);
        }
        return cumulative(weights);
    }

    private static double[] cumulative(double[] weights) {
        double[] cdf = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            cdf[i] = sum;
        }
        for (int i = 0; i < cdf.length; i++) {
            cdf[i] /= sum;
        }
        return cdf;
    }

    private static int sample(double[] cdf, double u) {
        int i = Arrays.binarySearch(cdf, u);
        return Math.min(cdf.length - 1, i >= 0 ? i : -i - 1);
    }
}
