package dev.marquee.backend.identity.internal;

import dev.marquee.backend.platform.PublicPaths;
import dev.marquee.model.ApiPaths;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdentitySettings.class)
class IdentityConfiguration {
    /** bcrypt cost 10: about 70 ms per hash on this kind of machine, the usual balance for interactive sign-in. */
    static final int BCRYPT_STRENGTH = 10;

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder(BCRYPT_STRENGTH);
    }

    /** Sign-in, refresh and sign-out are reached without an access token: they are how one gets one. */
    @Bean
    PublicPaths identityPublicPaths() {
        return PublicPaths.of(ApiPaths.SIGN_IN, ApiPaths.REFRESH, ApiPaths.SIGN_OUT);
    }
}
