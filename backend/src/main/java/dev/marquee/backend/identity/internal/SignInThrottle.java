package dev.marquee.backend.identity.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.marquee.backend.platform.TooManyRequestsException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import org.springframework.stereotype.Component;

/**
 * Limits sign-in attempts per account (against guessing one password) and per client address (against
 * trying many accounts), with an in-memory token bucket for each. Every attempt counts, successful or not.
 * Buckets are forgotten once they would be full again, so memory stays bounded by recent attackers.
 * It does not share state between backend processes.
 */
@Component
class SignInThrottle {
    /** Upper bound on remembered buckets per kind: a flood of fresh addresses cannot exhaust the heap. */
    static final int MAX_TRACKED_KEYS = 100_000;

    private final IdentitySettings settings;
    private final InstantSource clock;
    private final Cache<String, TokenBucket> perAccount;
    private final Cache<String, TokenBucket> perAddress;

    SignInThrottle(IdentitySettings settings, InstantSource clock) {
        this.settings = settings;
        this.clock = clock;
        this.perAccount = cache(TokenBucket.timeToFull(settings.signInPerAccountBurst(), settings.signInPerAccountRefill()));
        this.perAddress = cache(TokenBucket.timeToFull(settings.signInPerAddressBurst(), settings.signInPerAddressRefill()));
    }

    /** Counts one attempt, or throws {@link TooManyRequestsException} saying when to try again. */
    void admit(String email, String clientAddress) {
        Instant now = clock.instant();
        TokenBucket address = perAddress.get(clientAddress,
                k -> new TokenBucket(settings.signInPerAddressBurst(), settings.signInPerAddressRefill(), now));
        Duration wait = address.tryTake(now);
        if (!wait.isZero()) {
            throw new TooManyRequestsException("Too many sign-in attempts from your address: try again later.", wait);
        }
        TokenBucket account = perAccount.get(Account.normalizeEmail(email),
                k -> new TokenBucket(settings.signInPerAccountBurst(), settings.signInPerAccountRefill(), now));
        wait = account.tryTake(now);
        if (!wait.isZero()) {
            throw new TooManyRequestsException("Too many sign-in attempts for this account: try again later.", wait);
        }
    }

    private static Cache<String, TokenBucket> cache(Duration forgetAfter) {
        return Caffeine.newBuilder().maximumSize(MAX_TRACKED_KEYS).expireAfterAccess(forgetAfter).build();
    }
}
