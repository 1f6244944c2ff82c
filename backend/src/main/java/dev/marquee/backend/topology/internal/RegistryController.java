package dev.marquee.backend.topology.internal;

import dev.marquee.backend.platform.ProblemException;
import dev.marquee.backend.topology.InstanceInfo;
import dev.marquee.backend.topology.InstanceStatus;
import dev.marquee.model.topology.ControlPaths;
import dev.marquee.model.topology.InstanceView;
import dev.marquee.model.topology.OpsReason;
import dev.marquee.model.topology.RegisterInstanceRequest;
import dev.marquee.model.topology.RegistryView;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
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

/**
 * The registry's HTTP API (SRE role, as all of {@code /api/ops}): list leases, let a remote instance register and
 * renew, take an instance out of service and back, evict it.
 */
@RestController
class RegistryController {
    private final InMemoryRegistry registry;
    private final Clock clock;

    RegistryController(InMemoryRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    @GetMapping(ControlPaths.REGISTRY)
    RegistryView registry() {
        Instant now = clock.instant();
        return new RegistryView(registry.instances().stream().map(i -> view(i, now)).toList(),
                registry.leaseDuration().toSeconds(), registry.selfPreservationActive(), registry.selfPreservationExplained());
    }

    /** A remote instance joins: it is UP at once and must renew within the lease. */
    @PostMapping(ControlPaths.REGISTRY_INSTANCES)
    ResponseEntity<InstanceView> register(@Valid @RequestBody RegisterInstanceRequest request) {
        URI url = parseUrl(request.url());
        registry.register(request.id(), request.service(), request.region(), request.zone(), url, false);
        registry.reportStatus(request.id(), InstanceStatus.UP);
        return ResponseEntity.status(HttpStatus.CREATED).body(view(found(request.id()), clock.instant()));
    }

    @PutMapping(ControlPaths.REGISTRY_HEARTBEAT)
    ResponseEntity<Void> heartbeat(@PathVariable String instanceId) {
        if (!registry.renew(instanceId)) {
            throw unknown(instanceId);
        }
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping(ControlPaths.REGISTRY_INSTANCE)
    ResponseEntity<Void> evict(@PathVariable String instanceId, @AuthenticationPrincipal Jwt jwt) {
        if (!registry.cancel(instanceId, "evicted by " + OpsActor.of(jwt))) {
            throw unknown(instanceId);
        }
        return ResponseEntity.noContent().build();
    }

    @PostMapping(ControlPaths.REGISTRY_OUT_OF_SERVICE)
    InstanceView takeOutOfService(@PathVariable String instanceId, @Valid @RequestBody OpsReason reason,
                                  @AuthenticationPrincipal Jwt jwt) {
        if (!registry.takeOutOfService(instanceId, OpsActor.of(jwt), reason.reason())) {
            throw unknown(instanceId);
        }
        return view(found(instanceId), clock.instant());
    }

    @DeleteMapping(ControlPaths.REGISTRY_OUT_OF_SERVICE)
    InstanceView putBack(@PathVariable String instanceId, @AuthenticationPrincipal Jwt jwt) {
        if (!registry.putBackInService(instanceId, OpsActor.of(jwt), "back in service")) {
            throw unknown(instanceId);
        }
        return view(found(instanceId), clock.instant());
    }

    private InstanceInfo found(String id) {
        return registry.find(id).orElseThrow(() -> unknown(id));
    }

    static InstanceView view(InstanceInfo i, Instant now) {
        return new InstanceView(i.id(), i.service(), i.region(), i.zone(), i.url().toString(), i.status().name(),
                i.registeredAt(), i.lastRenewedAt(), i.leaseExpiresAt(), i.leaseAge(now).toSeconds(), i.local());
    }

    static ProblemException unknown(String id) {
        return new ProblemException(HttpStatus.NOT_FOUND, "unknown-instance", "Unknown instance",
                "the registry has no instance " + id);
    }

    private static URI parseUrl(String url) {
        try {
            URI uri = URI.create(url);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "bad-instance-url", "Bad instance URL",
                    "url must be an absolute http(s) URL such as http://10.0.0.5:8081, got '" + url + "'");
        }
    }
}
