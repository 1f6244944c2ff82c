/**
 * The playback wire contract: starting a stream session (the manifest a player needs: a signed master playlist
 * path and a ranked list of edges), re-asking for steering, ending a session, and resume positions.
 * Documented in {@code docs/playback.md}.
 */
@NullMarked
package dev.marquee.model.playback;

import org.jspecify.annotations.NullMarked;
