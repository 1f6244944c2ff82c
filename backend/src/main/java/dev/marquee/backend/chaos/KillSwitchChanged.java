package dev.marquee.backend.chaos;

import dev.marquee.backend.events.EventTopic;
import dev.marquee.backend.events.Topics;
import java.time.Instant;

/** The chaos kill switch was engaged (every run aborted, new ones refused) or released. */
@EventTopic(Topics.CHAOS_EVENTS)
public record KillSwitchChanged(boolean engaged, String by, String reason, Instant at) {}
