package dev.marquee.backend.events.internal;

import dev.marquee.backend.events.EventLog;
import dev.marquee.backend.events.HeartbeatReceived;
import dev.marquee.backend.events.Topics;
import dev.marquee.backend.platform.AccessTokens;
import dev.marquee.model.events.PlaybackHeartbeat;
import dev.marquee.model.metrics.MetricsPaths;
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
 * The profile id is taken as reported: it only feeds metrics, never authorisation.
 */
@RestController
class HeartbeatController {
    private final EventLog eventLog;

    HeartbeatController(EventLog eventLog) {
        this.eventLog = eventLog;
    }

    @PostMapping(MetricsPaths.HEARTBEATS)
    @ResponseStatus(HttpStatus.ACCEPTED)
    void accept(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody PlaybackHeartbeat heartbeat) {
        eventLog.append(Topics.PLAYBACK_HEARTBEATS, heartbeat.sessionId().toString(),
                new HeartbeatReceived(AccessTokens.accountId(jwt), heartbeat));
    }
}
