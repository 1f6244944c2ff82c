package dev.marquee.backend.platform;

import dev.marquee.model.ApiPaths;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.util.List;
import javax.crypto.SecretKey;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Stateless bearer-token security: every request needs a valid access token except the {@link PublicPaths}
 * that modules contribute; {@code /api/ops/**} and the actuator (but health) need the SRE role. No sessions,
 * no cookies, hence no CSRF tokens. Failures are problems (401 with a {@code WWW-Authenticate} challenge, 403).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, List<PublicPaths> publicPaths, ProblemWriter problems) throws Exception {
        AuthenticationEntryPoint unauthorized = (request, response, ex) -> {
            SecurityProblems.challenge(ex).forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
            problems.write(request, response, SecurityProblems.unauthorized(ex));
        };
        AccessDeniedHandler forbidden = (request, response, ex) -> problems.write(request, response, SecurityProblems.forbidden());

        http.csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> {
                    // The container's error dispatch renders a problem for a request already judged.
                    auth.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
                    auth.requestMatchers(ApiPaths.OPS, ApiPaths.OPS + "/**").hasRole("SRE");
                    for (PublicPaths paths : publicPaths) {
                        String[] patterns = paths.patterns().toArray(String[]::new);
                        HttpMethod method = paths.method();
                        if (method == null) {
                            auth.requestMatchers(patterns).permitAll();
                        } else {
                            auth.requestMatchers(method, patterns).permitAll();
                            if (method == HttpMethod.GET) {
                                auth.requestMatchers(HttpMethod.HEAD, patterns).permitAll();
                            }
                        }
                    }
                    auth.requestMatchers("/actuator/**").hasRole("SRE");
                    auth.anyRequest().authenticated();
                })
                .oauth2ResourceServer(rs -> rs
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(rolesAsAuthorities()))
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden));
        return http.build();
    }

    /** Health and the API description are public; so is the error dispatch. */
    @Bean
    PublicPaths platformPublicPaths() {
        return PublicPaths.of(ApiPaths.HEALTH, ApiPaths.HEALTH + "/**",
                ApiPaths.OPENAPI, ApiPaths.OPENAPI + "/**", "/swagger-ui.html", "/swagger-ui/**", "/error");
    }

    @Bean
    SecretKey accessTokenKey(SecuritySettings settings, MarqueeHome home) {
        return JwtKeys.load(settings.jwtSecret(), home.path());
    }

    @Bean
    JwtEncoder jwtEncoder(SecretKey accessTokenKey) {
        return NimbusJwtEncoder.withSecretKey(accessTokenKey).algorithm(MacAlgorithm.HS256).build();
    }

    @Bean
    JwtDecoder jwtDecoder(SecretKey accessTokenKey, SecuritySettings settings, Clock clock) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(accessTokenKey).macAlgorithm(MacAlgorithm.HS256).build();
        JwtTimestampValidator timestamps = new JwtTimestampValidator();
        timestamps.setClock(clock);
        var validator = new DelegatingOAuth2TokenValidator<Jwt>(timestamps, new JwtIssuerValidator(settings.issuer()));
        decoder.setJwtValidator(validator);
        return new VerifiedTokenCache(decoder, validator);
    }

    @Bean
    AccessTokens accessTokens(JwtEncoder jwtEncoder, SecuritySettings settings, Clock clock) {
        return new AccessTokens(jwtEncoder, settings, clock);
    }

    private static JwtAuthenticationConverter rolesAsAuthorities() {
        JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName(AccessTokens.ROLES_CLAIM);
        authorities.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        return converter;
    }
}
