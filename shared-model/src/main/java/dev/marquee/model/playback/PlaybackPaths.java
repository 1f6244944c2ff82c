package dev.marquee.model.playback;

/**
 * HTTP paths of the playback service (routed by the gateways to the {@code playback} instances). Every path needs a
 * signed-in account; the profile must belong to it.
 */
public final class PlaybackPaths {
    private PlaybackPaths() {}

    /** {@code POST} a {@link PlaybackRequest} → 201 with a {@link PlaybackManifest}, or problem+json. */
    public static final String SESSIONS = "/api/playback/sessions";
    /** {@code DELETE}: the player stopped; frees the account's stream slot at once (204, idempotent). */
    public static final String SESSION = SESSIONS + "/{sessionId}";
    /** {@code GET} → a {@link SteeringAnswer}: the session's edges ranked again (asked after the TTL). */
    public static final String STEERING = SESSION + "/steering";
    /** {@code GET ?profileId=…} → a list of {@link ResumePosition}, most recent first (Continue Watching). */
    public static final String CONTINUE_WATCHING = "/api/playback/continue-watching";
    /** {@code GET ?profileId=…} → one {@link ResumePosition}, or 404 when the profile never played the title. */
    public static final String RESUME = "/api/playback/resume/{titleId}";

    /**
     * Header naming the profile for {@link #CONTINUE_WATCHING} and {@link #RESUME} when the query has no
     * {@code profileId} (the gateway's home aggregation forwards headers only); without either, the account's first
     * profile answers.
     */
    public static final String PROFILE_HEADER = "X-Marquee-Profile";

    /** Problem type: the title is unknown, unpublished, or not allowed for this profile (e.g. a kids profile). */
    public static final String PROBLEM_NOT_PLAYABLE = "urn:marquee:playback:not-playable";
}
