package dev.marquee.console.ui;

import dev.marquee.console.api.OpsApi;
import dev.marquee.console.api.OpsWire.LocalInstance;
import dev.marquee.model.metrics.KpiSnapshot;
import dev.marquee.model.metrics.MetricsPaths;
import dev.marquee.model.topology.ControlPaths;
import dev.marquee.model.topology.InstanceView;
import dev.marquee.model.topology.OpsReason;
import dev.marquee.model.topology.RegionView;
import dev.marquee.model.topology.RegistryView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/**
 * The world's state, polled: regions (health, evacuation), the registry's instances joined with the local
 * instances' listeners and faults, and each region's traffic share. The share is the region's API requests in the
 * last closed {@link #SHARE_WINDOW} (the gateway tags each request with its region) over all regions' requests.
 */
public final class WorldViewModel implements SectionModel {
    /** Regions and instances change by SRE action or failure; a few seconds is prompt enough. */
    public static final Duration POLL_PERIOD = Duration.ofSeconds(3);
    /** The metrics' smallest closed window: the share follows an evacuation within one or two windows. */
    public static final String SHARE_WINDOW = "10s";

    /** One region's line on the map. */
    public record RegionRow(RegionView region, @Nullable Double trafficShare, long apiRequests, int instancesUp,
                            int instances, @Nullable Double apiLatencyP99Ms) {}

    /** One instance: its registry entry and, when it runs in this process, its listener and faults. */
    public record InstanceRow(InstanceView registry, @Nullable LocalInstance local) {}

    private final ObservableList<RegionRow> regions = FXCollections.observableArrayList();
    private final ObservableList<InstanceRow> instances = FXCollections.observableArrayList();
    private final ObjectProperty<@Nullable String> selectedRegion = new SimpleObjectProperty<>(this, "selectedRegion");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final OpsApi ops;
    private final Ticker ticker;
    private final Background work;
    private List<InstanceRow> allInstances = List.of();

    public WorldViewModel(OpsApi ops, Executor background, Executor fx, Ticker ticker) {
        this.ops = ops;
        this.ticker = ticker;
        this.work = new Background(background, fx);
        selectedRegion.addListener((obs, was, now) -> showInstances());
    }

    @Override
    public void start() {
        if (!work.holding()) {
            work.hold(ticker.every(POLL_PERIOD, this::refresh));
        }
    }

    /** One poll; the answer lands on the FX executor. */
    public void refresh() {
        work.call(this::fetch, this::show, problem::set);
    }

    private World fetch() {
        List<RegionView> regionViews = ops.getList(ControlPaths.REGIONS, RegionView.class);
        RegistryView registry = ops.get(ControlPaths.REGISTRY, RegistryView.class);
        Map<String, LocalInstance> local = ops.getList(ControlPaths.INSTANCES, LocalInstance.class).stream()
                .collect(Collectors.toMap(LocalInstance::id, Function.identity(), (a, b) -> a));
        Map<String, KpiSnapshot> kpis = new LinkedHashMap<>();
        for (RegionView r : regionViews) {
            kpis.put(r.region(), ops.get(MetricsPaths.KPIS + "?window=" + SHARE_WINDOW + "&region=" + r.region(),
                    KpiSnapshot.class));
        }
        return new World(regionViews, registry.instances().stream()
                .map(i -> new InstanceRow(i, local.get(i.id()))).toList(), kpis);
    }

    private record World(List<RegionView> regions, List<InstanceRow> instances, Map<String, KpiSnapshot> kpis) {}

    private void show(World world) {
        problem.set("");
        regions.setAll(rows(world));
        allInstances = world.instances();
        if (selectedRegion.get() == null && !world.regions().isEmpty()) {
            selectedRegion.set(world.regions().getFirst().region());
        }
        showInstances();
    }

    /** The regions with their shares; a share is null while no region saw any request (no data, not zero). */
    static List<RegionRow> rows(World world) {
        long total = world.kpis().values().stream().mapToLong(KpiSnapshot::apiRequests).sum();
        List<RegionRow> rows = new ArrayList<>();
        for (RegionView r : world.regions()) {
            KpiSnapshot k = world.kpis().get(r.region());
            long requests = k == null ? 0 : k.apiRequests();
            List<InstanceRow> mine = world.instances().stream().filter(i -> i.registry().region().equals(r.region()))
                    .toList();
            int up = (int) mine.stream().filter(i -> i.registry().status().equals("UP")).count();
            rows.add(new RegionRow(r, total == 0 ? null : (double) requests / total, requests, up, mine.size(),
                    k == null ? null : k.apiLatencyP99Ms()));
        }
        return rows;
    }

    private void showInstances() {
        String region = selectedRegion.get();
        instances.setAll(allInstances.stream().filter(i -> i.registry().region().equals(region)).toList());
    }

    public void evacuate(String region, String reason) {
        act(ControlPaths.REGION_EVACUATE.replace("{region}", region), reason, "Evacuating " + region);
    }

    public void restore(String region, String reason) {
        act(ControlPaths.REGION_RESTORE.replace("{region}", region), reason, "Restoring " + region);
    }

    public void takeOutOfService(String instanceId, String reason) {
        act(ControlPaths.REGISTRY_OUT_OF_SERVICE.replace("{instanceId}", instanceId), reason,
                instanceId + " taken out of service");
    }

    public void putBackInService(String instanceId) {
        work.call(() -> {
            ops.send("DELETE", ControlPaths.REGISTRY_OUT_OF_SERVICE.replace("{instanceId}", instanceId), null);
            return instanceId + " back in service";
        }, this::done, problem::set);
    }

    private void act(String path, String reason, String said) {
        if (reason.isBlank()) {
            problem.set("Say why: the reason is recorded with your name.");
            return;
        }
        work.call(() -> {
            ops.send("POST", path, new OpsReason(reason.strip()));
            return said;
        }, this::done, problem::set);
    }

    private void done(String said) {
        notice.set(said);
        problem.set("");
        refresh();
    }

    public ObservableList<RegionRow> regions() {
        return regions;
    }

    public ObservableList<InstanceRow> instances() {
        return instances;
    }

    public ObjectProperty<@Nullable String> selectedRegionProperty() {
        return selectedRegion;
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    @Override
    public void close() {
        work.closeAll();
    }
}
