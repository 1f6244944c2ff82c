package dev.marquee.backend.topology.internal;

import dev.marquee.backend.topology.DiscoveryRegistry;
import dev.marquee.backend.topology.InstanceStarted;
import dev.marquee.backend.topology.InstanceStatus;
import dev.marquee.backend.topology.InstanceTerminated;
import dev.marquee.backend.topology.Listener;
import dev.marquee.backend.topology.Listeners;
import dev.marquee.backend.topology.LocalInstance;
import dev.marquee.backend.topology.LocalInstances;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Hosts local instances: each is a {@link Listener} plus a registry lease that {@link #renewAll()} keeps alive.
 * An instance the registry forgot (an SRE evicted it while it still ran) registers again at its next heartbeat,
 * as a Eureka client does.
 */
final class LocalInstanceManager implements LocalInstances {
    private final Listeners listeners;
    private final DiscoveryRegistry registry;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Map<String, Hosted> instances = new ConcurrentHashMap<>();
    private final Map<Integer, Hosted> byPort = new ConcurrentHashMap<>();

    LocalInstanceManager(Listeners listeners, DiscoveryRegistry registry, ApplicationEventPublisher events, Clock clock) {
        this.listeners = listeners;
        this.registry = registry;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public LocalInstance launch(String id, String service, String region, String zone, int maxThreads, int maxConnections) {
        return launch(id, service, region, zone, () -> listeners.open(id, maxThreads, maxConnections));
    }

    @Override
    public LocalInstance launch(String id, String service, String region, String zone, Supplier<Listener> opener) {
        Hosted hosted = new Hosted(id, service, region, zone, opener);
        if (instances.putIfAbsent(id, hosted) != null) {
            throw new IllegalArgumentException("an instance " + id + " is already hosted here");
        }
        hosted.start();
        return hosted;
    }

    @Override
    public List<LocalInstance> all() {
        List<LocalInstance> all = new ArrayList<>(instances.values());
        all.sort(java.util.Comparator.comparing(LocalInstance::id));
        return all;
    }

    @Override
    public Optional<LocalInstance> find(String id) {
        return Optional.ofNullable(instances.get(id));
    }

    @Override
    public Optional<LocalInstance> byPort(int port) {
        return Optional.ofNullable(byPort.get(port));
    }

    /** One heartbeat for every running instance. */
    void renewAll() {
        for (Hosted hosted : instances.values()) {
            hosted.heartbeat();
        }
    }

    /** Closes every listener, at shutdown. */
    void terminateAll() {
        instances.values().forEach(h -> h.stop("shutdown", false));
    }

    private final class Hosted implements LocalInstance {
        private final String id;
        private final String service;
        private final String region;
        private final String zone;
        private final Supplier<Listener> opener;
        private volatile @Nullable Listener listener;
        private volatile Faults faults = Faults.NONE;

        Hosted(String id, String service, String region, String zone, Supplier<Listener> opener) {
            this.id = id;
            this.service = service;
            this.region = region;
            this.zone = zone;
            this.opener = opener;
        }

        @Override public String id() { return id; }
        @Override public String service() { return service; }
        @Override public String region() { return region; }
        @Override public String zone() { return zone; }
        @Override public Faults faults() { return faults; }

        @Override
        public void injectFaults(Faults faults) {
            this.faults = faults;
        }

        @Override
        public boolean isRunning() {
            Listener l = listener;
            return l != null && l.isOpen();
        }

        @Override
        public Optional<Integer> port() {
            Listener l = listener;
            return l != null && l.isOpen() ? Optional.of(l.port()) : Optional.empty();
        }

        @Override
        public Optional<URI> url() {
            Listener l = listener;
            return l != null && l.isOpen() ? Optional.of(l.url()) : Optional.empty();
        }

        @Override
        public synchronized void start() {
            if (isRunning()) {
                return;
            }
            Listener opened = opener.get();
            listener = opened;
            byPort.put(opened.port(), this);
            registry.register(id, service, region, zone, opened.url(), true);
            registry.reportStatus(id, InstanceStatus.UP);
            events.publishEvent(new InstanceStarted(id, service, region, zone, opened.url(), clock.instant()));
        }

        @Override
        public void terminate(String by) {
            stop(by, true);
        }

        /** Closes the listener; the lease is left to expire, as when a machine dies. */
        synchronized void stop(String by, boolean announce) {
            Listener l = listener;
            if (l == null) {
                return;
            }
            listener = null;
            byPort.remove(l.port(), this);
            l.close();
            if (announce) {
                events.publishEvent(new InstanceTerminated(id, service, region, zone, by, clock.instant()));
            }
        }

        void heartbeat() {
            Listener l = listener;
            if (l == null || !l.isOpen()) {
                return;
            }
            if (!registry.renew(id)) {
                registry.register(id, service, region, zone, l.url(), true);
                registry.reportStatus(id, InstanceStatus.UP);
            }
        }
    }
}
