package dev.marquee.backend.platform;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.nio.file.Path;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** Beans every module may use: the clock, the problem writer, the request size limit and the API description. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecuritySettings.class)
class PlatformConfiguration {
    /** Runs just before Spring Security's filter chain (order -100), so oversized bodies never reach it. */
    static final int BODY_LIMIT_FILTER_ORDER = -110;
    static final String BEARER_SCHEME = "bearer-jwt";

    /** The one clock of the backend: inject {@code Clock} or {@code InstantSource}; tests replace it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ProblemWriter problemWriter(JsonMapper json) {
        return new ProblemWriter(json);
    }

    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(SecuritySettings settings, ProblemWriter problems) {
        var registration = new FilterRegistrationBean<>(new RequestBodyLimitFilter(settings.maxJsonBody().toBytes(), problems));
        registration.setOrder(BODY_LIMIT_FILTER_ORDER);
        return registration;
    }

    /** Directory of the data; exposed so modules do not each parse {@code marquee.home}. */
    @Bean
    MarqueeHome marqueeHome(@Value("${marquee.home}") Path home) {
        return new MarqueeHome(home.toAbsolutePath());
    }

    @Bean
    OpenAPI marqueeOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Marquee backend").version("v1")
                        .description("Control-plane API of Marquee. Sign in at /api/auth/sign-in and send the access token as 'Authorization: Bearer …'."))
                .components(new Components().addSecuritySchemes(BEARER_SCHEME,
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER_SCHEME));
    }
}
