package dev.marquee.backend.chaos.internal;

import dev.marquee.model.chaos.AbortRequest;
import dev.marquee.model.chaos.BlastRadius;
import dev.marquee.model.chaos.ChaosLimits;
import dev.marquee.model.chaos.ChaosPaths;
import dev.marquee.model.chaos.ExperimentDescriptor;
import dev.marquee.model.chaos.ExperimentRequest;
import dev.marquee.model.chaos.KillSwitchRequest;
import dev.marquee.model.chaos.KillSwitchView;
import dev.marquee.model.chaos.RunView;
import dev.marquee.model.chaos.ScheduleRequest;
import dev.marquee.model.chaos.ScheduleView;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The chaos engine's ops API (SRE role, like everything under {@code /api/ops}); paths in {@link ChaosPaths}. */
@RestController
class ChaosController {
    private final ChaosEngine engine;
    private final ChaosScheduler scheduler;

    ChaosController(ChaosEngine engine, ChaosScheduler scheduler) {
        this.engine = engine;
        this.scheduler = scheduler;
    }

    @GetMapping(ChaosPaths.EXPERIMENTS)
    List<ExperimentDescriptor> experiments() {
        return ExperimentCatalog.ALL;
    }

    @GetMapping(ChaosPaths.SETTINGS)
    ChaosLimits settings() {
        return engine.limits();
    }

    @PostMapping(ChaosPaths.PREVIEW)
    BlastRadius preview(@RequestBody ExperimentRequest request) {
        return engine.preview(request);
    }

    @GetMapping(ChaosPaths.RUNS)
    List<RunView> runs() {
        return engine.runs();
    }

    @PostMapping(ChaosPaths.RUNS)
    ResponseEntity<RunView> start(@RequestBody ExperimentRequest request, @AuthenticationPrincipal Jwt jwt) {
        return ResponseEntity.status(HttpStatus.CREATED).body(engine.start(request, actor(jwt)));
    }

    @GetMapping(ChaosPaths.RUN)
    RunView run(@PathVariable String runId) {
        return engine.run(runId).orElseThrow(() -> Refusals.unknownRun(runId));
    }

    @PostMapping(ChaosPaths.RUN_ABORT)
    RunView abort(@PathVariable String runId, @RequestBody(required = false) @Nullable AbortRequest request,
                  @AuthenticationPrincipal Jwt jwt) {
        return engine.abort(runId, actor(jwt), request == null ? null : request.reason());
    }

    @GetMapping(ChaosPaths.KILL_SWITCH)
    KillSwitchView killSwitch() {
        return engine.killSwitch();
    }

    @PutMapping(ChaosPaths.KILL_SWITCH)
    KillSwitchView setKillSwitch(@RequestBody KillSwitchRequest request, @AuthenticationPrincipal Jwt jwt) {
        return request.engaged() ? engine.engageKillSwitch(actor(jwt), request.reason())
                : engine.releaseKillSwitch(actor(jwt), request.reason());
    }

    @GetMapping(ChaosPaths.SCHEDULES)
    List<ScheduleView> schedules() {
        return scheduler.list();
    }

    @PutMapping(ChaosPaths.SCHEDULE)
    ScheduleView putSchedule(@PathVariable String name, @RequestBody ScheduleRequest request) {
        return scheduler.put(name, request);
    }

    @DeleteMapping(ChaosPaths.SCHEDULE)
    ResponseEntity<Void> deleteSchedule(@PathVariable String name) {
        if (!scheduler.remove(name)) {
            throw Refusals.unknownTarget("no schedule " + name);
        }
        return ResponseEntity.noContent().build();
    }

    /** Who acted, for the report: the SRE's e-mail, else the account id. */
    private static String actor(Jwt jwt) {
        String email = jwt.getClaimAsString(dev.marquee.backend.platform.AccessTokens.EMAIL_CLAIM);
        return email != null ? email : jwt.getSubject();
    }
}
