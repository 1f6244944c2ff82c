package dev.marquee.backend.identity.internal;

import dev.marquee.backend.platform.AccessTokens;
import dev.marquee.model.ApiPaths;
import dev.marquee.model.identity.AccountView;
import dev.marquee.model.identity.CreateProfileRequest;
import dev.marquee.model.identity.ProfileSelection;
import dev.marquee.model.identity.ProfileView;
import dev.marquee.model.identity.SelectProfileRequest;
import dev.marquee.model.identity.UpdateProfileRequest;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in account and its profiles. */
@RestController
class MeController {
    private final Accounts accounts;
    private final Profiles profiles;
    private final Sessions sessions;

    MeController(Accounts accounts, Profiles profiles, Sessions sessions) {
        this.accounts = accounts;
        this.profiles = profiles;
        this.sessions = sessions;
    }

    @GetMapping(ApiPaths.ME)
    AccountView me(@AuthenticationPrincipal Jwt jwt) {
        return accounts.view(AccessTokens.accountId(jwt));
    }

    @GetMapping(ApiPaths.PROFILES)
    List<ProfileView> profiles(@AuthenticationPrincipal Jwt jwt) {
        return profiles.list(AccessTokens.accountId(jwt));
    }

    @PostMapping(ApiPaths.PROFILES)
    ResponseEntity<ProfileView> create(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody CreateProfileRequest request) {
        ProfileView created = profiles.create(AccessTokens.accountId(jwt), request);
        return ResponseEntity.created(URI.create(ApiPaths.PROFILES + "/" + created.id())).body(created);
    }

    @GetMapping(ApiPaths.PROFILE)
    ProfileView profile(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID profileId) {
        return profiles.get(AccessTokens.accountId(jwt), profileId);
    }

    @PutMapping(ApiPaths.PROFILE)
    ProfileView update(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID profileId,
            @Valid @RequestBody UpdateProfileRequest request) {
        return profiles.update(AccessTokens.accountId(jwt), profileId, request);
    }

    @DeleteMapping(ApiPaths.PROFILE)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID profileId) {
        profiles.delete(AccessTokens.accountId(jwt), profileId);
    }

    /**
     * Enters a profile: checks its PIN if it has one, then answers the profile with a token pair scoped to it
     * (the client switches to those tokens). The body may be omitted for a profile without PIN.
     */
    @PostMapping(ApiPaths.PROFILE_SELECT)
    ProfileSelection select(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID profileId,
            @Valid @RequestBody(required = false) @Nullable SelectProfileRequest request) {
        UUID accountId = AccessTokens.accountId(jwt);
        ProfileView selected = profiles.select(accountId, profileId, request == null ? null : request.pin());
        return ProfileSelection.of(selected, sessions.forProfile(accountId, selected.id()));
    }
}
