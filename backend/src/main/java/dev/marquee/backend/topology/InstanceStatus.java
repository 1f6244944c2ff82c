package dev.marquee.backend.topology;

/** Status of a registered instance, with Eureka's meaning. Only {@link #UP} instances receive traffic. */
public enum InstanceStatus {
    /** Registered, not yet ready to serve. */
    STARTING,
    /** Serving. */
    UP,
    /** Registered but failing, by its own report or because its lease ran out while self-preservation held it. */
    DOWN,
    /** Taken out of rotation by an SRE; keeps its lease so it can be put back. */
    OUT_OF_SERVICE
}
