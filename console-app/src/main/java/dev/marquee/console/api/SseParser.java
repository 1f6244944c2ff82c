package dev.marquee.console.api;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Turns the lines of a {@code text/event-stream} into events, as the HTML spec says: {@code data:} lines join with
 * newlines, a blank line dispatches, comments (":") are skipped, an event without data is dropped. It remembers the
 * last id seen (ids persist across events) and the server's {@code retry:} hint. Not thread-safe: one per connection.
 */
final class SseParser {
    private final StringBuilder data = new StringBuilder();
    private @Nullable String name;
    private boolean hasData;
    private @Nullable String lastId;
    private long retryMs = -1;

    SseParser(@Nullable String lastId) {
        this.lastId = lastId;
    }

    /** Feeds one line (without its terminator); an event when the line completes one. */
    Optional<SseEvent> line(String line) {
        if (line.isEmpty()) {
            return dispatch();
        }
        if (line.startsWith(":")) {
            return Optional.empty();
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        switch (field) {
            case "data" -> {
                if (hasData) {
                    data.append('\n');
                }
                data.append(value);
                hasData = true;
            }
            case "event" -> name = value;
            case "id" -> {
                if (value.indexOf('\0') < 0) {
                    lastId = value;
                }
            }
            case "retry" -> {
                if (value.matches("\\d{1,9}")) {
                    retryMs = Long.parseLong(value);
                }
            }
            default -> { } // unknown fields are ignored, as the spec says
        }
        return Optional.empty();
    }

    private Optional<SseEvent> dispatch() {
        Optional<SseEvent> event = hasData
                ? Optional.of(new SseEvent(lastId, name == null || name.isEmpty() ? "message" : name, data.toString()))
                : Optional.empty();
        data.setLength(0);
        hasData = false;
        name = null;
        return event;
    }

    @Nullable String lastId() {
        return lastId;
    }

    /** The server's reconnection delay hint in milliseconds, or -1 when it sent none. */
    long retryMs() {
        return retryMs;
    }
}
