package dev.marquee.player.ui;

import dev.marquee.model.catalog.TitleDetail;
import dev.marquee.player.api.PlaybackApi;
import dev.marquee.player.engine.DeviceIdentity;
import dev.marquee.player.engine.StreamingEngine;
import dev.marquee.player.engine.VlcMediaSink;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Executor;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * The {@link PlaybackLauncher} backed by the real engine: "Play" creates a stream session on the backend
 * ({@link PlaybackApi}), registers the device key, and plays the signed master playlist with the engine's
 * {@code Player} into the screen's {@link VideoSurface}. It returns at once: the session starts on the background
 * executor and reports progress and failures through its snapshots ({@link EnginePlaybackSession}).
 * One launcher per signed-in profile.
 */
public final class EnginePlaybackLauncher implements PlaybackLauncher {

    /**
     * How this player plays.
     *
     * @param clientRegion the region this client says it is in (blank: the answering gateway's)
     * @param isp          the client's ISP for edge ranking, or null
     * @param deviceDir    where the device key pair lives ({@link DeviceIdentity#defaultDirectory})
     * @param vlcArgs      extra libvlc options (tests: {@link VlcMediaSink#HEADLESS_AUDIO})
     * @param config       buffer goal and stall threshold
     * @param heartbeats   whether to report heartbeats (they feed resume positions and QoE)
     */
    public record Settings(String clientRegion, @Nullable String isp, Path deviceDir, List<String> vlcArgs,
                           StreamingEngine.Config config, boolean heartbeats) {
        public Settings {
            Objects.requireNonNull(clientRegion, "clientRegion");
            Objects.requireNonNull(deviceDir, "deviceDir");
            vlcArgs = List.copyOf(vlcArgs);
        }

        /** The app's settings: the user's config dir for the key, audio on, heartbeats on. */
        public static Settings forApp(String clientRegion) {
            return new Settings(clientRegion, null, DeviceIdentity.defaultDirectory(System.getenv(),
                    System.getProperty("user.home")), List.of(), StreamingEngine.Config.defaults(), true);
        }
    }

    private final PlaybackApi api;
    private final UUID profileId;
    private final Settings settings;
    private final OkHttpClient http;
    private final Executor background;
    private final InstantSource clock;

    public EnginePlaybackLauncher(PlaybackApi api, UUID profileId, Settings settings, OkHttpClient http,
                                  Executor background, InstantSource clock) {
        this.api = api;
        this.profileId = profileId;
        this.settings = settings;
        this.http = http;
        this.background = background;
        this.clock = clock;
    }

    @Override
    public PlaybackSession play(TitleDetail title, Duration startAt) {
        EnginePlaybackSession session = new EnginePlaybackSession(api, profileId, settings, http, background, clock,
                title, startAt);
        session.start();
        return session;
    }
}
