package dev.marquee.backend.identity.internal;

import dev.marquee.backend.platform.AccessTokens;
import dev.marquee.model.ApiPaths;
import dev.marquee.model.identity.SyntheticViewers;
import dev.marquee.model.identity.SyntheticViewersRequest;
import jakarta.validation.Valid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/ops/synthetic-viewers}: SRE only (the platform's rule for {@code /api/ops/**}). Every call is
 * logged with who made it, since it hands out tokens.
 */
@RestController
class SyntheticViewersController {
    private static final Logger log = LoggerFactory.getLogger(SyntheticViewersController.class);

    private final SyntheticViewerAccounts accounts;

    SyntheticViewersController(SyntheticViewerAccounts accounts) {
        this.accounts = accounts;
    }

    @PostMapping(ApiPaths.SYNTHETIC_VIEWERS)
    SyntheticViewers provision(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody SyntheticViewersRequest request) {
        SyntheticViewers answer = accounts.provision(request);
        log.info("{} took tokens for {} synthetic viewers '{}' ({} new)", jwt.getClaimAsString(AccessTokens.EMAIL_CLAIM),
                request.count(), request.prefix(), answer.created());
        return answer;
    }
}
