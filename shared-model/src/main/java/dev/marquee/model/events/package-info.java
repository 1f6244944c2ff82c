/** Events that the apps report to the backend, e.g. the player's playback heartbeats. */
@NullMarked
package dev.marquee.model.events;

import org.jspecify.annotations.NullMarked;
