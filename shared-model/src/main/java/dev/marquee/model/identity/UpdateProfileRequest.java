package dev.marquee.model.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code PUT /api/me/profiles/{id}}: name, kids flag and avatar are replaced; the PIN is set when
 * {@code pin} is given, removed when {@code removePin} is true, and left as it is otherwise.
 */
public record UpdateProfileRequest(
        @NotBlank @Size(max = 40) String name,
        boolean kids,
        @Nullable @Pattern(regexp = "\\d{4}", message = "must be four digits") String pin,
        boolean removePin,
        @Nullable @Size(max = 40) String avatar) {}
