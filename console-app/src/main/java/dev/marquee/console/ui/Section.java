package dev.marquee.console.ui;

/**
 * The dashboard's views, in navigation order, each with the empty state it shows while its backend API is
 * missing (Chaos and Encoding answer 404 on older backends) or has nothing to report.
 */
public enum Section {
    REGIONS("regions", "World / Regions", "No regions reported yet.",
            "The traffic director's regions, their zones and service instances appear here once the topology "
                    + "service publishes them."),
    EDGE("edge", "Edge", "No edge nodes reported yet.",
            "Tier-1 and tier-2 edge caches, their fills and hit ratios appear here once the edge service "
                    + "publishes them."),
    BREAKERS("breakers", "Breakers", "No circuit breakers reported yet.",
            "Breaker states, failure rates and bulkheads appear here once the resilience service publishes them."),
    CHAOS("chaos", "Chaos", "No chaos experiments yet.",
            "This backend has no chaos engine API (/api/ops/chaos answers 404): experiments, blast-radius previews, "
                    + "runs, schedules and the kill switch appear here on a backend that has it."),
    METRICS("metrics", "Metrics", "No metrics yet.",
            "Request rates, latencies and errors appear here once the metrics service publishes them."),
    ENCODING("encoding", "Encoding", "No encoding jobs yet.",
            "This backend has no encoding jobs API (/api/ops/encoding/jobs answers 404): jobs with progress "
                    + "and ETA and per-title ladders with quality scores appear here on a backend that has it.");

    private final String key;
    private final String label;
    private final String emptyTitle;
    private final String emptyDetail;

    Section(String key, String label, String emptyTitle, String emptyDetail) {
        this.key = key;
        this.label = label;
        this.emptyTitle = emptyTitle;
        this.emptyDetail = emptyDetail;
    }

    /** Stable short name, used in node ids such as {@code #nav-edge}. */
    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public String emptyTitle() {
        return emptyTitle;
    }

    public String emptyDetail() {
        return emptyDetail;
    }
}
