package dev.marquee.console.ui;

/**
 * The dashboard's views, in navigation order. Each says honestly what it will show and that nothing reports
 * to it yet; the views themselves arrive with their backend modules.
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
            "Starting and stopping failure experiments becomes possible here once the chaos service is available."),
    METRICS("metrics", "Metrics", "No metrics yet.",
            "Request rates, latencies and errors appear here once the metrics service publishes them."),
    ENCODING("encoding", "Encoding", "No encoding jobs yet.",
            "Per-title ladders, job progress and quality scores appear here once the encoding service "
                    + "publishes them.");

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
