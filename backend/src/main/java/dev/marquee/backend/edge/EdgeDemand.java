package dev.marquee.backend.edge;

/**
 * Demand signals the edge's fill planner learns from: the playback module reports plays, the recommendations
 * module reports home-row impressions. Cheap and thread-safe; call it from request threads.
 */
public interface EdgeDemand {

    void recordPlay(String region, String titleId);

    void recordImpression(String region, String titleId);
}
