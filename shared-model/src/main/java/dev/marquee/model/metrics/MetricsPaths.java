package dev.marquee.model.metrics;

/**
 * HTTP paths of heartbeat ingestion and the metrics ops API. Kept beside their wire types (rather than in
 * {@code ApiPaths}) so the module owns them; everything under {@code /api/ops} needs the SRE role.
 */
public final class MetricsPaths {
    private MetricsPaths() {}

    /** {@code POST} a {@link dev.marquee.model.events.PlaybackHeartbeat}; any signed-in account. */
    public static final String HEARTBEATS = "/api/playback/heartbeats";

    public static final String METRICS = "/api/ops/metrics";
    /** {@code GET ?name=…&tag.<key>=…&from=…&to=…&step=…} → a {@link SeriesAnswer}. */
    public static final String SERIES = METRICS + "/series";
    /** {@code GET} → a list of {@link SeriesDescriptor}: every series the store holds. */
    public static final String NAMES = METRICS + "/names";
    /** {@code GET ?region=…&window=60s[&service=identity]} → a {@link KpiSnapshot}. */
    public static final String KPIS = METRICS + "/kpis";
    /** {@code GET}, {@code text/event-stream}: {@link #KPIS_EVENT} and {@link #NOTABLE_EVENT} events. */
    public static final String STREAM = METRICS + "/stream";

    /**
     * SSE event name of a JSON array of {@link KpiSnapshot} over the last minute (overall first, then one per
     * region), sent on connect and every few seconds; it has no id.
     */
    public static final String KPIS_EVENT = "kpis";
    /** SSE event name of a {@link LiveEvent}; its id is the log position to resume from ({@code Last-Event-ID}). */
    public static final String NOTABLE_EVENT = "notable";
    /** The region tag value of series and snapshots that cover every region. */
    public static final String ALL_REGIONS = "all";
}
