package dev.marquee.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.model.metrics.MetricsPaths;
import dev.marquee.model.topology.ControlPaths;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WorldViewModelTest {
    private static final Ticker MANUAL = (period, task) -> () -> {};
    private final FakeOps ops = new FakeOps();
    private final WorldViewModel model = new WorldViewModel(ops, Runnable::run, Runnable::run, MANUAL);

    @BeforeEach
    void recordedBackend() {
        ops.answers.put(ControlPaths.REGIONS, Recorded.json("regions.json"));
        ops.answers.put(ControlPaths.REGISTRY, Recorded.json("registry.json"));
        ops.answers.put(ControlPaths.INSTANCES, Recorded.json("instances.json"));
        for (String region : new String[] {"us-east-1", "us-west-2", "eu-west-1"}) {
            ops.answers.put(kpis(region), Recorded.json("kpis-" + region + ".json"));
        }
    }

    @Test
    void sharesAreEachRegionsRequestsOverAllRegions() {
        model.refresh();

        assertThat(model.regions()).hasSize(3);
        double sum = model.regions().stream().mapToDouble(r -> r.trafficShare()).sum();
        assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        WorldViewModel.RegionRow east = row("us-east-1");
        long total = model.regions().stream().mapToLong(WorldViewModel.RegionRow::apiRequests).sum();
        assertThat(east.trafficShare()).isEqualTo((double) east.apiRequests() / total);
    }

    @Test
    void anEvacuatedRegionWithNoRequestsHasAZeroShare() {
        ops.answers.put(kpis("eu-west-1"), Recorded.json("kpis-eu-west-1.json")
                .replaceFirst("\"apiRequests\":\\d+", "\"apiRequests\":0"));

        model.refresh();

        assertThat(row("eu-west-1").trafficShare()).isZero();
        assertThat(row("us-east-1").trafficShare()).isPositive();
    }

    @Test
    void countsTheRegistrysInstancesPerRegionAndJoinsTheLocalListeners() {
        model.refresh();

        WorldViewModel.RegionRow east = row("us-east-1");
        assertThat(east.instances()).isPositive();
        assertThat(east.instancesUp()).isEqualTo(east.instances());
        assertThat(model.selectedRegionProperty().get()).isEqualTo("us-east-1");
        assertThat(model.instances()).allSatisfy(i -> {
            assertThat(i.registry().region()).isEqualTo("us-east-1");
            assertThat(i.local()).isNotNull();
        });
    }

    @Test
    void evacuatesWithTheReasonAndRefusesWithoutOne() {
        model.evacuate("us-east-1", "  game day  ");
        model.evacuate("us-west-2", " ");

        assertThat(ops.sent).containsExactly("POST /api/ops/regions/us-east-1/evacuate {\"reason\":\"game day\"}");
        assertThat(model.problemProperty().get()).contains("Say why");
    }

    @Test
    void takesAnInstanceOutOfServiceAndBack() {
        model.takeOutOfService("catalog-us-east-1a-1", "bad disk");
        model.putBackInService("catalog-us-east-1a-1");

        assertThat(ops.sent).containsExactly(
                "POST /api/ops/registry/instances/catalog-us-east-1a-1/out-of-service {\"reason\":\"bad disk\"}",
                "DELETE /api/ops/registry/instances/catalog-us-east-1a-1/out-of-service");
    }

    @Test
    void saysWhyWhenTheBackendRefuses() {
        ops.answers.remove(ControlPaths.REGISTRY);

        model.refresh();

        assertThat(model.problemProperty().get()).contains("no /api/ops/registry");
    }

    private WorldViewModel.RegionRow row(String region) {
        return model.regions().stream().filter(r -> r.region().region().equals(region)).findFirst().orElseThrow();
    }

    private static String kpis(String region) {
        return MetricsPaths.KPIS + "?window=" + WorldViewModel.SHARE_WINDOW + "&region=" + region;
    }
}
