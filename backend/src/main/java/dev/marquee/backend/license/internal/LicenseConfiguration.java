package dev.marquee.backend.license.internal;

import dev.marquee.backend.license.ContentKeys;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.InstantSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Wires the content-key store. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LicenseProperties.class)
class LicenseConfiguration {

    @Bean
    ContentKeys contentKeys(JdbcClient jdbc, LicenseProperties properties) throws IOException {
        SecureRandom random = new SecureRandom();
        KeyEncryptionKey kek = KeyEncryptionKey.loadOrCreate(properties.keyEncryptionKeyFile(), random);
        return new JdbcContentKeys(jdbc, kek, random, InstantSource.system());
    }
}
