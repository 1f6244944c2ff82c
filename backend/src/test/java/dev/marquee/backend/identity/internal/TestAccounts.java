package dev.marquee.backend.identity.internal;

import dev.marquee.model.identity.Role;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationContext;

/** Creates a fresh account per test, so tests do not share throttles, profiles or tokens. */
public final class TestAccounts {
    private TestAccounts() {}

    public record Credentials(UUID id, String email, String password) {}

    public static Credentials create(ApplicationContext context, Role... roles) {
        String email = "test-" + UUID.randomUUID() + "@marquee.test";
        String password = "pw-" + UUID.randomUUID();
        Account account = context.getBean(Accounts.class).create(email, "Test", password, Set.of(roles));
        return new Credentials(account.id(), email, password);
    }
}
