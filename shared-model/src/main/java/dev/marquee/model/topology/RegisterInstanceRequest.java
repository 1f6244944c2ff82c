package dev.marquee.model.topology;

import jakarta.validation.constraints.NotBlank;

/** A (remote) instance joining the registry; it then renews with {@code PUT …/heartbeat}. */
public record RegisterInstanceRequest(@NotBlank String id, @NotBlank String service, @NotBlank String region,
                                      @NotBlank String zone, @NotBlank String url) {}
