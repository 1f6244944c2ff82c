package dev.marquee.backend.playback.internal;

import dev.marquee.backend.identity.IdentityManagement;
import dev.marquee.backend.platform.AccessTokens;
import dev.marquee.backend.topology.LocalInstance;
import dev.marquee.backend.topology.LocalInstances;
import dev.marquee.backend.topology.TopologySettings;
import dev.marquee.model.identity.ProfileView;
import dev.marquee.model.playback.PlaybackManifest;
import dev.marquee.model.playback.PlaybackPaths;
import dev.marquee.model.playback.PlaybackRequest;
import dev.marquee.model.playback.ResumePosition;
import dev.marquee.model.playback.SteeringAnswer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The playback API ({@link PlaybackPaths}): sessions, steering, resume positions. The account always comes from
 * the access token; a profile id must be one of that account's profiles.
 */
@RestController
class PlaybackController {
    private final StreamSessions sessions;
    private final ResumePositions positions;
    private final IdentityManagement identity;
    private final LocalInstances instances;
    private final TopologySettings topology;
    private final ResumeCache resumeCache;

    PlaybackController(StreamSessions sessions, ResumePositions positions, IdentityManagement identity,
                       LocalInstances instances, TopologySettings topology, ResumeCache resumeCache) {
        this.resumeCache = resumeCache;
        this.sessions = sessions;
        this.positions = positions;
        this.identity = identity;
        this.instances = instances;
        this.topology = topology;
    }

    @PostMapping(PlaybackPaths.SESSIONS)
    ResponseEntity<PlaybackManifest> start(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody PlaybackRequest body,
                                           HttpServletRequest request) {
        String serving = servingRegion(request);
        String region = body.region() == null || body.region().isBlank() ? serving : body.region();
        if (topology.region(region).isEmpty()) {
            throw PlaybackProblems.badRequest("unknown-region", "Unknown region", "There is no region '" + region
                    + "'; known: " + topology.regions().stream().map(TopologySettings.Region::name).toList() + ".");
        }
        String isp = body.isp() == null || body.isp().isBlank() ? null : body.isp();
        requireTokenProfile(jwt, body.profileId());
        PlaybackManifest manifest = sessions.start(AccessTokens.accountId(jwt), body.profileId(), body.titleId(),
                region, isp, serving);
        return ResponseEntity.created(URI.create(PlaybackPaths.SESSIONS + "/" + manifest.sessionId()))
                .cacheControl(CacheControl.noStore())
                .body(manifest);
    }

    @GetMapping(PlaybackPaths.STEERING)
    ResponseEntity<SteeringAnswer> steering(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID sessionId) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(sessions.steering(AccessTokens.accountId(jwt), sessionId));
    }

    @DeleteMapping(PlaybackPaths.SESSION)
    ResponseEntity<Void> end(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID sessionId) {
        if (!sessions.end(AccessTokens.accountId(jwt), sessionId)) {
            throw PlaybackProblems.sessionNotFound(sessionId);
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping(PlaybackPaths.CONTINUE_WATCHING)
    ResponseEntity<List<ResumePosition>> continueWatching(@AuthenticationPrincipal Jwt jwt,
            @RequestParam(required = false) @Nullable UUID profileId,
            @RequestHeader(name = PlaybackPaths.PROFILE_HEADER, required = false) @Nullable UUID headerProfileId) {
        UUID profile = profileOf(jwt, profileId != null ? profileId : headerProfileId);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(positions.continueWatching(profile));
    }

    @GetMapping(PlaybackPaths.RESUME)
    ResponseEntity<ResumePosition> resume(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID titleId,
            @RequestParam(required = false) @Nullable UUID profileId,
            @RequestHeader(name = PlaybackPaths.PROFILE_HEADER, required = false) @Nullable UUID headerProfileId,
            HttpServletRequest request) {
        UUID profile = profileOf(jwt, profileId != null ? profileId : headerProfileId);
        String zone = servingZone(request);
        ResumePosition position = resumeCache.get(zone, profile, titleId).or(() -> {
            Optional<ResumePosition> stored = positions.find(profile, titleId);
            stored.ifPresent(p -> resumeCache.fill(zone, profile, p));
            return stored;
        }).orElseThrow(() -> PlaybackProblems.problem(
                HttpStatus.NOT_FOUND, URI.create("urn:marquee:playback:no-resume-position"), "No resume position",
                "This profile has not played title " + titleId + " yet."));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(position);
    }

    /**
     * A token scoped to a profile (issued by selecting it) acts for that profile only: asking for another one —
     * say, the adult profile from a kids-profile token — is refused with 403 whatever else the request says.
     */
    private static void requireTokenProfile(Jwt jwt, UUID requested) {
        AccessTokens.selectedProfile(jwt).ifPresent(scope -> {
            if (!scope.id().equals(requested)) {
                throw PlaybackProblems.problem(HttpStatus.FORBIDDEN, URI.create("urn:marquee:playback:profile-mismatch"),
                        "Other profile", "This access token is for profile " + scope.id()
                                + "; select profile " + requested + " to act for it.");
            }
        });
    }

    /**
     * The named profile if it is the account's (else 404, or 403 when the token is scoped to another profile);
     * without a name, the token's profile, else the account's first profile.
     */
    private UUID profileOf(Jwt jwt, @Nullable UUID requested) {
        UUID accountId = AccessTokens.accountId(jwt);
        if (requested != null) {
            requireTokenProfile(jwt, requested);
        }
        UUID profileId = requested != null ? requested
                : AccessTokens.selectedProfile(jwt).map(AccessTokens.SelectedProfile::id).orElse(null);
        if (profileId != null) {
            return identity.findProfile(accountId, profileId).map(ProfileView::id).orElseThrow(() ->
                    PlaybackProblems.problem(HttpStatus.NOT_FOUND, URI.create("urn:marquee:playback:profile-not-found"),
                            "Profile not found", "There is no profile " + profileId + " on this account."));
        }
        return identity.profiles(accountId).stream().findFirst().map(ProfileView::id).orElseThrow(() ->
                PlaybackProblems.problem(HttpStatus.NOT_FOUND, URI.create("urn:marquee:playback:profile-not-found"),
                        "Profile not found", "This account has no profile yet."));
    }

    /** The zone of the instance listener the call arrived on; blank on the main port (the cache picks a default). */
    private String servingZone(HttpServletRequest request) {
        return instances.byPort(request.getLocalPort()).map(LocalInstance::zone).orElse("");
    }

    /**
     * The region whose playback service answers: that of the instance listener the call arrived on (gateways route
     * to their own region's instances first), else the first configured region (a call to the main port).
     */
    private String servingRegion(HttpServletRequest request) {
        return instances.byPort(request.getLocalPort()).map(LocalInstance::region)
                .orElseGet(() -> topology.regions().getFirst().name());
    }
}
