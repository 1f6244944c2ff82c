package dev.marquee.backend.identity.internal;

import dev.marquee.backend.platform.AccessTokens;
import dev.marquee.model.ApiPaths;
import dev.marquee.model.identity.WhoAmI;
import java.util.EnumSet;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/ops/whoami}: SRE only (enforced for all of {@code /api/ops}), echoes the verified token. */
@RestController
class OpsController {

    @GetMapping(ApiPaths.WHOAMI)
    WhoAmI whoami(@AuthenticationPrincipal Jwt jwt) {
        var roles = AccessTokens.roles(jwt);
        return new WhoAmI(AccessTokens.accountId(jwt), String.valueOf(jwt.getClaimAsString(AccessTokens.EMAIL_CLAIM)),
                roles.isEmpty() ? EnumSet.noneOf(dev.marquee.model.identity.Role.class) : EnumSet.copyOf(roles));
    }
}
