package dev.marquee.backend.license.internal;

import dev.marquee.backend.license.ContentKeys;
import dev.marquee.backend.license.PlaybackSessionDirectory;
import dev.marquee.backend.platform.AccessTokens;
import dev.marquee.model.identity.Role;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * HLS key delivery: {@code GET /api/license/keys/{titleId}} answers the 16 raw key bytes that an
 * {@code EXT-X-KEY:METHOD=AES-128} URI points at. The security configuration must keep this path
 * authenticated (a bearer token); it is never public and never cacheable by shared caches. A raw key sidesteps
 * the licence, so only a caller that is playing the title gets it: the account must have an open playback session
 * for it (which playback grants only to a profile that may watch it). SREs may fetch any key (diagnostics).
 * Everyone else gets 403 problem+json, whether or not the title has a key.
 */
@RestController
class KeyDeliveryController {
    private final ContentKeys keys;
    private final PlaybackSessionDirectory sessions;

    KeyDeliveryController(ContentKeys keys, PlaybackSessionDirectory sessions) {
        this.keys = keys;
        this.sessions = sessions;
    }

    @GetMapping(value = "/api/license/keys/{titleId}")
    ResponseEntity<?> key(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID titleId) {
        boolean sre = AccessTokens.roles(jwt).contains(Role.SRE);
        if (!sre && !sessions.hasOpenSessionFor(AccessTokens.accountId(jwt), titleId)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                    "Content keys are delivered only during playback: start a playback session for title " + titleId + " first.");
            problem.setTitle("No playback session");
            problem.setType(URI.create("urn:marquee:license:no-playback-session"));
            return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        return keys.find(titleId)
                .<ResponseEntity<?>>map(key -> ResponseEntity.ok()
                        .cacheControl(CacheControl.noStore().cachePrivate())
                        .contentType(MediaType.APPLICATION_OCTET_STREAM)
                        .body(key))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
                        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no content key for title " + titleId)));
    }
}
