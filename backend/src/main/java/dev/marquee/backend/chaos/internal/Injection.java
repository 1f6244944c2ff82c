package dev.marquee.backend.chaos.internal;

import dev.marquee.backend.cache.CacheZones;
import dev.marquee.backend.edge.EdgeFaults;
import dev.marquee.backend.edge.EdgeManagement;
import dev.marquee.backend.topology.LocalInstance;

/**
 * One reversible change a run makes to the real system, through the owning module's public API. The engine
 * calls {@link #inject} once and {@link #revert} once (only after a successful inject), on the engine's thread or
 * the request's; each returns the action's detail for the timeline.
 */
sealed interface Injection {
    String kind();

    String revertKind();

    String target();

    String inject(String runId);

    String revert(String runId);

    /** Terminates an instance (or stops a region's gateway); reverting starts it again on a new port. */
    record Terminate(LocalInstance instance, boolean gateway) implements Injection {
        public String kind() {
            return gateway ? "GATEWAY_STOPPED" : "INSTANCE_TERMINATED";
        }

        public String revertKind() {
            return gateway ? "GATEWAY_STARTED" : "INSTANCE_STARTED";
        }

        public String target() {
            return instance.id();
        }

        public String inject(String runId) {
            String port = instance.port().map(String::valueOf).orElse("-");
            instance.terminate("chaos:" + runId);
            return "listener on port " + port + " closed";
        }

        public String revert(String runId) {
            if (!instance.isRunning()) {
                instance.start();
            }
            return "listening on port " + instance.port().map(String::valueOf).orElse("-");
        }
    }

    /** Fails a zone's cache replica; reverting puts back the state it had. */
    final class FailCacheZone implements Injection {
        private final CacheZones caches;
        private final String zone;
        private String before = "UP";

        FailCacheZone(CacheZones caches, String zone) {
            this.caches = caches;
            this.zone = zone;
        }

        public String kind() {
            return "CACHE_ZONE_FAILED";
        }

        public String revertKind() {
            return "CACHE_ZONE_RESTORED";
        }

        public String target() {
            return "cache:" + zone;
        }

        public String inject(String runId) {
            before = caches.setReplicaState(zone, "FAILED");
            return "replica " + before + " -> FAILED";
        }

        public String revert(String runId) {
            caches.setReplicaState(zone, before);
            return "replica FAILED -> " + before;
        }
    }

    /** Latency and errors on an instance's wire; reverting puts back the faults it had. */
    final class InstanceFaults implements Injection {
        private final LocalInstance instance;
        private final LocalInstance.Faults faults;
        private LocalInstance.Faults before = LocalInstance.Faults.NONE;

        InstanceFaults(LocalInstance instance, LocalInstance.Faults faults) {
            this.instance = instance;
            this.faults = faults;
        }

        public String kind() {
            return "FAULTS_INJECTED";
        }

        public String revertKind() {
            return "FAULTS_CLEARED";
        }

        public String target() {
            return instance.id();
        }

        public String inject(String runId) {
            before = instance.faults();
            instance.injectFaults(faults);
            return describe(faults.latency().toMillis(), faults.errorRate());
        }

        public String revert(String runId) {
            instance.injectFaults(before);
            return "back to " + describe(before.latency().toMillis(), before.errorRate());
        }
    }

    /** Latency and errors on an edge node's wire (its Netty pipeline); reverting puts back the faults it had. */
    final class EdgeNodeFaults implements Injection {
        private final EdgeManagement edges;
        private final String nodeId;
        private final EdgeFaults faults;
        private EdgeFaults before = EdgeFaults.NONE;

        EdgeNodeFaults(EdgeManagement edges, String nodeId, EdgeFaults faults) {
            this.edges = edges;
            this.nodeId = nodeId;
            this.faults = faults;
        }

        public String kind() {
            return "FAULTS_INJECTED";
        }

        public String revertKind() {
            return "FAULTS_CLEARED";
        }

        public String target() {
            return "edge:" + nodeId;
        }

        public String inject(String runId) {
            before = edges.injectFaults(nodeId, faults);
            return describe(faults.latency().toMillis(), faults.errorRate());
        }

        public String revert(String runId) {
            edges.injectFaults(nodeId, before);
            return "back to " + describe(before.latency().toMillis(), before.errorRate());
        }
    }

    static String describe(long latencyMs, double errorRate) {
        return "+" + latencyMs + " ms, error rate " + errorRate;
    }
}
