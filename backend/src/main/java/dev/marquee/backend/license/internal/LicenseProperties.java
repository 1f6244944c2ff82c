package dev.marquee.backend.license.internal;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Licence server settings.
 *
 * @param keyEncryptionKeyFile  the AES-256 key-encryption key, created owner-only on first start
 * @param maxConcurrentStreams  sessions with a live licence an account may hold at once
 * @param licenseLifetime       how long a licence is valid; players renew it a minute before expiry
 * @param maxHeight             policy: highest rung height a player may fetch, 0 = no cap
 */
@ConfigurationProperties("marquee.license")
record LicenseProperties(
        Path keyEncryptionKeyFile,
        @DefaultValue("4") int maxConcurrentStreams,
        @DefaultValue("10m") Duration licenseLifetime,
        @DefaultValue("0") int maxHeight) {

    LicenseProperties {
        if (maxConcurrentStreams < 1) {
            throw new IllegalArgumentException("marquee.license.max-concurrent-streams must be at least 1");
        }
        if (licenseLifetime.compareTo(MIN_LIFETIME) < 0) {
            throw new IllegalArgumentException("marquee.license.license-lifetime must be at least " + MIN_LIFETIME
                    + ": players renew " + MIN_LIFETIME.dividedBy(2) + " before expiry");
        }
        if (maxHeight < 0) {
            throw new IllegalArgumentException("marquee.license.max-height must be 0 (no cap) or a height in pixels");
        }
    }

    /** Players renew 60 s before expiry (DrmEngine.RENEW_BEFORE): a shorter licence would renew continuously. */
    static final Duration MIN_LIFETIME = Duration.ofMinutes(2);
}
