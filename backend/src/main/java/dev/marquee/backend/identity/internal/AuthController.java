package dev.marquee.backend.identity.internal;

import dev.marquee.model.ApiPaths;
import dev.marquee.model.identity.RefreshRequest;
import dev.marquee.model.identity.SignInRequest;
import dev.marquee.model.identity.TokenResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Sign-in, token refresh and sign-out. Public: these are how a client gets an access token. */
@RestController
@SecurityRequirements // public: overrides the API-wide bearer requirement in the OpenAPI description
class AuthController {
    private final Sessions sessions;

    AuthController(Sessions sessions) {
        this.sessions = sessions;
    }

    @PostMapping(ApiPaths.SIGN_IN)
    TokenResponse signIn(@Valid @RequestBody SignInRequest request, HttpServletRequest http) {
        return sessions.signIn(request.email(), request.password(), http.getRemoteAddr());
    }

    @PostMapping(ApiPaths.REFRESH)
    TokenResponse refresh(@Valid @RequestBody RefreshRequest request) {
        return sessions.refresh(request.refreshToken());
    }

    /** Revokes the refresh token and its family; access tokens already issued run out by themselves. */
    @PostMapping(ApiPaths.SIGN_OUT)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void signOut(@Valid @RequestBody RefreshRequest request) {
        sessions.signOut(request.refreshToken());
    }
}
