package dev.marquee.backend.topology.internal;

import dev.marquee.backend.topology.DiscoveryRegistry;
import dev.marquee.backend.topology.InstanceEvicted;
import dev.marquee.backend.topology.InstanceInfo;
import dev.marquee.backend.topology.InstanceRegistered;
import dev.marquee.backend.topology.InstanceStatus;
import dev.marquee.backend.topology.InstanceStatusChanged;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.context.ApplicationEventPublisher;

/**
 * The discovery registry kept in memory, with Eureka's rules: a lease per instance, renewed by heartbeat,
 * evicted by {@link #evictExpired()} once it has run out, unless self-preservation holds. An SRE's
 * OUT_OF_SERVICE overrides what the instance reports until it is put back. It does not persist anything: after
 * a restart instances register again with their next heartbeat.
 */
final class InMemoryRegistry implements DiscoveryRegistry {
    static final String BY_REGISTRY = "registry";

    private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration leaseDuration;
    private final boolean selfPreservationEnabled;
    private final double selfPreservationThreshold;
    private final ApplicationEventPublisher events;
    private volatile boolean selfPreservationActive;

    InMemoryRegistry(Clock clock, Duration leaseDuration, boolean selfPreservation, double threshold,
                     ApplicationEventPublisher events) {
        this.clock = clock;
        this.leaseDuration = leaseDuration;
        this.selfPreservationEnabled = selfPreservation;
        this.selfPreservationThreshold = threshold;
        this.events = events;
    }

    /** One lease; its fields change under the entry's lock. */
    private static final class Entry {
        InstanceInfo info;
        InstanceStatus reported;
        boolean outOfService;

        Entry(InstanceInfo info) {
            this.info = info;
            this.reported = info.status();
        }
    }

    @Override
    public InstanceInfo register(String id, String service, String region, String zone, URI url, boolean local) {
        Instant now = clock.instant();
        InstanceInfo info = new InstanceInfo(id, service, region, zone, url, InstanceStatus.STARTING, now, now,
                now.plus(leaseDuration), local);
        entries.put(id, new Entry(info));
        events.publishEvent(new InstanceRegistered(info));
        return info;
    }

    @Override
    public boolean renew(String id) {
        Entry entry = entries.get(id);
        if (entry == null) {
            return false;
        }
        synchronized (entry) {
            Instant now = clock.instant();
            entry.info = with(entry.info, entry.info.status(), now);
        }
        return true;
    }

    @Override
    public void reportStatus(String id, InstanceStatus status) {
        if (status == InstanceStatus.OUT_OF_SERVICE) {
            throw new IllegalArgumentException("OUT_OF_SERVICE is an SRE override: use takeOutOfService");
        }
        update(id, entry -> entry.reported = status, id, "reported by the instance");
    }

    /** SRE override: the instance keeps its lease but receives no traffic. */
    boolean takeOutOfService(String id, String by, String reason) {
        return update(id, entry -> entry.outOfService = true, by, reason);
    }

    /** Removes the SRE override; the instance's own reported status applies again. */
    boolean putBackInService(String id, String by, String reason) {
        return update(id, entry -> entry.outOfService = false, by, reason);
    }

    private boolean update(String id, java.util.function.Consumer<Entry> change, String by, String reason) {
        Entry entry = entries.get(id);
        if (entry == null) {
            return false;
        }
        InstanceStatus from;
        InstanceStatus to;
        synchronized (entry) {
            from = entry.info.status();
            change.accept(entry);
            to = entry.outOfService ? InstanceStatus.OUT_OF_SERVICE : entry.reported;
            entry.info = with(entry.info, to, entry.info.lastRenewedAt());
        }
        if (from != to) {
            InstanceInfo info = entry.info;
            events.publishEvent(new InstanceStatusChanged(id, info.service(), info.region(), from, to, by, reason, clock.instant()));
        }
        return true;
    }

    @Override
    public boolean cancel(String id, String reason) {
        Entry removed = entries.remove(id);
        if (removed == null) {
            return false;
        }
        InstanceInfo info = removed.info;
        events.publishEvent(new InstanceEvicted(id, info.service(), info.region(), info.zone(), reason, clock.instant()));
        return true;
    }

    @Override
    public Optional<InstanceInfo> find(String id) {
        return Optional.ofNullable(entries.get(id)).map(e -> e.info);
    }

    @Override
    public List<InstanceInfo> instances() {
        List<InstanceInfo> all = new ArrayList<>();
        entries.values().forEach(e -> all.add(e.info));
        all.sort(Comparator.comparing(InstanceInfo::service).thenComparing(InstanceInfo::region)
                .thenComparing(InstanceInfo::zone).thenComparing(InstanceInfo::id));
        return all;
    }

    @Override
    public List<InstanceInfo> upInstances(String service, String region) {
        List<InstanceInfo> up = new ArrayList<>();
        for (Entry entry : entries.values()) {
            InstanceInfo info = entry.info;
            if (info.isUp() && info.service().equals(service) && info.region().equals(region)) {
                up.add(info);
            }
        }
        up.sort(Comparator.comparing(InstanceInfo::id));
        return up;
    }

    /**
     * Evicts every instance whose lease has run out, unless so many have run out at once that the registry is more
     * likely cut off from the instances than the instances dead (self-preservation). Returns the evicted count.
     */
    int evictExpired() {
        Instant now = clock.instant();
        List<InstanceInfo> expired = new ArrayList<>();
        entries.values().forEach(e -> {
            if (e.info.leaseExpiresAt().isBefore(now)) {
                expired.add(e.info);
            }
        });
        int total = entries.size();
        boolean preserve = selfPreservationEnabled && total > 0 && !expired.isEmpty()
                && (double) (total - expired.size()) / total < selfPreservationThreshold;
        selfPreservationActive = preserve;
        if (preserve) {
            return 0;
        }
        for (InstanceInfo info : expired) {
            Entry entry = entries.get(info.id());
            if (entry != null && entry.info.leaseExpiresAt().isBefore(now) && entries.remove(info.id(), entry)) {
                events.publishEvent(new InstanceEvicted(info.id(), info.service(), info.region(), info.zone(),
                        "lease expired: no heartbeat since " + info.lastRenewedAt(), now));
            }
        }
        return expired.size();
    }

    boolean selfPreservationActive() {
        return selfPreservationActive;
    }

    /** Self-preservation in plain words, for the ops API. */
    String selfPreservationExplained() {
        String rule = "When fewer than " + Math.round(selfPreservationThreshold * 100) + " % of the registered instances "
                + "renew their leases, the registry assumes it is the one cut off from them (a network split) rather than "
                + "that they all died at once, and stops evicting until renewals recover. Traffic still avoids instances "
                + "that fail, through the callers' circuit breakers and retries.";
        if (!selfPreservationEnabled) {
            return "Self-preservation is off: every instance whose lease runs out is evicted.";
        }
        return (selfPreservationActive ? "Self-preservation is ACTIVE: expired leases are kept for now. " : "Self-preservation is armed, not active. ") + rule;
    }

    Duration leaseDuration() {
        return leaseDuration;
    }

    private InstanceInfo with(InstanceInfo info, InstanceStatus status, Instant renewedAt) {
        return new InstanceInfo(info.id(), info.service(), info.region(), info.zone(), info.url(), status,
                info.registeredAt(), renewedAt, renewedAt.plus(leaseDuration), info.local());
    }
}
