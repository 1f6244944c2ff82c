package dev.marquee.model.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Body of {@code POST /api/me/profiles}. The PIN, when given, is four digits. */
public record CreateProfileRequest(
        @NotBlank @Size(max = 40) String name,
        boolean kids,
        @Nullable @Pattern(regexp = "\\d{4}", message = "must be four digits") String pin,
        @Nullable @Size(max = 40) String avatar) {}
