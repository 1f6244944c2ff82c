package dev.marquee.backend.chaos.internal;

import dev.marquee.backend.cache.CacheZones;
import dev.marquee.backend.edge.EdgeFaults;
import dev.marquee.backend.edge.EdgeManagement;
import dev.marquee.backend.edge.EdgeNodeView;
import dev.marquee.backend.metrics.Kpis;
import dev.marquee.backend.topology.LocalInstance;
import dev.marquee.backend.topology.LocalInstances;
import dev.marquee.backend.topology.TopologySettings;
import dev.marquee.model.chaos.BlastRadius;
import dev.marquee.model.chaos.ChaosLimits;
import dev.marquee.model.chaos.ChaosScope;
import dev.marquee.model.chaos.ExperimentRequest;
import dev.marquee.model.chaos.ExperimentType;
import dev.marquee.model.chaos.SteadyStateThresholds;
import dev.marquee.model.metrics.MetricsPaths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Turns a request into a {@link Plan}: checks every target exists and every magnitude is sane, picks the victims,
 * and works out the blast radius. Changes nothing: a refused request throws one of the {@link Refusals}.
 */
final class Planner {
    /** A ratio limit (error rate, rebuffer ratio) or an injected error rate: a share, so at most all of it. */
    static final double MAX_RATIO = 1;
    /** An SPS drop limit is a percentage of the baseline: at most all of it. */
    static final double MAX_SPS_DROP_PERCENT = 100;
    /** A p99 limit under a millisecond would fail on the timer's resolution alone. */
    static final double MIN_P99_LIMIT_MS = 1;

    private final ChaosSettings settings;
    private final TopologySettings topology;
    private final LocalInstances instances;
    private final EdgeManagement edges;
    private final CacheZones caches;
    private final Kpis kpis;
    private final DoctorMonkey doctor;
    private final Random random;

    Planner(ChaosSettings settings, TopologySettings topology, LocalInstances instances, EdgeManagement edges,
            CacheZones caches, Kpis kpis, DoctorMonkey doctor, Random random) {
        this.settings = settings;
        this.topology = topology;
        this.instances = instances;
        this.edges = edges;
        this.caches = caches;
        this.kpis = kpis;
        this.doctor = doctor;
        this.random = random;
    }

