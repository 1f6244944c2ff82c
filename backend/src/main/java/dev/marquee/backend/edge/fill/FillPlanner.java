package dev.marquee.backend.edge.fill;

import dev.marquee.backend.edge.TitleDemand;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Builds a node's fill plan from a popularity forecast: whole titles, most wanted first, as long as they fit
 * in {@link #FILL_SHARE} of the node's capacity (a title that does not fit is skipped and smaller, less wanted
 * ones may still go in). Pure: no I/O, so a plan can be shown before it runs.
 */
public final class FillPlanner {

    /**
     * Share of a node's capacity a plan may use. The rest is for what the forecast missed: reactive fills during
     * the day land there without evicting the planned titles first.
     */
    public static final double FILL_SHARE = 0.9;

    /** An object of a title at the origin. */
    public record OriginObject(String key, long bytes) {}

    private FillPlanner() {}

    /**
     * @param objectsOfTitle a title's objects at the origin (empty when the origin does not have it)
     */
    public static FillPlan plan(String nodeId, long capacityBytes, List<TitleDemand> forecast,
                                Function<String, List<OriginObject>> objectsOfTitle) {
        long budget = (long) (capacityBytes * FILL_SHARE);
        List<TitleDemand> ranked = new ArrayList<>(forecast);
        ranked.sort(Comparator.comparingDouble(TitleDemand::score).reversed().thenComparing(TitleDemand::titleId));
        List<String> titles = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        long used = 0;
        for (TitleDemand demand : ranked) {
            if (demand.score() <= 0) {
                break;
            }
            List<OriginObject> objects = objectsOfTitle.apply(demand.titleId());
            long size = objects.stream().mapToLong(OriginObject::bytes).sum();
            if (objects.isEmpty() || used + size > budget) {
                continue;
            }
            used += size;
            titles.add(demand.titleId());
            objects.forEach(o -> keys.add(o.key()));
        }
        return new FillPlan(nodeId, titles, keys, used, budget);
    }
}
