package dev.marquee.model.identity;

/**
 * Answer to a sign-in or a refresh: a short-lived signed access token for the {@code Authorization: Bearer}
 * header and a longer-lived opaque refresh token that is rotated on every use.
 *
 * @param expiresInSeconds lifetime of the access token from the moment it was issued
 */
public record TokenResponse(
        String accessToken,
        String tokenType,
        long expiresInSeconds,
        String refreshToken,
        AccountView account) {}
