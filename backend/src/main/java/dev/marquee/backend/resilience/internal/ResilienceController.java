package dev.marquee.backend.resilience.internal;

import dev.marquee.model.topology.ControlPaths;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Live state of every circuit breaker (SRE role): a list, and a server-sent event stream. */
@RestController
class ResilienceController {
    private final Resilience4jCalls calls;
    private final ResilienceStream stream;

    ResilienceController(Resilience4jCalls calls, ResilienceStream stream) {
        this.calls = calls;
        this.stream = stream;
    }

    @GetMapping(ControlPaths.BREAKERS)
    List<Resilience4jCalls.BreakerView> breakers() {
        return calls.views();
    }

    @GetMapping(path = ControlPaths.RESILIENCE_STREAM, produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream() {
        return stream.subscribe();
    }
}
