package dev.marquee.console.ui;

import dev.marquee.console.api.FakeOpsBackend;
import dev.marquee.model.chaos.ChaosPaths;
import dev.marquee.model.metrics.MetricsPaths;
import dev.marquee.model.topology.ControlPaths;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.MockResponse;

/**
 * The ops endpoints the section views read, answering with JSON and event streams recorded from a running backend.
 * Like the real one, an evacuated region is reported evacuated and serves no more API requests, and an engaged
 * chaos kill switch refuses starts with the engine's problem.
 */
final class FakeSectionsBackend extends FakeOpsBackend {
    /** Every ops call other than a read, as "METHOD path body". */
    final List<String> actions = new CopyOnWriteArrayList<>();
    private final Set<String> evacuated = ConcurrentHashMap.newKeySet();
    /** The kill switch's reason while engaged, like the engine's: it refuses starts (409), not previews. */
    private final AtomicReference<String> killedFor = new AtomicReference<>();

    @Override
    protected MockResponse ops(String method, String pathAndQuery, String body) {
        if (pathAndQuery.startsWith(ChaosPaths.CHAOS)) {
            return chaos(method, pathAndQuery, body);
        }
        if (!method.equals("GET")) {
            actions.add(method + " " + pathAndQuery + (body.isEmpty() ? "" : " " + body));
            String[] parts = pathAndQuery.split("/");
            if (pathAndQuery.startsWith(ControlPaths.REGIONS) && pathAndQuery.endsWith("/evacuate")) {
                evacuated.add(parts[4]);
            } else if (pathAndQuery.startsWith(ControlPaths.REGIONS) && pathAndQuery.endsWith("/restore")) {
                evacuated.remove(parts[4]);
            }
            return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body("{}").build();
        }
        if (pathAndQuery.equals(ControlPaths.REGIONS)) {
            String regions = Recorded.json("regions.json");
            for (String region : evacuated) {
                regions = regions.replaceAll("(\\{\"region\":\"" + region + "\"[^}]*?)\"evacuated\":false,\"evacuatedBy\":null,"
                                + "\"evacuationReason\":null", "$1\"evacuated\":true,\"evacuatedBy\":\"" + SRE_EMAIL
                                + "\",\"evacuationReason\":\"drill\"");
            }
            return body(regions, "application/json");
        }
        if (pathAndQuery.startsWith(MetricsPaths.KPIS)) {
            String region = pathAndQuery.substring(pathAndQuery.indexOf("region=") + "region=".length());
            String kpis = Recorded.json("kpis-" + region + ".json");
            return body(evacuated.contains(region) ? kpis.replaceFirst("\"apiRequests\":\\d+", "\"apiRequests\":0") : kpis,
                    "application/json");
        }
        String recorded = switch (pathAndQuery.replaceFirst("\\?.*", "")) {
            case ControlPaths.REGISTRY -> "registry.json";
            case ControlPaths.INSTANCES -> "instances.json";
            case "/api/ops/edge/nodes" -> "edge-nodes.json";
            case "/api/ops/edge/fills" -> "edge-fills.json";
            case ControlPaths.BREAKERS -> "breakers.json";
            case MetricsPaths.SERIES -> "series-api-p99.json";
            default -> null;
        };
        if (recorded != null) {
            return body(Recorded.json(recorded), "application/json");
        }
        return switch (pathAndQuery) {
            case ControlPaths.RESILIENCE_STREAM -> body(Recorded.json("resilience-stream.txt"), "text/event-stream");
            case MetricsPaths.STREAM -> body(Recorded.json("metrics-stream.txt"), "text/event-stream");
            default -> super.ops(method, pathAndQuery, body);
        };
    }

    private MockResponse chaos(String method, String path, String body) {
        if (!method.equals("GET")) {
            actions.add(method + " " + path + (body.isEmpty() ? "" : " " + body));
        }
        String route = method + " " + path;
        if (route.equals("PUT " + ChaosPaths.KILL_SWITCH)) {
            boolean engage = body.contains("\"engaged\":true");
            killedFor.set(engage ? body.replaceAll(".*\"reason\":\"([^\"]*)\".*", "$1") : null);
        }
        if (route.equals("POST " + ChaosPaths.RUNS) && killedFor.get() != null) {
            return refuse(409, "engaged by " + SRE_EMAIL + " at 2026-11-26T22:30:00Z: " + killedFor.get()
                    + "; release it before starting runs");
        }
        String recorded = switch (route) {
            case "GET " + ChaosPaths.EXPERIMENTS -> "chaos-experiments.json";
            case "GET " + ChaosPaths.RUNS -> "chaos-runs.json";
            case "GET " + ChaosPaths.SCHEDULES -> "chaos-schedules.json";
            case "POST " + ChaosPaths.PREVIEW -> "chaos-preview.json";
            default -> path.startsWith(ChaosPaths.RUNS + "/") && method.equals("GET") ? "chaos-run-running.json" : null;
        };
        if (recorded != null) {
            return body(Recorded.json(recorded), "application/json");
        }
        if (path.equals(ChaosPaths.KILL_SWITCH)) {
            String reason = killedFor.get();
            return body(reason == null ? "{\"engaged\":false,\"by\":null,\"reason\":null,\"since\":null}"
                    : "{\"engaged\":true,\"by\":\"" + SRE_EMAIL + "\",\"reason\":\"" + reason
                            + "\",\"since\":\"2026-11-26T22:30:00Z\"}", "application/json");
        }
        return super.ops(method, path, body);
    }

    private static MockResponse body(String text, String type) {
        return new MockResponse.Builder().code(200).setHeader("Content-Type", type).body(text).build();
    }
}
