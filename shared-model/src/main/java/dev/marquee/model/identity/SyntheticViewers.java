package dev.marquee.model.identity;

import java.util.List;

/**
 * Answer to {@code POST /api/ops/synthetic-viewers}.
 *
 * @param created how many of {@code viewers} did not exist before this call
 */
public record SyntheticViewers(String prefix, int created, List<SyntheticViewer> viewers) {
    public SyntheticViewers {
        viewers = List.copyOf(viewers);
    }
}
