/**
 * The event log (the Kafka role, embedded): partitioned, append-only topics with consumer groups and
 * committed offsets, the bridge that appends selected application events to topics, playback heartbeat
 * ingestion and API request events. Stream processing over it lives in the metrics module.
 */
@ApplicationModule(displayName = "Events")
@NullMarked
package dev.marquee.backend.events;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
