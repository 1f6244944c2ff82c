/**
 * Open Connect-style edge nodes: tiered HTTP caches that serve video segments, fill from their parents and the
 * origin, and verify signed URLs locally. The root package is the API the playback module uses (URL signing,
 * the node directory); {@code node} is the standalone server, which runs without Spring.
 */
@ApplicationModule(displayName = "Edge")
@NullMarked
package dev.marquee.backend.edge;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
