package dev.marquee.model.topology;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** Faults to inject on an instance's wire: the fraction of requests answered 500 and an added latency. */
public record InstanceFaults(@DecimalMin("0.0") @DecimalMax("1.0") double errorRate,
                             @Min(0) @Max(60_000) long latencyMs) {}
