package dev.marquee.backend.cache;

import java.util.Optional;

/** The zone replicas' states, for fault injection and repair (a zone outage fails its replica). Thread-safe. */
public interface CacheZones {
    /** A replica's state: {@code UP}, {@code WARMING} or {@code FAILED}; empty for a zone without a replica. */
    Optional<String> replicaState(String zone);

    /**
     * Sets a replica's state; returns the state it had.
     *
     * @throws IllegalArgumentException for an unknown zone or state
     */
    String setReplicaState(String zone, String state);
}
