package dev.marquee.backend.identity.internal;

import dev.marquee.backend.platform.AccessTokens;
import dev.marquee.backend.platform.ProblemException;
import dev.marquee.model.identity.TokenResponse;
import java.time.Duration;
import java.time.InstantSource;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sign-in, refresh and sign-out. Sign-in answers the same way, after the same hashing work, whether the
 * account is unknown or the password is wrong, so neither the answer nor its timing tells accounts apart.
 */
@Service
class Sessions {
    static final String TOKEN_TYPE = "Bearer";

    private final AccountRepository accounts;
    private final ProfileRepository profiles;
    private final RefreshTokens refreshTokens;
    private final AccessTokens accessTokens;
    private final PasswordEncoder passwords;
    private final SignInThrottle throttle;
    private final InstantSource clock;
    /** Compared against when the account does not exist, so that the miss costs one hash like a hit. */
    private final String dummyHash;

    Sessions(AccountRepository accounts, ProfileRepository profiles, RefreshTokens refreshTokens,
            AccessTokens accessTokens, PasswordEncoder passwords, SignInThrottle throttle, InstantSource clock) {
        this.accounts = accounts;
        this.profiles = profiles;
        this.refreshTokens = refreshTokens;
        this.accessTokens = accessTokens;
        this.passwords = passwords;
        this.throttle = throttle;
        this.clock = clock;
        this.dummyHash = passwords.encode("not-a-password-of-anyone");
    }

    @Transactional
    TokenResponse signIn(String email, String password, String clientAddress) {
        throttle.admit(email, clientAddress);
        Account account = accounts.findByEmail(email).orElse(null);
        boolean matches = passwords.matches(password, account != null ? account.passwordHash() : dummyHash);
        if (account == null || !matches) {
            throw new ProblemException(HttpStatus.UNAUTHORIZED, "bad-credentials", "Sign-in failed",
                    "The email or the password is wrong.");
        }
        return tokens(account, refreshTokens.startFamily(account.id()), null);
    }

    /**
     * A token pair for an account without its password: only for synthetic viewers, which have none (the caller,
     * {@link SyntheticViewerAccounts}, is reached by SREs only). Must run inside the caller's transaction.
     */
    TokenResponse issueWithoutPassword(Account account) {
        return tokens(account, refreshTokens.startFamily(account.id()), null);
    }

    /**
     * A token pair scoped to a profile the caller has just selected (its PIN already checked): the access token
     * names the profile and its kids flag, and the new refresh family carries the profile so refreshes keep it.
     */
    @Transactional
    TokenResponse forProfile(UUID accountId, UUID profileId) {
        Account account = accounts.findById(accountId).orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND,
                "account-not-found", "Account not found", "The account no longer exists."));
        Profile profile = profiles.find(accountId, profileId).orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND,
                "profile-not-found", "Profile not found", "There is no such profile on this account."));
        return tokens(account, refreshTokens.startFamily(accountId, profileId), profile);
    }

    @Transactional(noRollbackFor = ProblemException.class)
    TokenResponse refresh(String refreshToken) {
        RefreshTokens.Rotation rotation = refreshTokens.rotate(refreshToken).orElseThrow(Sessions::invalidRefreshToken);
        Account account = accounts.findById(rotation.accountId()).orElseThrow(Sessions::invalidRefreshToken);
        UUID profileId = rotation.profileId();
        if (profileId == null) {
            return tokens(account, rotation.nextToken(), null);
        }
        // The profile's flags are read afresh: a profile turned into a kids profile is restricted from the next
        // refresh on; a deleted one ends the scoped session rather than falling back to account level.
        Profile profile = profiles.find(account.id(), profileId).orElseThrow(Sessions::invalidRefreshToken);
        return tokens(account, rotation.nextToken(), profile);
    }

    @Transactional
    void signOut(String refreshToken) {
        refreshTokens.revoke(refreshToken);
    }

    private TokenResponse tokens(Account account, String refreshToken, @Nullable Profile profile) {
        AccessTokens.SelectedProfile scope = profile == null ? null : new AccessTokens.SelectedProfile(profile.id(), profile.kids());
        AccessTokens.AccessToken access = accessTokens.issue(account.id(), account.email(), account.roles(), scope);
        long expiresIn = Math.max(0, Duration.between(clock.instant(), access.expiresAt()).toSeconds());
        return new TokenResponse(access.value(), TOKEN_TYPE, expiresIn, refreshToken, account.view());
    }

    private static ProblemException invalidRefreshToken() {
        return new ProblemException(HttpStatus.UNAUTHORIZED, "invalid-refresh-token", "Session ended",
                "The refresh token is invalid, expired or was already used: sign in again.");
    }
}
