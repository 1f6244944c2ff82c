package dev.marquee.backend.chaos;

import dev.marquee.backend.events.EventTopic;
import dev.marquee.backend.events.Topics;
import dev.marquee.model.chaos.RunAction;

/** A chaos run changed the system (injected, reverted, replaced) or noted a failed hypothesis. */
@EventTopic(Topics.CHAOS_EVENTS)
public record ChaosActionTaken(String runId, RunAction action) {}