    Plan plan(ExperimentRequest request) {
        if (request.type() == null) {
            throw Refusals.badRequest("type is required: one of " + List.of(ExperimentType.values()));
        }
        ChaosScope scope = request.scope() == null ? ChaosScope.EVERYWHERE : request.scope();
        Duration duration = duration(request.durationSeconds() == null ? 0 : request.durationSeconds());
        checkScope(scope);
        @Nullable SteadyStateThresholds thresholds = request.type() == ExperimentType.DOCTOR_MONKEY
                ? noHypothesis(request.thresholds()) : thresholds(request.thresholds());
        List<Injection> injections = new ArrayList<>();
        List<String> touched = new ArrayList<>();
        List<String> edgeNodes = new ArrayList<>();
        TreeSet<String> regions = new TreeSet<>();
        TreeSet<String> zones = new TreeSet<>();
        String kpiRegion = scope.region() != null ? scope.region() : MetricsPaths.ALL_REGIONS;
        String kpiService = null;
        String summary;
        switch (request.type()) {
            case CHAOS_MONKEY -> {
                requireAllRegionsOverride(request, scope.region() == null && scope.zone() == null && scope.instanceId() == null,
                        "Chaos Monkey without a region, zone or instance picks victims in every region");
                List<LocalInstance> candidates = new ArrayList<>(services(scope).stream().filter(LocalInstance::isRunning).toList());
                int count = request.count() == null ? 0 : request.count();
                if (count <= 0 || count > candidates.size()) {
                    throw Refusals.badRequest("count must be within 1.." + candidates.size()
                            + " (running instances in the scope), was " + request.count());
                }
                candidates.forEach(i -> { regions.add(i.region()); zones.add(i.zone()); touched.add(i.id()); });
                Collections.shuffle(candidates, random);
                candidates.subList(0, count).forEach(i -> injections.add(new Injection.Terminate(i, false)));
                summary = "terminates " + count + " of " + candidates.size() + " running instances";
            }
            case CHAOS_GORILLA -> {
                if (scope.zone() == null) {
                    throw Refusals.badRequest("Chaos Gorilla needs scope.zone");
                }
                List<LocalInstance> victims = services(scope).stream().filter(LocalInstance::isRunning).toList();
                victims.forEach(i -> { injections.add(new Injection.Terminate(i, false)); touched.add(i.id()); });
                injections.add(new Injection.FailCacheZone(caches, scope.zone()));
                String region = regionOfZone(scope.zone());
                regions.add(region);
                zones.add(scope.zone());
                kpiRegion = region;
                summary = "zone " + scope.zone() + " out: " + victims.size() + " instances terminated, its cache replica failed";
            }
            case CHAOS_KONG -> {
                if (scope.region() == null) {
                    throw Refusals.badRequest("Chaos Kong needs scope.region");
                }
                requireAllRegionsOverride(request, topology.regions().size() == 1, "the only region would be taken down");
                ChaosScope region = new ChaosScope(scope.region(), null, null, null, null);
                instances.all().stream()
                        .filter(i -> i.region().equals(scope.region()) && i.service().equals(TopologySettings.GATEWAY_SERVICE))
                        .filter(LocalInstance::isRunning)
                        .forEach(g -> { injections.add(new Injection.Terminate(g, true)); touched.add(g.id()); });
                List<LocalInstance> victims = services(region).stream().filter(LocalInstance::isRunning).toList();
                victims.forEach(i -> { injections.add(new Injection.Terminate(i, false)); touched.add(i.id()); zones.add(i.zone()); });
                regions.add(scope.region());
                summary = "region " + scope.region() + " out: gateway stopped, " + victims.size() + " instances terminated";
            }
            case LATENCY_MONKEY -> {
                long latencyMs = request.latencyMs() == null ? 0 : request.latencyMs();
                double errorRate = request.errorRate() == null ? 0 : request.errorRate();
                if (latencyMs < 0 || latencyMs > settings.maxLatency().toMillis()) {
                    throw Refusals.badRequest("latencyMs must be within 0.." + settings.maxLatency().toMillis() + ", was " + latencyMs);
                }
                if (!(errorRate >= 0 && errorRate <= MAX_RATIO)) {
                    throw Refusals.badRequest("errorRate must be within 0..1, was " + errorRate);
                }
                if (latencyMs == 0 && errorRate == 0) {
                    throw Refusals.badRequest("Latency Monkey needs latencyMs > 0 or errorRate > 0");
                }
                int targets = (scope.service() != null ? 1 : 0) + (scope.instanceId() != null ? 1 : 0) + (scope.edgeNodeId() != null ? 1 : 0);
                if (targets != 1) {
                    throw Refusals.badRequest("Latency Monkey needs exactly one of scope.service, scope.instanceId, scope.edgeNodeId");
                }
                if (scope.edgeNodeId() != null) {
                    EdgeNodeView node = edges.node(scope.edgeNodeId()).orElseThrow();
                    injections.add(new Injection.EdgeNodeFaults(edges, node.id(),
                            new EdgeFaults(errorRate, Duration.ofMillis(latencyMs))));
                    edgeNodes.add(node.id());
                    if (!node.region().isBlank()) {
                        regions.add(node.region());
                    }
                } else {
                    requireAllRegionsOverride(request, scope.instanceId() == null && scope.region() == null && scope.zone() == null,
                            "Latency Monkey on a service without a region slows it in every region");
                    LocalInstance.Faults faults = new LocalInstance.Faults(errorRate, Duration.ofMillis(latencyMs));
                    List<LocalInstance> victims = services(scope);
                    victims.forEach(i -> {
                        injections.add(new Injection.InstanceFaults(i, faults));
                        touched.add(i.id());
                        regions.add(i.region());
                        zones.add(i.zone());
                    });
                    if (scope.instanceId() != null) {
                        kpiRegion = victims.getFirst().region();
                    }
                }
                summary = "+" + latencyMs + " ms and error rate " + errorRate + " on "
                        + (edgeNodes.isEmpty() ? touched.size() + " instances" : "edge node " + edgeNodes.getFirst());
            }
            case DOCTOR_MONKEY -> {
                List<DoctorMonkey.Diagnosis> sick = doctor.examine(inScope(scope));
                sick.forEach(d -> { touched.add(d.instance().id()); regions.add(d.instance().region()); zones.add(d.instance().zone()); });
                summary = sick.size() + " sick instances now; replaces those it finds while it runs";
            }
            default -> throw Refusals.badRequest("unknown experiment " + request.type());
        }
        Map<String, Integer> live = kpis.liveSessionsByRegion();
        Map<String, Integer> sessions = new TreeMap<>();
        regions.forEach(r -> sessions.put(r, live.getOrDefault(r, 0)));
        int liveSessions = sessions.values().stream().mapToInt(Integer::intValue).sum();
        BlastRadius radius = new BlastRadius(request.type(), List.copyOf(regions), List.copyOf(zones), List.copyOf(touched),
                List.copyOf(edgeNodes), liveSessions, sessions, summary + "; " + liveSessions + " live viewer sessions in "
                + (regions.isEmpty() ? "no region" : String.join(", ", regions)));
        return new Plan(request, scope, duration, List.copyOf(injections), radius, thresholds, kpiRegion, kpiService);
    }

    private Duration duration(long seconds) {
        Duration duration = Duration.ofSeconds(Math.max(0, Math.min(seconds, Long.MAX_VALUE / 1_000_000_000L)));
        if (seconds < settings.minDuration().toSeconds() || duration.compareTo(settings.maxDuration()) > 0) {
            throw Refusals.badRequest("durationSeconds must be within " + settings.minDuration().toSeconds() + ".."
                    + settings.maxDuration().toSeconds() + ", was " + seconds);
        }
        return duration;
    }

