package dev.marquee.player.ui;

import dev.marquee.model.identity.ProfileView;
import dev.marquee.player.api.PlaybackApi;
import java.time.InstantSource;
import java.util.concurrent.Executor;
import okhttp3.OkHttpClient;

/** Real playback for each profile: the engine ({@link EnginePlaybackLauncher}) and the backend's resume positions. */
public final class EnginePlayback implements ProfilePlayback {
    private final PlaybackApi api;
    private final EnginePlaybackLauncher.Settings settings;
    private final OkHttpClient http;
    private final Executor background;
    private final InstantSource clock;

    public EnginePlayback(PlaybackApi api, EnginePlaybackLauncher.Settings settings, OkHttpClient http,
                          Executor background, InstantSource clock) {
        this.api = api;
        this.settings = settings;
        this.http = http;
        this.background = background;
        this.clock = clock;
    }

    @Override
    public PlaybackLauncher launcher(ProfileView profile) {
        return new EnginePlaybackLauncher(api, profile.id(), settings, http, background, clock);
    }

    @Override
    public ResumePositions resumePositions(ProfileView profile) {
        return new BackendResumePositions(api, profile.id(), clock);
    }
}
