package dev.marquee.backend.license.internal;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Content-key settings.
 *
 * @param keyEncryptionKeyFile the AES-256 key-encryption key, created owner-only on first start
 */
@ConfigurationProperties("marquee.license")
record LicenseProperties(Path keyEncryptionKeyFile) {}
