package dev.marquee.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.console.api.OpsWire;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EdgeViewModelTest {
    private static final Ticker MANUAL = (period, task) -> () -> {};
    private final FakeOps ops = new FakeOps();
    private final EdgeViewModel model = new EdgeViewModel(ops, Runnable::run, Runnable::run, MANUAL);

    @BeforeEach
    void recordedBackend() {
        ops.answers.put(OpsWire.EDGE_NODES, Recorded.json("edge-nodes.json"));
        ops.answers.put(OpsWire.EDGE_FILLS, Recorded.json("edge-fills.json"));
    }

    @Test
    void listsTheOriginThenTierOneThenTierTwoWithTheirFills() {
        model.refresh();

        assertThat(model.nodes().getFirst().node().tier()).isEqualTo("ORIGIN");
        assertThat(model.nodes()).extracting(r -> r.node().tier()).containsSubsequence("ORIGIN", "IXP", "ISP");
        assertThat(model.nodes()).filteredOn(r -> r.node().tier().equals("ISP")).allSatisfy(r ->
                assertThat(r.fill()).isNotNull());
        assertThat(model.nodes()).filteredOn(r -> r.node().tier().equals("IXP")).allSatisfy(r ->
                assertThat(r.fill()).isNull());
    }

    @Test
    void setsAdminStateAndFillsThroughTheOpsApi() {
        model.setState("isp-use1-comcast", "DRAINING");
        model.fillNode("isp-use1-comcast");
        model.fillRegion("us-east-1");

        assertThat(ops.sent).containsExactly(
                "PUT /api/ops/edge/nodes/isp-use1-comcast/state {\"state\":\"DRAINING\"}",
                "POST /api/ops/edge/fills/nodes/isp-use1-comcast",
                "POST /api/ops/edge/fills/regions/us-east-1");
        assertThat(model.noticeProperty().get()).isEqualTo("Filling the tier-2 nodes of us-east-1 now");
    }

    @Test
    void describesProgressPlansAndSizes() {
        var fill = new OpsWire.NodeFill("n", "r", new OpsWire.PlanSummary(3, 40, 300L << 20, 512L << 20),
                new OpsWire.FillProgress("n", 10, 40, 75L << 20, 300L << 20, 1, java.time.Duration.ofSeconds(42), false));

        assertThat(EdgeViewModel.plan(fill)).isEqualTo("3 titles · 300.0 MB / 512.0 MB");
        assertThat(EdgeViewModel.progress(fill)).isEqualTo("10/40 files · 75.0 MB/300.0 MB · ETA 42 s · 1 failed");
        assertThat(EdgeViewModel.bytes(512)).isEqualTo("512 B");
    }
}
