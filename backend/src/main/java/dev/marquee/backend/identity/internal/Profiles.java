package dev.marquee.backend.identity.internal;

import dev.marquee.backend.platform.ProblemException;
import dev.marquee.model.identity.CreateProfileRequest;
import dev.marquee.model.identity.ProfileView;
import dev.marquee.model.identity.UpdateProfileRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Profiles of an account: at most {@link ProfileView#MAX_PER_ACCOUNT}, each with an optional hashed PIN that
 * locks the profile after {@code marquee.identity.pin-max-failures} wrong tries in a row. Changes to one
 * account's profiles are serialised by locking the account row, so limits and counters hold under races.
 */
@Service
class Profiles {
    private final ProfileRepository profiles;
    private final AccountRepository accounts;
    private final PasswordEncoder passwords;
    private final IdentitySettings settings;
    private final InstantSource clock;

    Profiles(ProfileRepository profiles, AccountRepository accounts, PasswordEncoder passwords,
            IdentitySettings settings, InstantSource clock) {
        this.profiles = profiles;
        this.accounts = accounts;
        this.passwords = passwords;
        this.settings = settings;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    List<ProfileView> list(UUID accountId) {
        Instant now = clock.instant();
        return profiles.findAll(accountId).stream().map(p -> p.view(now)).toList();
    }

    @Transactional(readOnly = true)
    ProfileView get(UUID accountId, UUID profileId) {
        return find(accountId, profileId).view(clock.instant());
    }

    @Transactional
    ProfileView create(UUID accountId, CreateProfileRequest request) {
        lockAccount(accountId);
        if (profiles.count(accountId) >= ProfileView.MAX_PER_ACCOUNT) {
            throw new ProblemException(HttpStatus.CONFLICT, "profile-limit", "Profile limit reached",
                    "An account has at most " + ProfileView.MAX_PER_ACCOUNT + " profiles: delete one first.");
        }
        Profile profile = new Profile(UUID.randomUUID(), accountId, request.name().strip(), request.kids(),
                avatar(request.avatar()), pinHash(request.pin()), PinLock.CLEAR, clock.instant());
        profiles.insert(profile);
        return profile.view(clock.instant());
    }

    @Transactional
    ProfileView update(UUID accountId, UUID profileId, UpdateProfileRequest request) {
        lockAccount(accountId);
        Profile current = find(accountId, profileId);
        String pinHash = request.pin() != null ? pinHash(request.pin()) : request.removePin() ? null : current.pinHash();
        PinLock lock = pinHash == null || request.pin() != null ? PinLock.CLEAR : current.pinLock();
        Profile updated = new Profile(current.id(), accountId, request.name().strip(), request.kids(),
                avatar(request.avatar()), pinHash, lock, current.createdAt());
        profiles.update(updated);
        return updated.view(clock.instant());
    }

    @Transactional
    void delete(UUID accountId, UUID profileId) {
        if (!profiles.delete(accountId, profileId)) {
            throw notFound();
        }
    }

    /** Checks the PIN (if the profile has one) and returns the profile; counts wrong PINs toward a lock. */
    @Transactional(noRollbackFor = ProblemException.class)
    ProfileView select(UUID accountId, UUID profileId, @Nullable String pin) {
        lockAccount(accountId);
        Profile profile = find(accountId, profileId);
        Instant now = clock.instant();
        if (profile.pinHash() == null) {
            return profile.view(now);
        }
        if (profile.pinLock().lockedAt(now)) {
            throw locked(profile.pinLock(), now);
        }
        if (pin == null) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "pin-required", "PIN required", "This profile is protected by a PIN.");
        }
        if (passwords.matches(pin, profile.pinHash())) {
            profiles.updatePinLock(accountId, profileId, PinLock.CLEAR);
            return new Profile(profile.id(), accountId, profile.name(), profile.kids(), profile.avatar(), profile.pinHash(),
                    PinLock.CLEAR, profile.createdAt()).view(now);
        }
        PinLock after = profile.pinLock().afterFailure(now, settings.pinMaxFailures(), settings.pinLockout());
        profiles.updatePinLock(accountId, profileId, after);
        if (after.lockedAt(now)) {
            throw locked(after, now);
        }
        ProblemException wrong = new ProblemException(HttpStatus.FORBIDDEN, "wrong-pin", "Wrong PIN",
                "The PIN is wrong: " + after.remaining(settings.pinMaxFailures()) + " tries left before the profile locks.");
        wrong.getBody().setProperty("remainingAttempts", after.remaining(settings.pinMaxFailures()));
        throw wrong;
    }

    private Profile find(UUID accountId, UUID profileId) {
        return profiles.find(accountId, profileId).orElseThrow(Profiles::notFound);
    }

    private void lockAccount(UUID accountId) {
        if (!accounts.lock(accountId)) {
            throw new ProblemException(HttpStatus.NOT_FOUND, "account-not-found", "Account not found", "The account no longer exists.");
        }
    }

    private static ProblemException notFound() {
        return new ProblemException(HttpStatus.NOT_FOUND, "profile-not-found", "Profile not found", "There is no such profile on this account.");
    }

    private static ProblemException locked(PinLock lock, Instant now) {
        Instant until = lock.lockedUntil() != null ? lock.lockedUntil() : now;
        ProblemException ex = new ProblemException(HttpStatus.LOCKED, "profile-locked", "Profile locked",
                "Too many wrong PINs: the profile is locked until " + until + ".");
        long seconds = Math.max(1, Duration.between(now, until).toSeconds());
        ex.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        ex.getBody().setProperty("lockedUntil", until.toString());
        return ex;
    }

    private @Nullable String pinHash(@Nullable String pin) {
        return pin == null ? null : passwords.encode(pin);
    }

    private static String avatar(@Nullable String avatar) {
        return avatar == null || avatar.isBlank() ? Profile.DEFAULT_AVATAR : avatar.strip();
    }
}
