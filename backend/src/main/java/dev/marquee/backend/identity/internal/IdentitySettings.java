package dev.marquee.backend.identity.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code marquee.identity}.
 *
 * @param refreshTokenTtl          how long an unused refresh token stays valid
 * @param pinMaxFailures           wrong PINs in a row that lock a profile
 * @param pinLockout               how long a profile stays locked
 * @param signInPerAccountBurst    sign-in attempts an account may take at once …
 * @param signInPerAccountRefill   … and how often one more attempt becomes available
 * @param signInPerAddressBurst    sign-in attempts one client address may take at once …
 * @param signInPerAddressRefill   … and how often one more attempt becomes available
 * @param demoAccounts             create the demo viewer and SRE accounts when there is no account yet
 */
@ConfigurationProperties("marquee.identity")
public record IdentitySettings(
        @DefaultValue("30d") Duration refreshTokenTtl,
        @DefaultValue("5") int pinMaxFailures,
        @DefaultValue("15m") Duration pinLockout,
        @DefaultValue("5") int signInPerAccountBurst,
        @DefaultValue("12s") Duration signInPerAccountRefill,
        @DefaultValue("30") int signInPerAddressBurst,
        @DefaultValue("2s") Duration signInPerAddressRefill,
        @DefaultValue("true") boolean demoAccounts) {

    public IdentitySettings {
        if (pinMaxFailures < 1 || signInPerAccountBurst < 1 || signInPerAddressBurst < 1) {
            throw new IllegalArgumentException("marquee.identity: PIN failures and sign-in bursts must be at least 1");
        }
        if (!signInPerAccountRefill.isPositive() || !signInPerAddressRefill.isPositive() || !pinLockout.isPositive()
                || !refreshTokenTtl.isPositive()) {
            throw new IllegalArgumentException("marquee.identity: durations must be positive");
        }
    }
}
