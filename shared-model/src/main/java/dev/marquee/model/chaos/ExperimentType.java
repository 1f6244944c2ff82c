package dev.marquee.model.chaos;

/** The experiments the engine runs, after the Simian Army. */
public enum ExperimentType {
    /** Terminates {@code count} random instances in the scope (region, zone and/or service). */
    CHAOS_MONKEY,
    /** A zone outage: every instance of the zone terminated and the zone's cache replica failed. */
    CHAOS_GORILLA,
    /** A region outage: the region's gateway stopped and its instances terminated; the director fails over. */
    CHAOS_KONG,
    /** Added latency and/or error rate on the wire of a service's instances, one instance, or one edge node. */
    LATENCY_MONKEY,
    /** Finds unhealthy instances in the scope (terminated, evicted, DOWN, refusing connections) and replaces them. */
    DOCTOR_MONKEY
}
