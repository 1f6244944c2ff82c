package dev.marquee.backend.chaos;

import dev.marquee.backend.events.EventTopic;
import dev.marquee.backend.events.Topics;
import dev.marquee.model.chaos.RunStatus;
import java.time.Instant;

/** A chaos run ended with its verdict, everything it did reverted (or the reason says what is not). */
@EventTopic(Topics.CHAOS_EVENTS)
public record ChaosRunEnded(String runId, RunStatus status, String reason, Instant at) {}
