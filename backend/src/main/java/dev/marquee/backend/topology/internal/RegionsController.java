package dev.marquee.backend.topology.internal;

import dev.marquee.backend.platform.ProblemException;
import dev.marquee.backend.topology.LocalInstance;
import dev.marquee.backend.topology.LocalInstances;
import dev.marquee.backend.topology.TopologySettings;
import dev.marquee.model.topology.ControlPaths;
import dev.marquee.model.topology.DirectorAnswer;
import dev.marquee.model.topology.OpsReason;
import dev.marquee.model.topology.RegionView;
import jakarta.validation.Valid;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The director's public answer, and the SRE side of regions: health, evacuate and restore (with who and why),
 * and stopping or starting a region's gateway (a region failure, for real: its port stops answering).
 */
@RestController
class RegionsController {
    private final TrafficDirector director;
    private final TopologySettings settings;
    private final LocalInstances instances;

    RegionsController(TrafficDirector director, TopologySettings settings, LocalInstances instances) {
        this.director = director;
        this.settings = settings;
        this.instances = instances;
    }

    @GetMapping(ControlPaths.DIRECTOR_REGIONS)
    DirectorAnswer regions(@RequestParam(required = false) @Nullable String clientRegion) {
        return director.answer(clientRegion);
    }

    @GetMapping(ControlPaths.REGIONS)
    List<RegionView> list() {
        return settings.regions().stream().map(r -> view(r.name())).toList();
    }

    @PostMapping(ControlPaths.REGION_EVACUATE)
    RegionView evacuate(@PathVariable String region, @Valid @RequestBody OpsReason reason, @AuthenticationPrincipal Jwt jwt) {
        if (!director.evacuate(region, OpsActor.of(jwt), reason.reason())) {
            throw unknown(region);
        }
        return view(region);
    }

    @PostMapping(ControlPaths.REGION_RESTORE)
    RegionView restore(@PathVariable String region, @Valid @RequestBody OpsReason reason, @AuthenticationPrincipal Jwt jwt) {
        if (!director.restore(region, OpsActor.of(jwt), reason.reason())) {
            throw unknown(region);
        }
        return view(region);
    }

    @PostMapping(ControlPaths.REGION_GATEWAY_STOP)
    RegionView stopGateway(@PathVariable String region, @AuthenticationPrincipal Jwt jwt) {
        gateways(region).forEach(g -> g.terminate(OpsActor.of(jwt)));
        return view(region);
    }

    @PostMapping(ControlPaths.REGION_GATEWAY_START)
    RegionView startGateway(@PathVariable String region) {
        gateways(region).forEach(LocalInstance::start);
        return view(region);
    }

    private List<LocalInstance> gateways(String region) {
        List<LocalInstance> gateways = instances.all().stream()
                .filter(i -> i.region().equals(region) && i.service().equals(TrafficDirector.GATEWAY_SERVICE)).toList();
        if (gateways.isEmpty()) {
            throw new ProblemException(HttpStatus.NOT_FOUND, "no-local-gateway", "No gateway here",
                    "this backend hosts no gateway for region " + region);
        }
        return gateways;
    }

    private RegionView view(String region) {
        TrafficDirector.RegionState s = director.state(region).orElseThrow(() -> unknown(region));
        LocalInstance gateway = instances.all().stream()
                .filter(i -> i.region().equals(region) && i.service().equals(TrafficDirector.GATEWAY_SERVICE))
                .findFirst().orElse(null);
        return new RegionView(region, s.healthy(), s.healthReason(), s.lastCheckedAt(), s.evacuated(), s.evacuatedBy(),
                s.evacuationReason(), s.evacuatedAt(),
                gateway != null ? gateway.url().map(Object::toString).orElse(null) : (s.gateway() != null ? s.gateway().toString() : null),
                gateway != null && gateway.isRunning());
    }

    private static ProblemException unknown(String region) {
        return new ProblemException(HttpStatus.NOT_FOUND, "unknown-region", "Unknown region", "no region " + region);
    }
}
