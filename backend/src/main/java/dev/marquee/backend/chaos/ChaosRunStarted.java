package dev.marquee.backend.chaos;

import dev.marquee.backend.events.EventTopic;
import dev.marquee.backend.events.Topics;
import dev.marquee.model.chaos.ChaosScope;
import dev.marquee.model.chaos.ExperimentType;
import java.time.Instant;

/** A chaos run began (its baseline taken, before its first action). */
@EventTopic(Topics.CHAOS_EVENTS)
public record ChaosRunStarted(String runId, ExperimentType type, ChaosScope scope, String by, Instant at, Instant endsAt) {}
