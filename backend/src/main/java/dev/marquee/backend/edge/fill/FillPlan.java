package dev.marquee.backend.edge.fill;

import java.util.List;

/**
 * What one node should hold after a night of fills: the titles chosen and their objects, most wanted first.
 *
 * @param titles     title ids in the order they will be filled
 * @param keys       every object key of those titles, in fill order
 * @param bytes      total size of {@code keys}
 * @param budgetBytes what the plan was allowed to use (a share of the node's capacity)
 */
public record FillPlan(String nodeId, List<String> titles, List<String> keys, long bytes, long budgetBytes) {

    public FillPlan {
        titles = List.copyOf(titles);
        keys = List.copyOf(keys);
    }
}
