package dev.marquee.player.api;

import dev.marquee.model.ApiPaths;
import dev.marquee.model.Problem;
import dev.marquee.model.identity.DeviceView;
import dev.marquee.model.identity.RegisterDeviceRequest;
import dev.marquee.model.playback.PlaybackManifest;
import dev.marquee.model.playback.PlaybackPaths;
import dev.marquee.model.playback.PlaybackRequest;
import dev.marquee.model.playback.ResumePosition;
import dev.marquee.model.playback.SteeringAnswer;
import java.io.IOException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The player's client for the playback service and device registration: start a stream session, re-ask steering,
 * end the session, resume positions and Continue Watching, and register the device's public key before a licence.
 * Every call goes to the current region's gateway through the {@link ControlPlane}, failing over to the next
 * region on no answer or a 5xx. The account's tokens come from the signed-in {@link BackendClient} (refreshed
 * ahead of expiry and once on a 401). Calls block; a failure becomes an {@link ApiException} whose message a viewer
 * can read. No JavaFX: the synthetic viewers use it from the headless engine.
 */
public final class PlaybackApi {
    /** Playback calls are answered from the database in milliseconds; 10 s is a region in trouble. */
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);
    private static final MediaType JSON = MediaType.get("application/json");

    private final ControlPlane controlPlane;
    private final BackendClient account;
    private final InstantSource clock;
    private final OkHttpClient http;
    private final JsonMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** @param account a client that is (or will be) signed in: its access token authorises every call */
    public PlaybackApi(ControlPlane controlPlane, BackendClient account, OkHttpClient http, InstantSource clock) {
        this.controlPlane = controlPlane;
        this.account = account;
        this.clock = clock;
        this.http = http.newBuilder()
                .connectTimeout(BackendClient.CONNECT_TIMEOUT)
                .callTimeout(CALL_TIMEOUT)
                .addInterceptor(new BearerInterceptor(account))
                .authenticator(new RefreshAuthenticator(account))
                .build();
    }

    /** The control plane the calls go through (the engine's licence, steering and heartbeat calls use it too). */
    public ControlPlane controlPlane() {
        return controlPlane;
    }

    /** The signed-in account's access token now, refreshed ahead of its expiry; null when signed out. */
    public Supplier<@Nullable String> bearer() {
        return account::current;
    }

    /**
     * Starts a stream session: the signed master playlist path, the ranked edges and where to resume.
     *
     * @param region the client's region (blank: the answering gateway's)
     * @param isp    the client's ISP for edge ranking, or null
     * @throws ApiException e.g. {@link ApiError.Rejected} with the backend's detail for a title that may not be
     *                      played or an account at its stream limit
     */
    public PlaybackManifest createSession(UUID titleId, UUID profileId, @Nullable String region, @Nullable String isp) {
        PlaybackRequest body = new PlaybackRequest(titleId, profileId, blankToNull(region), blankToNull(isp));
        return read(send(PlaybackPaths.SESSIONS, b -> b.post(body(body))), PlaybackManifest.class);
    }

    /** The session's edges ranked again (after the steering TTL). */
    public SteeringAnswer steering(UUID sessionId) {
        return read(send(steeringPath(sessionId), Request.Builder::get), SteeringAnswer.class);
    }

    /** The steering path of a session, for the engine's own steering requests. */
    public static String steeringPath(UUID sessionId) {
        return PlaybackPaths.STEERING.replace("{sessionId}", sessionId.toString());
    }

    /** Ends the session and frees its stream slot; a session the backend no longer knows counts as ended. */
    public void endSession(UUID sessionId) {
        try {
            send(PlaybackPaths.SESSION.replace("{sessionId}", sessionId.toString()), Request.Builder::delete);
        } catch (ApiException e) {
            if (!(e.error() instanceof ApiError.NotFound)) {
                throw e;
            }
        }
    }

    /** Where {@code profileId} stopped in {@code titleId}; empty when it never played it. */
    public Optional<ResumePosition> resumePosition(UUID titleId, UUID profileId) {
        String path = PlaybackPaths.RESUME.replace("{titleId}", titleId.toString()) + "?profileId=" + profileId;
        try {
            return Optional.of(read(send(path, Request.Builder::get), ResumePosition.class));
        } catch (ApiException e) {
            if (e.error() instanceof ApiError.NotFound) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The titles {@code profileId} started and did not finish, most recent first. */
    public List<ResumePosition> continueWatching(UUID profileId) {
        String path = PlaybackPaths.CONTINUE_WATCHING + "?profileId=" + profileId;
        return List.of(read(send(path, Request.Builder::get), ResumePosition[].class));
    }

    /**
     * Registers this device's public key with the account so that licences can be wrapped for it. Idempotent: a key
     * the account already has is not registered twice (the backend would add a second device with the same key).
     *
     * @param publicKey base64 X.509 SubjectPublicKeyInfo, as the licence request carries it
     */
    public DeviceView registerDevice(String name, String publicKey) {
        String key = publicKey.strip();
        for (DeviceView known : read(send(ApiPaths.DEVICES, Request.Builder::get), DeviceView[].class)) {
            if (known.publicKey().strip().equals(key)) {
                return known;
            }
        }
        String bounded = name.length() > 80 ? name.substring(0, 80) : name;
        return read(send(ApiPaths.DEVICES, b -> b.post(body(new RegisterDeviceRequest(bounded, key)))), DeviceView.class);
    }

    private interface Method {
        Request.Builder apply(Request.Builder builder);
    }

    /** One call with region failover; returns the body of a 2xx answer. */
    private String send(String path, Method method) {
        try {
            return controlPlane.call(base -> {
                Request request = method.apply(new Request.Builder().url(base + path)
                        .header("Accept", "application/json, " + Problem.MEDIA_TYPE)).build();
                try (Response response = http.newCall(request).execute()) {
                    if (response.code() >= 500) {
                        throw new ControlPlane.RegionFailure(base, response.code());
                    }
                    if (!response.isSuccessful()) {
                        throw new Rejection(Failures.of(response, false, json, clock.instant()));
                    }
                    return response.body().string();
                }
            });
        } catch (Rejection e) {
            throw e.exception;
        } catch (ControlPlane.RegionFailure e) {
            throw new ApiException(new ApiError.ServerFailure(e.status()), e);
        } catch (IOException e) {
            throw new ApiException(new ApiError.Unreachable(controlPlane.baseUrl()), e);
        }
    }

    /** Carries a definite answer (4xx) out of {@link ControlPlane#call} without counting as a region failure. */
    private static final class Rejection extends RuntimeException {
        final ApiException exception;

        Rejection(ApiException exception) {
            super(exception.getMessage(), null, false, false);
            this.exception = exception;
        }
    }

    private <T> T read(String body, Class<T> type) {
        try {
            return json.readValue(body, type);
        } catch (JacksonException e) {
            throw new ApiException(new ApiError.Rejected(new Problem(
                    null, "The backend sent an answer this player cannot read.", 200, e.getOriginalMessage(), null)), e);
        }
    }

    private RequestBody body(Object payload) {
        return RequestBody.create(json.writeValueAsString(payload), JSON);
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