    private void checkScope(ChaosScope scope) {
        if (scope.region() != null && topology.region(scope.region()).isEmpty()) {
            throw Refusals.unknownTarget("no region " + scope.region());
        }
        if (scope.zone() != null) {
            String region = regionOfZone(scope.zone());
            if (scope.region() != null && !scope.region().equals(region)) {
                throw Refusals.badRequest("zone " + scope.zone() + " is in " + region + ", not " + scope.region());
            }
        }
        if (scope.service() != null && !topology.services().containsKey(scope.service())) {
            throw Refusals.unknownTarget("no service " + scope.service() + "; services: " + topology.services().keySet());
        }
        if (scope.instanceId() != null) {
            LocalInstance instance = instances.find(scope.instanceId())
                    .orElseThrow(() -> Refusals.unknownTarget("no local instance " + scope.instanceId()));
            if (instance.service().equals(TopologySettings.GATEWAY_SERVICE)) {
                throw Refusals.badRequest("gateways are not instance targets; use Chaos Kong on their region");
            }
        }
        if (scope.edgeNodeId() != null && edges.node(scope.edgeNodeId()).isEmpty()) {
            throw Refusals.unknownTarget("no edge node " + scope.edgeNodeId());
        }
    }

    private String regionOfZone(String zone) {
        return topology.regions().stream().filter(r -> r.zones().contains(zone)).map(TopologySettings.Region::name)
                .findFirst().orElseThrow(() -> Refusals.unknownTarget("no zone " + zone));
    }

    private SteadyStateThresholds thresholds(@Nullable SteadyStateThresholds requested) {
        SteadyStateThresholds r = requested == null ? SteadyStateThresholds.DEFAULTS_FROM_ENGINE : requested;
        double sps = within("maxSpsDropPercent", r.maxSpsDropPercent(), settings.maxSpsDropPercent(), 0, MAX_SPS_DROP_PERCENT);
        double errors = within("maxErrorRate", r.maxErrorRate(), settings.maxErrorRate(), 0, MAX_RATIO);
        double p99 = within("maxP99LatencyMs", r.maxP99LatencyMs(), settings.maxP99LatencyMs(), MIN_P99_LIMIT_MS, Double.MAX_VALUE);
        double rebuffer = within("maxRebufferRatio", r.maxRebufferRatio(), settings.maxRebufferRatio(), 0, MAX_RATIO);
        return new SteadyStateThresholds(sps, errors, p99, rebuffer);
    }

    /**
     * Doctor Monkey is a repair action, not an experiment: it has no steady-state hypothesis to hold (it runs
     * precisely when things are unhealthy), so limits for it are a mistake in the request, refused.
     */
    private static @Nullable SteadyStateThresholds noHypothesis(@Nullable SteadyStateThresholds requested) {
        if (requested != null && (requested.maxSpsDropPercent() != null || requested.maxErrorRate() != null
                || requested.maxP99LatencyMs() != null || requested.maxRebufferRatio() != null)) {
            throw Refusals.badRequest("Doctor Monkey is a repair action and has no steady-state hypothesis; "
                    + "leave thresholds out");
        }
        return null;
    }

    /** What a client needs to fill a request: the default limits and every bound {@link #plan} enforces. */
    ChaosLimits limits() {
        return new ChaosLimits(new SteadyStateThresholds(settings.maxSpsDropPercent(), settings.maxErrorRate(),
                settings.maxP99LatencyMs(), settings.maxRebufferRatio()), settings.minDuration().toSeconds(),
                settings.maxDuration().toSeconds(), settings.maxLatency().toMillis(), MAX_RATIO, MAX_SPS_DROP_PERCENT,
                MIN_P99_LIMIT_MS, MAX_RATIO, settings.evaluationInterval().toSeconds(), settings.kpiWindow().toSeconds());
    }

    private static double within(String name, @Nullable Double value, double fallback, double min, double max) {
        double v = value == null ? fallback : value;
        if (!(v >= min && v <= max)) {
            throw Refusals.badRequest("thresholds." + name + " must be within " + min + ".." + max + ", was " + v);
        }
        return v;
    }

    private void requireAllRegionsOverride(ExperimentRequest request, boolean spansAll, String why) {
        if (spansAll && !request.allowsAllRegions()) {
            throw Refusals.allRegions(why + "; narrow the scope or set \"allowAllRegions\": true");
        }
    }

    /** Service instances (no gateways) the scope covers, running or not. */
    private List<LocalInstance> services(ChaosScope scope) {
        return instances.all().stream()
                .filter(i -> !i.service().equals(TopologySettings.GATEWAY_SERVICE))
                .filter(inScope(scope))
                .toList();
    }

    static Predicate<LocalInstance> inScope(ChaosScope scope) {
        return i -> (scope.region() == null || scope.region().equals(i.region()))
                && (scope.zone() == null || scope.zone().equals(i.zone()))
                && (scope.service() == null || scope.service().equals(i.service()))
                && (scope.instanceId() == null || scope.instanceId().equals(i.id()));
    }
}
