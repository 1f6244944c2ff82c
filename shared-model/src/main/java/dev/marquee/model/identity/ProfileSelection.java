package dev.marquee.model.identity;

import java.util.UUID;

/**
 * Answer to selecting a profile: the profile's fields (as in {@link ProfileView}, so a client that reads the answer
 * as a {@code ProfileView} keeps working) plus a fresh token pair scoped to that profile (as in
 * {@link TokenResponse}). The client must use these tokens from now on: what a kids profile may see is decided by
 * the profile named in the access token, not by anything the client sends.
 */
public record ProfileSelection(
        UUID id,
        String name,
        boolean kids,
        boolean hasPin,
        boolean locked,
        String avatar,
        String accessToken,
        String tokenType,
        long expiresInSeconds,
        String refreshToken,
        AccountView account) {

    public static ProfileSelection of(ProfileView profile, TokenResponse tokens) {
        return new ProfileSelection(profile.id(), profile.name(), profile.kids(), profile.hasPin(), profile.locked(),
                profile.avatar(), tokens.accessToken(), tokens.tokenType(), tokens.expiresInSeconds(),
                tokens.refreshToken(), tokens.account());
    }

    public ProfileView profile() {
        return new ProfileView(id, name, kids, hasPin, locked, avatar);
    }

    public TokenResponse tokens() {
        return new TokenResponse(accessToken, tokenType, expiresInSeconds, refreshToken, account);
    }
}
