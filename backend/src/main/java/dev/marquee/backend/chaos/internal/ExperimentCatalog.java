package dev.marquee.backend.chaos.internal;

import dev.marquee.model.chaos.ChaosPaths;
import dev.marquee.model.chaos.ExperimentDescriptor;
import dev.marquee.model.chaos.ExperimentDescriptor.Parameter;
import dev.marquee.model.chaos.ExperimentType;
import java.util.List;

/** The experiment catalog the console lists: each type, what it does, and the request fields it reads. */
final class ExperimentCatalog {
    private ExperimentCatalog() {}

    private static final Parameter DURATION = new Parameter("durationSeconds", "integer", true,
            "how long before the engine reverts everything (10..7200)");
    private static final Parameter THRESHOLDS = new Parameter("thresholds", "SteadyStateThresholds", false,
            "limits on SPS drop %, error rate, p99 latency, rebuffer ratio; absent ones take the defaults (GET "
                    + ChaosPaths.SETTINGS + "); they must hold before the start unless allowViolatedSteadyState");
    private static final Parameter REGION = new Parameter("scope.region", "string", false, "narrow to a region");
    private static final Parameter ZONE = new Parameter("scope.zone", "string", false, "narrow to a zone");
    private static final Parameter SERVICE = new Parameter("scope.service", "string", false,
            "narrow to a service group (identity, catalog, search, playback)");
    private static final Parameter ALL_REGIONS = new Parameter("allowAllRegions", "boolean", false,
            "required for a scope that reaches every region at once");

    static final List<ExperimentDescriptor> ALL = List.of(
            new ExperimentDescriptor(ExperimentType.CHAOS_MONKEY, "Chaos Monkey",
                    "Terminates count random running instances in the scope; they are started again at the end.",
                    List.of(new Parameter("count", "integer", true, "instances to terminate (1..running in scope)"),
                            REGION, ZONE, SERVICE, DURATION, THRESHOLDS, ALL_REGIONS)),
            new ExperimentDescriptor(ExperimentType.CHAOS_GORILLA, "Chaos Gorilla",
                    "A zone outage: every instance of the zone terminated and its cache replica failed.",
                    List.of(new Parameter("scope.zone", "string", true, "the zone to take out"), DURATION, THRESHOLDS)),
            new ExperimentDescriptor(ExperimentType.CHAOS_KONG, "Chaos Kong",
                    "A region outage: its gateway stopped and its instances terminated; the director fails clients over.",
                    List.of(new Parameter("scope.region", "string", true, "the region to take out"), DURATION, THRESHOLDS)),
            new ExperimentDescriptor(ExperimentType.LATENCY_MONKEY, "Latency Monkey",
                    "Adds latency and/or an error rate on the wire of a service (all its instances in the region), one "
                            + "instance, or one edge node.",
                    List.of(new Parameter("latencyMs", "integer", false, "added per request (0..30000)"),
                            new Parameter("errorRate", "number", false, "share of requests failed (0..1)"),
                            new Parameter("scope.service | scope.instanceId | scope.edgeNodeId", "string", true,
                                    "exactly one target"),
                            REGION, DURATION, THRESHOLDS, ALL_REGIONS)),
            new ExperimentDescriptor(ExperimentType.DOCTOR_MONKEY, "Doctor Monkey",
                    "Finds sick instances (terminated, evicted, DOWN, refusing connections) and launches replacements "
                            + "in the same zone; replacements stay after the run. A repair action: it has no steady-state "
                            + "hypothesis (it runs when things are unhealthy), so nothing aborts it but its end, an abort "
                            + "or the kill switch.",
                    List.of(REGION, ZONE, SERVICE, DURATION)));
}
