package dev.marquee.backend.identity.internal;

import dev.marquee.backend.platform.ProblemException;
import dev.marquee.model.identity.AccountView;
import dev.marquee.model.identity.Role;
import java.time.InstantSource;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates accounts. There is no self-service sign-up yet: accounts come from the demo seed (and tests). */
@Service
class Accounts {
    private final AccountRepository accounts;
    private final PasswordEncoder passwords;
    private final InstantSource clock;

    Accounts(AccountRepository accounts, PasswordEncoder passwords, InstantSource clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.clock = clock;
    }

    @Transactional
    Account create(String email, String displayName, String password, Set<Role> roles) {
        Account account = new Account(UUID.randomUUID(), Account.normalizeEmail(email), displayName,
                passwords.encode(password), Set.copyOf(roles), clock.instant());
        accounts.insert(account);
        return account;
    }

    @Transactional(readOnly = true)
    AccountView view(UUID accountId) {
        return accounts.findById(accountId).map(Account::view).orElseThrow(() -> new ProblemException(
                HttpStatus.NOT_FOUND, "account-not-found", "Account not found", "The account no longer exists."));
    }
}
