package dev.marquee.backend.metrics.internal;

import dev.marquee.backend.events.EventTopic;
import dev.marquee.backend.events.Topics;

/** A stand-in for the chaos module's events: annotated, so the bridge appends it to the chaos topic. */
@EventTopic(Topics.CHAOS_EVENTS)
record ChaosRunStepped(String runId, String step) {}
