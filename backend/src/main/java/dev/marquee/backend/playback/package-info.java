/**
 * Playback: stream sessions (the manifest a player starts from: a signed master path and edges ranked for it),
 * re-steering, ending sessions, and resume positions built from the players' heartbeats. It tells the licence
 * server which sessions are open ({@link dev.marquee.backend.license.PlaybackSessionDirectory}). It serves no
 * video: edges do. See docs/playback.md.
 */
@ApplicationModule(displayName = "Playback")
@NullMarked
package dev.marquee.backend.playback;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
