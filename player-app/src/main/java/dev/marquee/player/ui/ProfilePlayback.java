package dev.marquee.player.ui;

import dev.marquee.model.identity.ProfileView;

/**
 * Playback for the profile that was just chosen: its launcher and its resume positions. The app backs it with the
 * engine and the backend ({@link EnginePlayback}); tests with fakes.
 */
public interface ProfilePlayback {

    PlaybackLauncher launcher(ProfileView profile);

    ResumePositions resumePositions(ProfileView profile);

    /** The same launcher for every profile, and no resume positions. */
    static ProfilePlayback of(PlaybackLauncher launcher) {
        return new ProfilePlayback() {
            @Override
            public PlaybackLauncher launcher(ProfileView profile) {
                return launcher;
            }

            @Override
            public ResumePositions resumePositions(ProfileView profile) {
                return ResumePositions.NONE;
            }
        };
    }
}
