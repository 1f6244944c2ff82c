package dev.marquee.backend.topology.internal;

import dev.marquee.backend.topology.DiscoveryRegistry;
import dev.marquee.backend.topology.InstanceInfo;
import dev.marquee.backend.topology.InstanceStatus;
import dev.marquee.backend.topology.RegionEvacuated;
import dev.marquee.backend.topology.RegionHealthChanged;
import dev.marquee.backend.topology.RegionRestored;
import dev.marquee.backend.topology.TopologySettings;
import dev.marquee.model.topology.DirectorAnswer;
import dev.marquee.model.topology.RegionRoute;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;

/**
 * The traffic director (the GeoDNS role): checks every region's gateway health endpoint at a fixed interval and
 * answers clients with the healthy, non-evacuated regions in preference order: the client's own region first,
 * then the others in configured order. It does not route requests itself; clients go to the gateways it names.
 */
final class TrafficDirector {
    static final String GATEWAY_SERVICE = TopologySettings.GATEWAY_SERVICE;
    static final String HEALTH_PATH = TopologySettings.GATEWAY_HEALTH_PATH;

    private final TopologySettings settings;
    private final DiscoveryRegistry registry;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final HttpClient http;
    private final Map<String, RegionState> states = new ConcurrentHashMap<>();

    /** A region's current verdicts; replaced whole, never mutated. */
    record RegionState(boolean healthy, String healthReason, @Nullable Instant lastCheckedAt, @Nullable URI gateway,
                       boolean evacuated, @Nullable String evacuatedBy, @Nullable String evacuationReason,
                       @Nullable Instant evacuatedAt) {

        RegionState checked(boolean ok, String reason, Instant at, @Nullable URI url) {
            return new RegionState(ok, reason, at, url, evacuated, evacuatedBy, evacuationReason, evacuatedAt);
        }

        RegionState evacuation(boolean on, String by, String reason, Instant at) {
            return new RegionState(healthy, healthReason, lastCheckedAt, gateway, on, by, reason, at);
        }
    }

    TrafficDirector(TopologySettings settings, DiscoveryRegistry registry, ApplicationEventPublisher events, Clock clock,
                    HttpClient http) {
        this.settings = settings;
        this.registry = registry;
        this.events = events;
        this.clock = clock;
        this.http = http;
        // Regions start unknown, hence unhealthy, until their first check passes.
        settings.regions().forEach(r -> states.put(r.name(),
                new RegionState(false, "not checked yet", null, null, false, null, null, null)));
    }

    /** Checks every region's gateway once, in parallel; each result updates its region when it arrives. */
    void checkAll() {
        for (TopologySettings.Region region : settings.regions()) {
            Optional<InstanceInfo> gateway = registry.instances().stream()
                    .filter(i -> i.service().equals(GATEWAY_SERVICE) && i.region().equals(region.name()))
                    .filter(i -> i.status() != InstanceStatus.OUT_OF_SERVICE)
                    .findFirst();
            if (gateway.isEmpty()) {
                record(region.name(), false, "no gateway registered", null);
                continue;
            }
            URI url = gateway.get().url();
            HttpRequest request = HttpRequest.newBuilder(url.resolve(HEALTH_PATH)).timeout(settings.healthCheckTimeout()).GET().build();
            http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                if (failure != null) {
                    record(region.name(), false, "gateway unreachable: " + describe(failure), url);
                } else if (response.statusCode() != 200) {
                    record(region.name(), false, "gateway health answered " + response.statusCode(), url);
                } else {
                    record(region.name(), true, "gateway healthy", url);
                }
            });
        }
    }

    private void record(String region, boolean healthy, String reason, @Nullable URI gateway) {
        Instant now = clock.instant();
        RegionState before = states.get(region);
        RegionState after = states.compute(region, (name, old) -> old.checked(healthy, reason, now, gateway));
        if (before.healthy() != after.healthy()) {
            events.publishEvent(new RegionHealthChanged(region, healthy, reason, now));
        }
    }

    /** The director's answer for a client in {@code clientRegion} (unknown or absent: configured order). */
    DirectorAnswer answer(@Nullable String clientRegion) {
        List<String> order = new ArrayList<>();
        settings.region(clientRegion == null ? "" : clientRegion).ifPresent(r -> order.add(r.name()));
        settings.regions().forEach(r -> {
            if (!order.contains(r.name())) {
                order.add(r.name());
            }
        });
        List<RegionRoute> routes = new ArrayList<>();
        List<DirectorAnswer.Skipped> skipped = new ArrayList<>();
        for (String name : order) {
            RegionState state = states.get(name);
            if (state.evacuated()) {
                skipped.add(new DirectorAnswer.Skipped(name, "evacuated by " + state.evacuatedBy() + ": " + state.evacuationReason()));
            } else if (!state.healthy() || state.gateway() == null) {
                skipped.add(new DirectorAnswer.Skipped(name, state.healthReason()));
            } else {
                routes.add(new RegionRoute(name, state.gateway().toString()));
            }
        }
        return new DirectorAnswer(clientRegion == null ? "" : clientRegion, routes, skipped);
    }

    /** Drains a region: clients are sent elsewhere until it is restored. Returns false for an unknown region. */
    boolean evacuate(String region, String by, String reason) {
        if (!states.containsKey(region)) {
            return false;
        }
        Instant now = clock.instant();
        states.computeIfPresent(region, (n, s) -> s.evacuation(true, by, reason, now));
        events.publishEvent(new RegionEvacuated(region, by, reason, now));
        return true;
    }

    boolean restore(String region, String by, String reason) {
        if (!states.containsKey(region)) {
            return false;
        }
        Instant now = clock.instant();
        states.computeIfPresent(region, (n, s) -> s.evacuation(false, by, reason, now));
        events.publishEvent(new RegionRestored(region, by, reason, now));
        return true;
    }

    Optional<RegionState> state(String region) {
        return Optional.ofNullable(states.get(region));
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
        return cause.getClass().getSimpleName() + (cause.getMessage() != null ? " " + cause.getMessage() : "");
    }
}
