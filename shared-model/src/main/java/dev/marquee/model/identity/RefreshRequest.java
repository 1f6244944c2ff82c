package dev.marquee.model.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/auth/refresh} and {@code POST /api/auth/sign-out}. */
public record RefreshRequest(@NotBlank @Size(max = 512) String refreshToken) {}
