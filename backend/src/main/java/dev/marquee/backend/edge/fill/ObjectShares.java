package dev.marquee.backend.edge.fill;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * How many requests each object of a title gets per play of that title, measured from the edges' request counts:
 * it carries which rungs a region's viewers play (their devices and networks, the player's cautious first segment)
 * and how far into a title they get (abandonment), per title where a title has enough plays and from the region's
 * pooled curve where it has few or none. The planner multiplies it with the title's forecast plays.
 * It does not forecast plays; {@link FillForecast} pairs it with a forecast that does.
 *
 * <p>Objects are compared across titles by their <i>slot</i>: the key without its title, with a rung directory
 * reduced to its height ({@code titles/t9/720p-2400k/seg-00003.ts} → {@code 720p/seg-00003.ts}), because
 * per-title ladders give the same height a different bitrate in every title. A title's plays are counted as the
 * requests of its most requested segment position over all rungs (at least one request per play there: the
 * first segment, or later ones when viewers resume mid-title). Shrinkage: a title's share of a slot is
 * {@code (its requests + K × pooled share) / (its plays + K)} with {@code K} = {@link #PRIOR_PLAYS}, so a title
 * seen a few times follows the region and a title seen often follows its own viewers.
 * Immutable and pure.
 */
public final class ObjectShares {

    /** Nothing measured yet: the planner falls back to its assumptions. */
    public static final ObjectShares NONE = new ObjectShares(Map.of());

    /**
     * Plays at which a title's own counts weigh as much as the region's curve. With ~20 plays the share of a rung
     * played by a quarter of viewers is known to about ±10 points (binomial), about the spread between titles.
     */
    public static final double PRIOR_PLAYS = 20;

    private static final Pattern SEGMENT = Pattern.compile("^(.*/)?seg-(\\d+)\\.[A-Za-z0-9]+$");
    private static final Pattern RUNG_DIR = Pattern.compile("^(\\d+p)(-[A-Za-z0-9.]+)?$");

    private record TitleCounts(Map<String, Double> bySlot, double plays) {}

    private final Map<String, TitleCounts> byTitle;
    private final Map<String, Double> pooledPerPlay;
    private final double pooledPlays;

    private ObjectShares(Map<String, TitleCounts> byTitle) {
        this.byTitle = byTitle;
        Map<String, Double> pooledRequests = new HashMap<>();
        double plays = 0;
        for (TitleCounts t : byTitle.values()) {
            plays += t.plays();
            t.bySlot().forEach((slot, n) -> pooledRequests.merge(slot, n, Double::sum));
        }
        this.pooledPlays = plays;
        Map<String, Double> perPlay = new HashMap<>();
        if (plays > 0) {
            double p = plays;
            pooledRequests.forEach((slot, n) -> perPlay.put(slot, n / p));
        }
        this.pooledPerPlay = perPlay;
    }

    /**
     * @param requestsByKey requests per object key (decayed counts may be fractional); keys outside
     *                      {@code titles/<id>/} are ignored
     */
    public static ObjectShares fromRequests(Map<String, ? extends Number> requestsByKey) {
        Map<String, Map<String, Double>> slots = new HashMap<>();
        requestsByKey.forEach((key, n) -> {
            double count = n.doubleValue();
            String title = titleOf(key);
            if (title == null || !(count > 0)) {
                return;
            }
            slots.computeIfAbsent(title, t -> new HashMap<>()).merge(slotOf(key), count, Double::sum);
        });
        Map<String, TitleCounts> byTitle = new HashMap<>();
        slots.forEach((title, bySlot) -> {
            Map<Integer, Double> byPosition = new HashMap<>();
            bySlot.forEach((slot, n) -> {
                int position = segmentNumber(slot);
                if (position > 0) {
                    byPosition.merge(position, n, Double::sum);
                }
            });
            double plays = byPosition.values().stream().mapToDouble(Double::doubleValue).max()
                    .orElseGet(() -> bySlot.values().stream().mapToDouble(Double::doubleValue).max().orElse(0));
            byTitle.put(title, new TitleCounts(Map.copyOf(bySlot), plays));
        });
        return new ObjectShares(Map.copyOf(byTitle));
    }

    /** Whether any play was measured (else {@link #perPlay} has nothing to say). */
    public boolean measured() {
        return pooledPlays > 0;
    }

    /** Plays measured for a title (0 when none). */
    public double plays(String titleId) {
        TitleCounts t = byTitle.get(titleId);
        return t == null ? 0 : t.plays();
    }

    /**
     * Expected requests of {@code key} per play of its title: the title's own share shrunk towards the region's;
     * 0 for a slot no viewer in the region requested; NaN when nothing at all is measured or the key is not a
     * title's object.
     */
    public double perPlay(String key) {
        String title = titleOf(key);
        if (!measured() || title == null) {
            return Double.NaN;
        }
        String slot = slotOf(key);
        double pooled = pooledPerPlay.getOrDefault(slot, 0.0);
        TitleCounts t = byTitle.get(title);
        if (t == null) {
            return pooled;
        }
        return (t.bySlot().getOrDefault(slot, 0.0) + PRIOR_PLAYS * pooled) / (t.plays() + PRIOR_PLAYS);
    }

    /** The title id of a key under {@code titles/<id>/}, or null. */
    static @Nullable String titleOf(String key) {
        if (!key.startsWith("titles/")) {
            return null;
        }
        int end = key.indexOf('/', "titles/".length());
        return end < 0 ? null : key.substring("titles/".length(), end);
    }

    /** The key without its title, a rung directory reduced to its height. */
    static String slotOf(String key) {
        String title = titleOf(key);
        String rest = title == null ? key : key.substring("titles/".length() + title.length() + 1);
        int slash = rest.indexOf('/');
        if (slash > 0) {
            Matcher rung = RUNG_DIR.matcher(rest.substring(0, slash));
            if (rung.matches()) {
                return rung.group(1) + rest.substring(slash);
            }
        }
        return rest;
    }

    /** The segment number of a slot or key (1 = the opening), or 0 when it is not a segment. */
    static int segmentNumber(String slotOrKey) {
        Matcher m = SEGMENT.matcher(slotOrKey);
        if (!m.matches()) {
            return 0;
        }
        String digits = m.group(2);
        return digits.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(digits);
    }

    /** The rung of a slot or key ({@code 720p}), or null when it is not under a rung directory. */
    static @Nullable String rungOf(String key) {
        String slot = slotOf(key);
        int slash = slot.indexOf('/');
        return slash > 0 && RUNG_DIR.matcher(slot.substring(0, slash)).matches() ? slot.substring(0, slash) : null;
    }
}
