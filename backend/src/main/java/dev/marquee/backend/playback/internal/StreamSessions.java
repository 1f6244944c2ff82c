package dev.marquee.backend.playback.internal;

import dev.marquee.backend.catalog.CatalogManagement;
import dev.marquee.backend.catalog.CatalogTitle;
import dev.marquee.backend.catalog.ViewerContext;
import dev.marquee.backend.edge.EdgeDemand;
import dev.marquee.backend.edge.EdgeManagement;
import dev.marquee.backend.edge.EdgeSteering;
import dev.marquee.backend.identity.IdentityManagement;
import dev.marquee.backend.license.PlaybackSessionDirectory;
import dev.marquee.model.identity.ProfileView;
import dev.marquee.model.playback.PlaybackManifest;
import dev.marquee.model.playback.PlaybackPaths;
import dev.marquee.model.playback.ResumePosition;
import dev.marquee.model.playback.SteeringAnswer;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts, re-steers and ends stream sessions. Starting one checks that the profile is the account's and may watch
 * the title, signs the master playlist's path for the edges, ranks the edges for the client and records the play
 * as demand for the fill planner. It does not decide how many streams an account may play: the licence server does,
 * when the player asks for the key (a session without a licence plays nothing).
 */
@Service
class StreamSessions implements PlaybackSessionDirectory {

    /**
     * Signed URLs outlive the title's duration by this much: pauses, seeks back and stalls stretch a session, and a
     * URL that died mid-film would stop a viewer who paused for dinner. Long validity is cheap here because the URL
     * opens only encrypted bytes; the short-lived licence is what actually limits playback.
     */
    static final Duration SIGNED_URL_MARGIN = Duration.ofHours(4);

    private final IdentityManagement identity;
    private final CatalogManagement catalog;
    private final EdgeManagement edges;
    private final EdgeDemand demand;
    private final StreamSessionRepository sessions;
    private final ResumePositions positions;
    private final InstantSource clock;

    StreamSessions(IdentityManagement identity, CatalogManagement catalog, EdgeManagement edges, EdgeDemand demand,
                   StreamSessionRepository sessions, ResumePositions positions, InstantSource clock) {
        this.identity = identity;
        this.catalog = catalog;
        this.edges = edges;
        this.demand = demand;
        this.sessions = sessions;
        this.positions = positions;
        this.clock = clock;
    }

    /**
     * Opens a session.
     *
     * @param region the client's region, already resolved (request, serving instance, or first configured)
     */
    @Transactional
    PlaybackManifest start(UUID accountId, UUID profileId, UUID titleId, String region, @Nullable String isp,
                           String servingRegion) {
        ProfileView profile = identity.findProfile(accountId, profileId).orElseThrow(() -> PlaybackProblems.notPlayable(
                HttpStatus.NOT_FOUND, "There is no profile " + profileId + " on this account."));
        CatalogTitle title = catalog.findTitle(titleId).orElseThrow(() -> PlaybackProblems.notPlayable(
                HttpStatus.NOT_FOUND, "There is no published title " + titleId + "."));
        if (!catalog.isSuitable(titleId, new ViewerContext(profile.kids()))) {
            throw PlaybackProblems.notPlayable(HttpStatus.FORBIDDEN, "'" + title.title() + "' is rated "
                    + title.maturityRating().label() + ", which the kids profile '" + profile.name() + "' may not watch.");
        }
        Instant now = clock.instant();
        Instant expiresAt = now.plus(title.duration()).plus(SIGNED_URL_MARGIN);
        UUID sessionId = UUID.randomUUID();
        sessions.insert(new StreamSession(sessionId, accountId, profileId, titleId, region, isp, expiresAt, now, now, null));
        demand.recordPlay(region, titleId.toString());
        String masterPath = edges.urlSigner().sign(masterPath(title), expiresAt, sessionId.toString());
        long resumeMs = positions.find(profileId, titleId)
                .filter(p -> !ResumePositions.finished(p))
                .map(ResumePosition::positionMs)
                .orElse(0L);
        return new PlaybackManifest(sessionId, titleId, masterPath, steer(region, isp, titleId),
                PlaybackPaths.STEERING.replace("{sessionId}", sessionId.toString()), resumeMs,
                title.duration().toMillis(), expiresAt, servingRegion);
    }

    /** The session's edges ranked again, or 404 when it is not the account's or has ended. */
    @Transactional(readOnly = true)
    SteeringAnswer steering(UUID accountId, UUID sessionId) {
        StreamSession session = sessions.find(accountId, sessionId).filter(s -> !s.ended())
                .orElseThrow(() -> PlaybackProblems.sessionNotFound(sessionId));
        return steer(session.region(), session.isp(), session.titleId());
    }

    /** Ends the session; true when it is the account's (ended now or before), false when unknown. */
    @Transactional
    boolean end(UUID accountId, UUID sessionId) {
        return sessions.end(accountId, sessionId, clock.instant()) || sessions.find(accountId, sessionId).isPresent();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<OpenSession> findOpen(UUID accountId, UUID sessionId) {
        return sessions.find(accountId, sessionId).filter(s -> !s.ended())
                .map(s -> new OpenSession(s.id(), s.accountId(), s.profileId(), s.titleId()));
    }

    @Override
    @Transactional(readOnly = true)
    public Set<UUID> openSessionIds(UUID accountId) {
        return new HashSet<>(sessions.openIds(accountId));
    }

    /**
     * The master playlist's path on every edge: the origin key the encoder published, {@code titles/<id>/master.m3u8}
     * (see {@code EncodingCompleted#masterPlaylistKey}); edges serve the origin's tree under the same paths.
     */
    static String masterPath(CatalogTitle title) {
        String key = title.masterPlaylistKey();
        return key.startsWith("/") ? key : "/" + key;
    }

    private SteeringAnswer steer(String region, @Nullable String isp, UUID titleId) {
        return new SteeringAnswer(EdgeSteering.rank(edges.nodes(), region, isp, titleId.toString()).stream()
                .map(StreamSessions::baseUrl).toList(), EdgeSteering.TTL.toSeconds());
    }

    /** Scheme, host and port only: the player appends the signed path. */
    private static String baseUrl(URI uri) {
        String s = uri.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
