package dev.marquee.model.identity;

import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

/** Body of {@code POST /api/me/profiles/{id}/select}; the PIN is needed only for a profile that has one. */
public record SelectProfileRequest(@Nullable @Pattern(regexp = "\\d{4}", message = "must be four digits") String pin) {}
