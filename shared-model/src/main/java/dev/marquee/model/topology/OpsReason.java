package dev.marquee.model.topology;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why an SRE acts; recorded in the event with who and when. */
public record OpsReason(@NotBlank @Size(max = 500) String reason) {}
