package dev.marquee.model.chaos;

import org.jspecify.annotations.Nullable;

/** Engage the kill switch (every run aborted, new runs refused) or release it. */
public record KillSwitchRequest(boolean engaged, @Nullable String reason) {}
