package dev.marquee.model.topology;

import java.util.List;

/** {@code GET /api/ops/registry}: every lease, and whether self-preservation holds evictions back, in plain words. */
public record RegistryView(List<InstanceView> instances, long leaseDurationSeconds, boolean selfPreservationActive,
                           String selfPreservation) {}
