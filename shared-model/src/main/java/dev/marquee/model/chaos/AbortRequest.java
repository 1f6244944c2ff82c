package dev.marquee.model.chaos;

import org.jspecify.annotations.Nullable;

/** Body of an abort: why, for the report. */
public record AbortRequest(@Nullable String reason) {}
