package dev.marquee.backend.identity.internal;

import dev.marquee.backend.platform.MarqueeHome;
import dev.marquee.backend.platform.SecretFiles;
import dev.marquee.model.identity.CreateProfileRequest;
import dev.marquee.model.identity.Role;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On the first start (no account at all) creates a demo viewer with two profiles and an SRE account, with
 * random passwords that are printed once in the log and written to {@code ${marquee.home}/credentials}
 * (mode 600) for the launcher and the tests. It never touches an existing account. It runs before the web
 * server starts, so once the backend answers health checks the credentials file is there.
 */
@Component
class DemoAccounts implements SmartInitializingSingleton {
    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);
    static final String VIEWER_EMAIL = "viewer@marquee.local";
    static final String SRE_EMAIL = "sre@marquee.local";
    static final String CREDENTIALS_FILE = "credentials";
    /** 15 random bytes: 120 bits, 20 base64url characters, easy to copy. */
    private static final int PASSWORD_BYTES = 15;

    private final AccountRepository accountRepository;
    private final Accounts accounts;
    private final Profiles profiles;
    private final IdentitySettings settings;
    private final MarqueeHome home;
    private final TransactionTemplate transaction;
    private final SecureRandom random = new SecureRandom();

    DemoAccounts(AccountRepository accountRepository, Accounts accounts, Profiles profiles, IdentitySettings settings,
            MarqueeHome home, TransactionTemplate transaction) {
        this.accountRepository = accountRepository;
        this.accounts = accounts;
        this.profiles = profiles;
        this.settings = settings;
        this.home = home;
        this.transaction = transaction;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (!settings.demoAccounts()) {
            return;
        }
        transaction.executeWithoutResult(status -> {
            if (accountRepository.count() > 0) {
                return;
            }
            String viewerPassword = password();
            String srePassword = password();
            Account viewer = accounts.create(VIEWER_EMAIL, "Demo viewer", viewerPassword, Set.of(Role.VIEWER));
            profiles.create(viewer.id(), new CreateProfileRequest("Alex", false, null, null));
            profiles.create(viewer.id(), new CreateProfileRequest("Kids", true, null, "kids"));
            Account sre = accounts.create(SRE_EMAIL, "Site reliability", srePassword, EnumSet.of(Role.SRE, Role.VIEWER));
            profiles.create(sre.id(), new CreateProfileRequest("Ops", false, null, null));
            // Written inside the transaction: if the file cannot be written, no account exists that nobody can use.
            Path file = home.resolve(CREDENTIALS_FILE);
            try {
                SecretFiles.writeOwnerOnly(file, """
                        # Marquee demo accounts, created on first start. Delete the data directory to start over.
                        viewer.email=%s
                        viewer.password=%s
                        sre.email=%s
                        sre.password=%s
                        """.formatted(VIEWER_EMAIL, viewerPassword, SRE_EMAIL, srePassword));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file, e);
            }
            log.info(banner(file, viewerPassword, srePassword));
        });
    }

    private String password() {
        byte[] bytes = new byte[PASSWORD_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String banner(Path file, String viewerPassword, String srePassword) {
        String[] lines = {
                "Marquee demo accounts (shown only this once)",
                "",
                "viewer (player):   " + VIEWER_EMAIL + "   password " + viewerPassword,
                "SRE (console):     " + SRE_EMAIL + "      password " + srePassword,
                "",
                "Also in " + file + " (mode 600).",
        };
        int width = 0;
        for (String line : lines) {
            width = Math.max(width, line.length());
        }
        StringBuilder box = new StringBuilder("\n╔").append("═".repeat(width + 2)).append("╗\n");
        for (String line : lines) {
            box.append("║ ").append(line).append(" ".repeat(width - line.length())).append(" ║\n");
        }
        return box.append("╚").append("═".repeat(width + 2)).append("╝").toString();
    }
}
