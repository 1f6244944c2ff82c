package dev.marquee.backend.encoding.internal.ladder;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Chooses a per-title ladder from trial encodes, the Netflix way at small scale: the rate–quality points of every
 * resolution form a cloud; its upper convex hull (in log bitrate × SSIM dB) is the best quality reachable at each
 * bitrate. The top rung sits where the hull reaches {@link #TOP_QUALITY_SSIM_DB} (or at the hull's best point if
 * it never does, or at the {@linkplain #ceilingBps ceiling} for the master's size), the bottom where it reaches {@link #FLOOR_QUALITY_SSIM_DB}
 * (or at the hull's cheapest point when even the floor is dear), never below {@link #MIN_VIDEO_BITRATE_BPS}; rungs in between are spaced {@link #RUNG_STEP}× apart in bitrate and each
 * takes the resolution whose curve is on the hull at that bitrate. Easy content reaches the top quality cheaply,
 * so it gets fewer rungs at lower bitrates; hard content gets more rungs at higher ones.
 * Pure: no I/O, no clock.
 */
public final class LadderPlanner {
    /** SSIM 0.99: differences from the master are hard to see at normal viewing distance. */
    public static final double TOP_QUALITY_SSIM_DB = 20.0;
    /** SSIM 0.90: below this a rung is not worth watching; the bottom rung aims at least here. */
    public static final double FLOOR_QUALITY_SSIM_DB = 10.0;
    /** Bitrate ratio between neighbouring rungs; Apple's HLS authoring spec steps 1.5–2×. */
    public static final double RUNG_STEP = 2.0;
    public static final int MAX_RUNGS = 6;
    /** Ceiling on the top rung of a 1080p30 title: the top of Apple's HLS authoring ladder is 7.8 Mbit/s. */
    public static final double MAX_BITRATE_1080P30_BPS = 8_000_000;
    /** Bitrate needed grows slower than pixel count (bitrate ∝ pixels^0.75 is the usual rule of thumb). */
    static final double PIXEL_EXPONENT = 0.75;
    static final double PIXELS_1080P = 1920.0 * 1080;
    static final double REFERENCE_FPS = 30;
    /** A rung closer than this ratio to the one above at the same resolution adds nothing and is merged. */
    static final double MIN_SAME_RESOLUTION_STEP = 1.3;
    /**
     * No rung goes below this much video (unless even the best trial needed less): next to the 128 kbit/s of audio
     * every rung carries, cheaper video rungs save nothing a viewer would notice.
     */
    public static final long MIN_VIDEO_BITRATE_BPS = 64_000;
    static final double MIN_CRF = 12;
    static final double MAX_CRF = 51;

    /** Plans the ladder, lowest bitrate first. {@code fps} sizes the bits-per-pixel ceiling. */
    public List<PlannedRung> plan(List<RateQualityPoint> points, double fps) {
        if (points.isEmpty()) throw new IllegalArgumentException("no rate-quality points to plan from");
        List<RateQualityPoint> hull = upperHull(points);
        Map<Integer, Curve> curves = curves(points);
        RateQualityPoint largest = points.stream().max(Comparator.comparingInt(p -> p.width() * p.height())).orElseThrow();
        double ceilingRate = ceilingBps(largest.width(), largest.height(), fps);

        double hullMin = hull.getFirst().bitrateBps();
        double hullMax = hull.getLast().bitrateBps();
        double top = Math.max(rateForQuality(hull, TOP_QUALITY_SSIM_DB), Math.min(MIN_VIDEO_BITRATE_BPS, hullMax));
        top = Math.min(Math.min(top, hullMax), ceilingRate);
        // Full resolution on top whenever the master's own size reaches the top quality within the ceiling: big
        // screens on good networks get every pixel, even when a smaller picture would score as well for fewer bits.
        Curve full = curves.get(largest.height());
        double fullRate = rateForQuality(full.points, TOP_QUALITY_SSIM_DB);
        boolean fullOnTop = fullRate <= ceilingRate;
        if (fullOnTop) top = Math.max(top, fullRate);
        // Easy content: the bottom rung sits where the floor quality is reached. Hard content, where even the floor
        // costs the top rung's bitrate or more: the cheapest point, so that slow networks still get a picture.
        double floorRate = rateForQuality(hull, FLOOR_QUALITY_SSIM_DB);
        double bottom = floorRate < top ? Math.max(hullMin, floorRate) : hullMin;
        bottom = Math.min(Math.max(bottom, MIN_VIDEO_BITRATE_BPS), top);

        int count = top / bottom < Math.sqrt(RUNG_STEP) ? 1
                : Math.min(MAX_RUNGS, 1 + (int) Math.ceil(Math.log(top / bottom) / Math.log(RUNG_STEP) - 1e-9));
        List<PlannedRung> rungs = new ArrayList<>();
        int maxHeight = Integer.MAX_VALUE;
        for (int i = count - 1; i >= 0; i--) {
            double rate = count == 1 ? top : bottom * Math.pow(top / bottom, (double) i / (count - 1));
            Curve best = fullOnTop && i == count - 1 ? full : bestCurveAt(curves, rate, maxHeight);
            if (best == null) best = curves.values().stream().min(Comparator.comparingInt(c -> c.height)).orElseThrow();
            maxHeight = best.height;
            double crf = Math.clamp(best.crfAt(rate), MIN_CRF, MAX_CRF);
            PlannedRung rung = new PlannedRung(best.width, best.height, crf, Math.round(rate), best.qualityAt(Math.max(rate, best.minRate())));
            if (!rungs.isEmpty()) {
                PlannedRung above = rungs.getLast();
                if (above.height() == rung.height() && above.targetBitrateBps() < rung.targetBitrateBps() * MIN_SAME_RESOLUTION_STEP) continue;
            }
            rungs.add(rung);
        }
        return rungs.reversed();
    }

    /** The curve with the best quality at {@code rate} among those no taller than {@code maxHeight}; null if none reaches down to it. */
    private static Curve bestCurveAt(Map<Integer, Curve> curves, double rate, int maxHeight) {
        Curve best = null;
        double bestQuality = Double.NEGATIVE_INFINITY;
        for (Curve curve : curves.values()) {
            if (curve.height > maxHeight || rate < curve.minRate()) continue;
            double q = curve.qualityAt(rate);
            if (q >= bestQuality) { // curves ascend in height: on a tie the larger picture wins
                bestQuality = q;
                best = curve;
            }
        }
        return best;
    }

    /** The most the top rung may spend at this size and frame rate. */
    public static double ceilingBps(int width, int height, double fps) {
        return MAX_BITRATE_1080P30_BPS * Math.pow(width * (double) height / PIXELS_1080P, PIXEL_EXPONENT) * fps / REFERENCE_FPS;
    }

    /** Upper convex hull in (log2 bitrate, SSIM dB), keeping only the part where quality rises with bitrate. */
    public static List<RateQualityPoint> upperHull(List<RateQualityPoint> points) {
        List<RateQualityPoint> sorted = points.stream()
                .sorted(Comparator.comparingDouble(RateQualityPoint::log2Rate).thenComparingDouble(RateQualityPoint::ssimDb))
                .toList();
        List<RateQualityPoint> hull = new ArrayList<>();
        for (RateQualityPoint p : sorted) {
            while (hull.size() >= 2 && cross(hull.get(hull.size() - 2), hull.getLast(), p) >= 0) {
                hull.removeLast();
            }
            hull.add(p);
        }
        // From the best point on, more bits buy nothing: cut the falling tail.
        int best = 0;
        for (int i = 1; i < hull.size(); i++) if (hull.get(i).ssimDb() > hull.get(best).ssimDb()) best = i;
        return List.copyOf(hull.subList(0, best + 1));
    }

    private static double cross(RateQualityPoint o, RateQualityPoint a, RateQualityPoint b) {
        return (a.log2Rate() - o.log2Rate()) * (b.ssimDb() - o.ssimDb()) - (a.ssimDb() - o.ssimDb()) * (b.log2Rate() - o.log2Rate());
    }

    /** The lowest bitrate at which the hull reaches {@code quality}; +∞ if it never does. */
    static double rateForQuality(List<RateQualityPoint> hull, double quality) {
        if (hull.getFirst().ssimDb() >= quality) return hull.getFirst().bitrateBps();
        for (int i = 1; i < hull.size(); i++) {
            RateQualityPoint a = hull.get(i - 1);
            RateQualityPoint b = hull.get(i);
            if (b.ssimDb() >= quality) {
                double t = (quality - a.ssimDb()) / (b.ssimDb() - a.ssimDb());
                return Math.pow(2, a.log2Rate() + t * (b.log2Rate() - a.log2Rate()));
            }
        }
        return Double.POSITIVE_INFINITY;
    }

    private static Map<Integer, Curve> curves(List<RateQualityPoint> points) {
        Map<Integer, List<RateQualityPoint>> byHeight = points.stream().collect(Collectors.groupingBy(RateQualityPoint::height, TreeMap::new, Collectors.toList()));
        Map<Integer, Curve> curves = new TreeMap<>();
        byHeight.forEach((h, list) -> curves.put(h, new Curve(list)));
        return curves;
    }

    /** One resolution's rate–quality curve, piecewise linear in log2 bitrate. */
    private static final class Curve {
        final int width;
        final int height;
        final List<RateQualityPoint> points;

        Curve(List<RateQualityPoint> points) {
            this.points = points.stream().sorted(Comparator.comparingLong(RateQualityPoint::bitrateBps)).toList();
            this.width = points.getFirst().width();
            this.height = points.getFirst().height();
        }

        double minRate() {
            return points.getFirst().bitrateBps();
        }

        /** Quality at {@code rate}; above the measured range, the best measured quality (conservative). */
        double qualityAt(double rate) {
            return interpolate(rate, RateQualityPoint::ssimDb, false);
        }

        /** CRF that should land at {@code rate}, extrapolated linearly in log rate outside the measured range. */
        double crfAt(double rate) {
            return interpolate(rate, RateQualityPoint::crf, true);
        }

        private double interpolate(double rate, java.util.function.ToDoubleFunction<RateQualityPoint> value, boolean extrapolate) {
            if (points.size() == 1) return value.applyAsDouble(points.getFirst());
            double x = Math.log(rate) / Math.log(2);
            int last = points.size() - 1;
            if (!extrapolate) {
                if (x <= points.getFirst().log2Rate()) return value.applyAsDouble(points.getFirst());
                if (x >= points.get(last).log2Rate()) return value.applyAsDouble(points.get(last));
            }
            int i = 1;
            while (i < last && x > points.get(i).log2Rate()) i++;
            RateQualityPoint a = points.get(i - 1);
            RateQualityPoint b = points.get(i);
            double span = b.log2Rate() - a.log2Rate();
            if (span <= 0) return value.applyAsDouble(b);
            double t = (x - a.log2Rate()) / span;
            return value.applyAsDouble(a) + t * (value.applyAsDouble(b) - value.applyAsDouble(a));
        }
    }
}
