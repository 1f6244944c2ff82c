package dev.marquee.backend.metrics.internal;

import dev.marquee.backend.platform.ProblemException;
import dev.marquee.model.metrics.KpiSnapshot;
import dev.marquee.model.metrics.MetricsPaths;
import dev.marquee.model.metrics.SeriesAnswer;
import dev.marquee.model.metrics.SeriesDescriptor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The metrics ops API (SRE only, as all of {@code /api/ops}): series queries, the list of series, KPI snapshots
 * and the console's live stream. Times are ISO-8601 instants or negative durations relative to now
 * ({@code -1h}); durations are {@code 10s}, {@code 5m}, {@code 1h} or ISO-8601 ({@code PT1M}).
 */
@RestController
class MetricsController {
    static final String TAG_PREFIX = "tag.";
    static final Duration DEFAULT_RANGE = Duration.ofHours(1);
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");

    private final MetricsEngine engine;
    private final LiveStreams live;
    private final Clock clock;

    MetricsController(MetricsEngine engine, LiveStreams live, Clock clock) {
        this.engine = engine;
        this.live = live;
        this.clock = clock;
    }

    @GetMapping(MetricsPaths.SERIES)
    SeriesAnswer series(@RequestParam String name, @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to, @RequestParam(required = false) @Nullable String step,
            @RequestParam Map<String, String> params) {
        Instant now = clock.instant();
        Instant end = to == null ? now : instant("to", to, now);
        Instant start = from == null ? end.minus(DEFAULT_RANGE) : instant("from", from, now);
        Duration grid = step == null ? engine.fineStore().step() : duration("step", step);
        if (!start.isBefore(end)) {
            throw invalid("from must be before to");
        }
        Map<String, String> tags = new TreeMap<>();
        params.forEach((key, value) -> {
            if (key.startsWith(TAG_PREFIX) && key.length() > TAG_PREFIX.length()) {
                tags.put(key.substring(TAG_PREFIX.length()), value);
            }
        });
        try {
            return engine.storeFor(grid).query(name, tags, start, end, grid);
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
    }

    @GetMapping(MetricsPaths.NAMES)
    List<SeriesDescriptor> names() {
        return engine.fineStore().descriptors();
    }

    @GetMapping(MetricsPaths.KPIS)
    KpiSnapshot kpis(@RequestParam(defaultValue = MetricsPaths.ALL_REGIONS) String region,
            @RequestParam(required = false) @Nullable String service, @RequestParam(defaultValue = "60s") String window) {
        try {
            return engine.snapshot(region, service, duration("window", window));
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
    }

    /** Server-sent events: KPI snapshots every few seconds, notable events as they land; resumes after Last-Event-ID. */
    @GetMapping(path = MetricsPaths.STREAM, produces = "text/event-stream")
    SseEmitter stream(@RequestHeader(name = "Last-Event-ID", required = false) @Nullable String lastEventId) {
        return live.open(lastEventId);
    }

    static Duration duration(String parameter, String text) {
        Matcher m = SHORT_DURATION.matcher(text.trim());
        try {
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                return switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
            }
            return Duration.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw invalid(parameter + " is not a duration such as 10s, 5m or PT1M: " + text);
        }
    }

    private static Instant instant(String parameter, String text, Instant now) {
        if (text.startsWith("-")) {
            return now.minus(duration(parameter, text.substring(1)));
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw invalid(parameter + " is neither an ISO-8601 instant nor a duration back from now such as -1h: " + text);
        }
    }

    private static ProblemException invalid(@Nullable String detail) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "metrics-query", "Invalid metrics query", String.valueOf(detail));
    }
}
