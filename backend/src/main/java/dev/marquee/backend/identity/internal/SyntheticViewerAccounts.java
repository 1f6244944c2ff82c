package dev.marquee.backend.identity.internal;

import dev.marquee.backend.platform.ProblemException;
import dev.marquee.model.identity.CreateProfileRequest;
import dev.marquee.model.identity.ProfileView;
import dev.marquee.model.identity.Role;
import dev.marquee.model.identity.SyntheticViewer;
import dev.marquee.model.identity.SyntheticViewers;
import dev.marquee.model.identity.SyntheticViewersRequest;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Synthetic viewer accounts for the load fleet ({@code ./marquee load}): {@code <prefix>-NNN@synthetic.marquee.invalid},
 * viewer role only, marked synthetic, one profile each, and a fresh token pair per call. They have no password
 * anyone knows: the stored bcrypt hash is of 256 random bits thrown away at once, so password sign-in can never
 * succeed and no secret exists to leak; the tokens handed to the SRE are the only way in, and expire (access) or
 * are revoked by signing out (refresh). Idempotent by prefix: existing synthetic accounts are reused, so repeated
 * load runs do not grow the account table. It refuses to touch an account that is not synthetic.
 */
@Service
class SyntheticViewerAccounts {
    /** Random bytes of the throw-away password: 256 bits, never guessable, never stored in the clear. */
    private static final int SECRET_BYTES = 32;
    /**
     * bcrypt cost for the throw-away secret: its strength comes from its 256 random bits, not from the cost, so the
     * minimum (4, ~1 ms) lets an SRE make hundreds of accounts in one call instead of ~70 ms each at cost 10.
     */
    private static final int SECRET_BCRYPT_STRENGTH = 4;
    static final String PROFILE_NAME = "Synthetic";

    private final AccountRepository accountRepository;
    private final Profiles profiles;
    private final Sessions sessions;
    private final InstantSource clock;
    private final PasswordEncoder secretHasher = new BCryptPasswordEncoder(SECRET_BCRYPT_STRENGTH);
    private final SecureRandom random = new SecureRandom();

    SyntheticViewerAccounts(AccountRepository accountRepository, Profiles profiles, Sessions sessions,
            InstantSource clock) {
        this.accountRepository = accountRepository;
        this.profiles = profiles;
        this.sessions = sessions;
        this.clock = clock;
    }

    static String email(String prefix, int number) {
        return "%s-%03d@%s".formatted(prefix, number, SyntheticViewersRequest.EMAIL_DOMAIN);
    }

    @Transactional
    SyntheticViewers provision(SyntheticViewersRequest request) {
        List<SyntheticViewer> viewers = new ArrayList<>(request.count());
        int created = 0;
        for (int n = 1; n <= request.count(); n++) {
            String email = email(request.prefix(), n);
            Account account = accountRepository.findByEmail(email).orElse(null);
            if (account == null) {
                account = create(email, request.prefix(), n);
                created++;
            } else if (!accountRepository.isSynthetic(account.id())) {
                throw new ProblemException(HttpStatus.CONFLICT, "not-synthetic", "Not a synthetic account",
                        email + " exists and belongs to a person: choose another prefix.");
            }
            viewers.add(new SyntheticViewer(account.id(), account.email(), profileOf(account.id()),
                    sessions.issueWithoutPassword(account)));
        }
        return new SyntheticViewers(request.prefix(), created, viewers);
    }

    private Account create(String email, String prefix, int number) {
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        Account account = new Account(UUID.randomUUID(), email, "Synthetic viewer %s-%03d".formatted(prefix, number),
                secretHasher.encode(Base64.getEncoder().encodeToString(secret)), Set.of(Role.VIEWER), clock.instant());
        try {
            accountRepository.insert(account);
        } catch (DuplicateKeyException e) {
            throw new ProblemException(HttpStatus.CONFLICT, "synthetic-viewers-busy", "Being created",
                    "Another request is creating the synthetic viewers with this prefix: try again in a moment.");
        }
        accountRepository.markSynthetic(account.id());
        return account;
    }

    private UUID profileOf(UUID accountId) {
        List<ProfileView> existing = profiles.list(accountId);
        return existing.isEmpty()
                ? profiles.create(accountId, new CreateProfileRequest(PROFILE_NAME, false, null, null)).id()
                : existing.getFirst().id();
    }
}
