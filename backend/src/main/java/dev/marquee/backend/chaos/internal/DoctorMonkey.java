package dev.marquee.backend.chaos.internal;

import dev.marquee.backend.topology.DiscoveryRegistry;
import dev.marquee.backend.topology.InstanceInfo;
import dev.marquee.backend.topology.InstanceStatus;
import dev.marquee.backend.topology.LocalInstance;
import dev.marquee.backend.topology.LocalInstances;
import dev.marquee.backend.topology.TopologySettings;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Finds sick service instances and replaces them: an instance is sick when it is terminated, no longer in the
 * registry (evicted), registered DOWN, or refusing connections on its port. A replacement is a new instance of
 * the same service in the same zone, launched through {@link LocalInstances}; the sick one is terminated first
 * if it still runs. Replacements are repairs, not faults: a run's revert leaves them in place. Gateways are
 * not its business (a stopped gateway is a region failure for the director to handle).
 */
final class DoctorMonkey {
    private final LocalInstances instances;
    private final DiscoveryRegistry registry;
    private final TopologySettings topology;
    private final int probeTimeoutMs;

    DoctorMonkey(LocalInstances instances, DiscoveryRegistry registry, TopologySettings topology, int probeTimeoutMs) {
        this.instances = instances;
        this.registry = registry;
        this.topology = topology;
        this.probeTimeoutMs = probeTimeoutMs;
    }

    record Diagnosis(LocalInstance instance, String why) {}

    /** Sick instances among those the filter accepts, skipping ones already replaced. */
    List<Diagnosis> examine(Predicate<LocalInstance> inScope) {
        return instances.all().stream()
                .filter(i -> !i.service().equals(TopologySettings.GATEWAY_SERVICE))
                .filter(inScope)
                .filter(i -> !isReplaced(i))
                .flatMap(i -> diagnose(i).map(why -> new Diagnosis(i, why)).stream())
                .toList();
    }

    private Optional<String> diagnose(LocalInstance instance) {
        if (!instance.isRunning()) {
            return Optional.of("terminated");
        }
        Optional<InstanceInfo> entry = registry.find(instance.id());
        if (entry.isEmpty()) {
            return Optional.of("not in the registry (evicted)");
        }
        if (entry.get().status() == InstanceStatus.DOWN) {
            return Optional.of("registered DOWN");
        }
        Optional<URI> url = instance.url();
        if (url.isPresent() && !accepts(url.get())) {
            return Optional.of("refuses connections on " + url.get());
        }
        return Optional.empty();
    }

    /** Launches a replacement (after terminating the sick one if it still runs); returns it. */
    LocalInstance replace(LocalInstance sick, String runId) {
        if (sick.isRunning()) {
            sick.terminate("doctor-monkey:" + runId);
        }
        String id = replacementId(sick);
        return instances.launch(id, sick.service(), sick.region(), sick.zone(), topology.instanceMaxThreads(),
                topology.instanceMaxConnections());
    }

    /** A terminated instance is replaced when another of its line (the original or a replacement) runs. */
    private boolean isReplaced(LocalInstance instance) {
        String base = base(instance.id());
        return !instance.isRunning() && instances.all().stream()
                .anyMatch(i -> i != instance && i.isRunning() && base(i.id()).equals(base));
    }

    /** Ids of replacements: {@code catalog-us-east-1a-1~r1}, {@code ~r2}, …: the original's id stays readable. */
    static final String REPLACEMENT_MARK = "~r";

    private String replacementId(LocalInstance sick) {
        String base = base(sick.id());
        for (int n = 1; ; n++) {
            String id = base + REPLACEMENT_MARK + n;
            if (instances.find(id).isEmpty()) {
                return id;
            }
        }
    }

    private static String base(String id) {
        int mark = id.indexOf(REPLACEMENT_MARK);
        return mark < 0 ? id : id.substring(0, mark);
    }

    private boolean accepts(URI url) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(url.getHost(), url.getPort()), probeTimeoutMs);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
