package dev.marquee.backend.events.internal;

import dev.marquee.backend.events.EventLog;
import dev.marquee.backend.events.HeartbeatReceived;
import dev.marquee.backend.events.Topics;
import dev.marquee.backend.platform.AccessTokens;
import dev.marquee.backend.topology.LocalInstance;
import dev.marquee.backend.topology.LocalInstances;
import dev.marquee.model.events.PlaybackHeartbeat;
import dev.marquee.model.metrics.MetricsPaths;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/playback/heartbeats}: any signed-in account reports on its playback sessions. A valid
 * heartbeat is appended to {@link Topics#PLAYBACK_HEARTBEATS} keyed by session (so one session stays in order)
 * and answered 202; an invalid one is refused with a 400 problem naming the fields and nothing is recorded.
 * The profile id is taken as reported: it only feeds metrics, never authorisation. The record carries the region
 * of the instance the heartbeat arrived on (after a failover, not the session's own; see {@link HeartbeatReceived}).
 */
@RestController
class HeartbeatController {
    private final EventLog eventLog;
    private final LocalInstances instances;

    HeartbeatController(EventLog eventLog, LocalInstances instances) {
        this.eventLog = eventLog;
        this.instances = instances;
    }

    @PostMapping(MetricsPaths.HEARTBEATS)
    @ResponseStatus(HttpStatus.ACCEPTED)
    void accept(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody PlaybackHeartbeat heartbeat,
                HttpServletRequest request) {
        String servingRegion = instances.byPort(request.getLocalPort()).map(LocalInstance::region).orElse(null);
        eventLog.append(Topics.PLAYBACK_HEARTBEATS, heartbeat.sessionId().toString(),
                new HeartbeatReceived(AccessTokens.accountId(jwt), heartbeat, servingRegion));
    }
}
