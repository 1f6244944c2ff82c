package dev.marquee.backend.topology.internal;

import dev.marquee.backend.platform.ProblemException;
import dev.marquee.backend.topology.LocalInstance;
import dev.marquee.backend.topology.LocalInstances;
import dev.marquee.model.topology.ControlPaths;
import dev.marquee.model.topology.InstanceFaults;
import jakarta.validation.Valid;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Local instances for SREs: list, terminate (the listener closes), start again, inject faults on the wire. */
@RestController
class InstancesController {
    private final LocalInstances instances;

    InstancesController(LocalInstances instances) {
        this.instances = instances;
    }

    /** A local instance: its port while running, and its injected faults. */
    record LocalInstanceView(String id, String service, String region, String zone, boolean running,
                             @Nullable Integer port, double errorRate, long latencyMs) {}

    @GetMapping(ControlPaths.INSTANCES)
    List<LocalInstanceView> list() {
        return instances.all().stream().map(InstancesController::view).toList();
    }

    @PostMapping(ControlPaths.INSTANCE_TERMINATE)
    LocalInstanceView terminate(@PathVariable String instanceId, @AuthenticationPrincipal Jwt jwt) {
        LocalInstance instance = found(instanceId);
        instance.terminate(OpsActor.of(jwt));
        return view(instance);
    }

    @PostMapping(ControlPaths.INSTANCE_START)
    LocalInstanceView start(@PathVariable String instanceId) {
        LocalInstance instance = found(instanceId);
        instance.start();
        return view(instance);
    }

    @PutMapping(ControlPaths.INSTANCE_FAULTS)
    LocalInstanceView faults(@PathVariable String instanceId, @Valid @RequestBody InstanceFaults faults) {
        LocalInstance instance = found(instanceId);
        instance.injectFaults(new LocalInstance.Faults(faults.errorRate(), Duration.ofMillis(faults.latencyMs())));
        return view(instance);
    }

    private LocalInstance found(String id) {
        return instances.find(id).orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "unknown-instance",
                "Unknown instance", "this backend hosts no instance " + id));
    }

    static LocalInstanceView view(LocalInstance i) {
        return new LocalInstanceView(i.id(), i.service(), i.region(), i.zone(), i.isRunning(), i.port().orElse(null),
                i.faults().errorRate(), i.faults().latency().toMillis());
    }
}
