package dev.marquee.console.api;

import org.jspecify.annotations.Nullable;

/** One server-sent event: its id (null when the server sent none), its name ("message" by default) and data. */
public record SseEvent(@Nullable String id, String name, String data) {}
