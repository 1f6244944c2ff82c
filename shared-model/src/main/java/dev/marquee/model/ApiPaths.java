package dev.marquee.model;

/**
 * The backend's HTTP paths, shared so that the apps and the backend cannot drift apart.
 * Paths under {@link #OPS} need the SRE role; everything else under {@link #API} needs a signed-in account
 * unless it is listed as public in the backend's security configuration.
 */
public final class ApiPaths {
    private ApiPaths() {}

    public static final String API = "/api";
    public static final String OPS = API + "/ops";

    public static final String AUTH = API + "/auth";
    public static final String SIGN_IN = AUTH + "/sign-in";
    public static final String REFRESH = AUTH + "/refresh";
    public static final String SIGN_OUT = AUTH + "/sign-out";

    public static final String ME = API + "/me";
    public static final String PROFILES = ME + "/profiles";
    /** {@code POST PROFILES/{id}/select} with an optional PIN. */
    public static final String PROFILE_SELECT = PROFILES + "/{profileId}/select";
    /** {@code GET}, {@code PUT} (an {@code UpdateProfileRequest}) or {@code DELETE} one profile. */
    public static final String PROFILE = PROFILES + "/{profileId}";
    public static final String DEVICES = ME + "/devices";
    /** {@code DELETE} one registered device. */
    public static final String DEVICE = DEVICES + "/{deviceId}";

    public static final String WHOAMI = OPS + "/whoami";
    /** {@code POST} a {@code SyntheticViewersRequest}: synthetic viewer accounts for load and chaos tests. */
    public static final String SYNTHETIC_VIEWERS = OPS + "/synthetic-viewers";

    public static final String HEALTH = "/actuator/health";
    public static final String OPENAPI = "/v3/api-docs";
}
