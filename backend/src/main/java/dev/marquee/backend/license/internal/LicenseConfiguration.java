package dev.marquee.backend.license.internal;

import dev.marquee.backend.identity.IdentityManagement;
import dev.marquee.backend.license.ContentKeys;
import dev.marquee.backend.license.PlaybackSessionDirectory;
import dev.marquee.backend.platform.PublicPaths;
import dev.marquee.model.license.LicensePaths;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.InstantSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Wires the content-key store, the server's signing key and the licence issuer. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LicenseProperties.class)
class LicenseConfiguration {

    @Bean
    KeyEncryptionKey keyEncryptionKey(LicenseProperties properties) throws IOException {
        return KeyEncryptionKey.loadOrCreate(properties.keyEncryptionKeyFile(), new SecureRandom());
    }

    @Bean
    ContentKeys contentKeys(JdbcClient jdbc, KeyEncryptionKey kek) {
        return new JdbcContentKeys(jdbc, kek, new SecureRandom(), InstantSource.system());
    }

    @Bean
    ServerSigningKey serverSigningKey(JdbcClient jdbc, KeyEncryptionKey kek, InstantSource clock) {
        return ServerSigningKey.loadOrCreate(jdbc, kek, clock);
    }

    @Bean
    LicenseIssuer licenseIssuer(ContentKeys contentKeys, ServerSigningKey serverKey, LicenseGrants grants,
                                PlaybackSessionDirectory sessions, IdentityManagement identity,
                                LicenseProperties properties, InstantSource clock) {
        return new LicenseIssuer(contentKeys, serverKey, grants, sessions, identity, properties, clock);
    }

    /** A public key, fetched before any licence; see {@link LicenseController}. */
    @Bean
    PublicPaths licenseServerKeyIsPublic() {
        return PublicPaths.get(LicensePaths.SERVER_KEY);
    }
}
