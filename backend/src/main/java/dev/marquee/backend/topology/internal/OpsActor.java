package dev.marquee.backend.topology.internal;

import dev.marquee.backend.platform.AccessTokens;
import org.springframework.security.oauth2.jwt.Jwt;

/** Who performed an ops action, for events: the SRE's e-mail, else the account id. */
final class OpsActor {
    private OpsActor() {}

    static String of(Jwt jwt) {
        String email = jwt.getClaimAsString(AccessTokens.EMAIL_CLAIM);
        return email != null ? email : jwt.getSubject();
    }
}
