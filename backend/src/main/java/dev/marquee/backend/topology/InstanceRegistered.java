package dev.marquee.backend.topology;

/** Published when an instance registers (or registers again after its lease was lost). */
public record InstanceRegistered(InstanceInfo instance) {}
