package dev.marquee.backend.license.internal;

import dev.marquee.backend.platform.AccessTokens;
import dev.marquee.model.license.License;
import dev.marquee.model.license.LicensePaths;
import dev.marquee.model.license.LicenseRequest;
import dev.marquee.model.license.ServerKey;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Device licences ({@link LicensePaths}). The server key is public: it is a public key, players fetch it before
 * they have a licence to show, and pinning it on first use is what protects them. Licences need an access token.
 */
@RestController
class LicenseController {
    /** The server key changes only if the KEK is lost; a day of caching spares the licence server. */
    static final Duration SERVER_KEY_MAX_AGE = Duration.ofDays(1);

    private final LicenseIssuer issuer;

    LicenseController(LicenseIssuer issuer) {
        this.issuer = issuer;
    }

    @GetMapping(LicensePaths.SERVER_KEY)
    ResponseEntity<ServerKey> serverKey() {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(SERVER_KEY_MAX_AGE).cachePublic())
                .body(issuer.serverKey());
    }

    @PostMapping(LicensePaths.LICENSES)
    ResponseEntity<License> issue(@AuthenticationPrincipal Jwt jwt, @RequestBody LicenseRequest request) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(issuer.issue(AccessTokens.accountId(jwt), request));
    }
}
