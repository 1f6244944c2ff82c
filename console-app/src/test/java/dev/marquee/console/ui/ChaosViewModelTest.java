package dev.marquee.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.console.api.OpsWire;
import dev.marquee.model.Problem;
import dev.marquee.model.chaos.ChaosPaths;
import dev.marquee.model.chaos.ExperimentType;
import dev.marquee.model.chaos.ScheduleView;
import dev.marquee.model.chaos.SteadyStateThresholds;
import dev.marquee.model.topology.ControlPaths;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChaosViewModelTest {
    private static final Ticker MANUAL = (period, task) -> () -> {};
    private static final String PREVIEW = "POST " + ChaosPaths.PREVIEW;
    private static final String START = "POST " + ChaosPaths.RUNS;
    private static final String PASSED_RUN = "ec23abc4-3bad-4dd9-b2c4-851a00b6794d";
    private static final String RUNNING_RUN = "e6860100-f557-4a7c-9e02-90801c9545b2";
    private final FakeOps ops = new FakeOps();
    private final ChaosViewModel model = new ChaosViewModel(ops, Runnable::run, Runnable::run, MANUAL);
    private final ChaosRunForm form = model.form();

    @BeforeEach
    void recordedBackend() {
        ops.answers.put(ChaosPaths.EXPERIMENTS, Recorded.json("chaos-experiments.json"));
        ops.answers.put(ControlPaths.REGIONS, Recorded.json("regions.json"));
        ops.answers.put(ControlPaths.INSTANCES, Recorded.json("instances.json"));
        ops.answers.put(OpsWire.EDGE_NODES, Recorded.json("edge-nodes.json"));
        ops.answers.put(PREVIEW, Recorded.json("chaos-preview.json"));
        model.loadCatalog();
    }

    @Test
    void theCatalogComesFromTheBackendAndTheFormShowsOnlyTheFieldsTheExperimentReads() {
        assertThat(model.catalog()).extracting(d -> d.type()).containsExactly(ExperimentType.values());
        assertThat(model.catalog()).allSatisfy(d -> assertThat(d.description()).isNotBlank());
        assertThat(form.experimentProperty().get().type()).isEqualTo(ExperimentType.CHAOS_MONKEY);
        assertThat(form.reads("count")).isTrue();
        assertThat(form.reads("latencyMs")).isFalse();

        choose(ExperimentType.LATENCY_MONKEY);

        assertThat(form.fields()).contains("latencyMs", "errorRate", "scope.service", "scope.instanceId",
                "scope.edgeNodeId", "scope.region", "thresholds", "durationSeconds").doesNotContain("count", "scope.zone");
    }

    @Test
    void scopeChoicesComeFromTheLiveTopologyAndLeaveGatewaysOut() {
        model.refreshTopology();

        assertThat(model.regions()).containsExactlyInAnyOrder("us-east-1", "us-west-2", "eu-west-1");
        assertThat(model.services()).containsExactly("catalog", "identity", "playback", "search");
        assertThat(model.instances()).hasSize(36).noneMatch(id -> id.startsWith("gateway"));
        assertThat(model.zones()).hasSize(9);
        assertThat(model.edgeNodes()).contains("isp-use1-comcast", "ixp-euw1-dub");
    }

    @Test
    void startIsRefusedUntilTheBlastRadiusIsPreviewedAndAnyChangeWithdrawsThePreview() {
        latencyMonkeyOnEastCatalog();

        form.start();
        assertThat(form.problemProperty().get()).startsWith("Preview the blast radius first");

        form.preview();
        assertThat(form.previewProperty().get()).isNotNull();
        assertThat(form.previewProperty().get().instances()).hasSize(3);
        assertThat(ops.sent).containsExactly(PREVIEW + " {\"type\":\"LATENCY_MONKEY\",\"scope\":{\"region\":\"us-east-1\","
                + "\"zone\":null,\"service\":\"catalog\",\"instanceId\":null,\"edgeNodeId\":null},\"durationSeconds\":30,"
                + "\"count\":null,\"latencyMs\":null,\"errorRate\":1.0,\"thresholds\":null,\"allowAllRegions\":null,"
                + "\"reason\":\"breaker drill\",\"allowViolatedSteadyState\":null}");

        form.durationSecondsProperty().set("40");
        assertThat(form.previewProperty().get()).isNull();
        form.start();
        assertThat(ops.sent).noneMatch(s -> s.startsWith(START));
    }

    @Test
    void startsExactlyThePreviewedRequestAndFollowsTheNewRun() {
        ops.answers.put(START, Recorded.json("chaos-run-passed.json"));
        ops.answers.put(ChaosPaths.RUN.replace("{runId}", PASSED_RUN), Recorded.json("chaos-run-passed.json"));
        latencyMonkeyOnEastCatalog();
        form.preview();

        form.start();

        String previewed = ops.sent.getFirst().substring(PREVIEW.length());
        assertThat(ops.sent).contains(START + previewed);
        assertThat(model.selectedRunIdProperty().get()).isEqualTo(PASSED_RUN);
        assertThat(model.lastStartedProperty().get().id()).isEqualTo(PASSED_RUN);
        assertThat(model.noticeProperty().get()).startsWith("Started Latency Monkey on search-eu-west-1a-1");
        assertThat(form.previewProperty().get()).as("a second start needs a fresh preview").isNull();
    }

    @Test
    void aRefusalIsShownAsTheBackendWordsItAndNothingStarts() {
        ops.refusals.put(PREVIEW, new Problem("urn:marquee:problem:chaos-bad-request", "Chaos request refused", 400,
                "durationSeconds must be within 10..7200, was 3", ChaosPaths.PREVIEW));
        latencyMonkeyOnEastCatalog();
        form.durationSecondsProperty().set("3");

        form.preview();

        assertThat(form.problemProperty().get()).isEqualTo("durationSeconds must be within 10..7200, was 3");
        assertThat(form.previewProperty().get()).isNull();
        assertThat(form.busyProperty().get()).isFalse();
    }

    @Test
    void aTypingMistakeIsSaidBeforeAnythingIsSent() {
        latencyMonkeyOnEastCatalog();
        form.latencyMsProperty().set("fast");

        form.preview();

        assertThat(form.problemProperty().get()).isEqualTo("latency (ms) must be a whole number, was \"fast\"");
        assertThat(ops.sent).isEmpty();
    }

    @Test
    void blankLimitsAreLeftToTheEngineAndTypedOnesAreSent() {
        latencyMonkeyOnEastCatalog();
        assertThat(form.request().orElseThrow().thresholds()).isNull();

        form.maxErrorRateProperty().set("1");
        form.maxP99LatencyMsProperty().set(" 5000 ");

        assertThat(form.request().orElseThrow().thresholds())
                .isEqualTo(new SteadyStateThresholds(null, 1.0, 5000.0, null));
    }

    @Test
    void theEnginesDefaultLimitsAreThePlaceholdersOnceLoaded() {
        assertThat(ChaosRunForm.placeholder(form.limitsProperty().get(), "maxErrorRate")).isEqualTo("engine default");
        ops.answers.put(ChaosPaths.SETTINGS, Recorded.json("chaos-settings.json"));

        model.loadLimits();

        assertThat(ChaosRunForm.placeholder(form.limitsProperty().get(), "maxErrorRate")).isEqualTo("default 0.05");
        assertThat(ChaosRunForm.placeholder(form.limitsProperty().get(), "maxP99LatencyMs")).isEqualTo("default 2000");
        assertThat(ChaosRunForm.placeholder(form.limitsProperty().get(), "maxSpsDropPercent")).isEqualTo("default 50");
        assertThat(ChaosRunForm.placeholder(form.limitsProperty().get(), "maxRebufferRatio")).isEqualTo("default 0.05");
        assertThat(ChaosRunForm.durationPlaceholder(form.limitsProperty().get())).isEqualTo("10 to 7200");
    }

    @Test
    void numbersOutsideTheEnginesBoundsAreSaidBeforeAnythingIsSent() {
        ops.answers.put(ChaosPaths.SETTINGS, Recorded.json("chaos-settings.json"));
        model.loadLimits();
        latencyMonkeyOnEastCatalog();

        form.durationSecondsProperty().set("3");
        form.preview();
        assertThat(form.problemProperty().get()).isEqualTo("duration (s) must be within 10 to 7200, was 3");

        form.durationSecondsProperty().set("7200");
        form.latencyMsProperty().set("30001");
        form.preview();
        assertThat(form.problemProperty().get()).isEqualTo("latency (ms) must be within 0 to 30000, was 30001");

        form.latencyMsProperty().set("30000");
        form.maxErrorRateProperty().set("1.5");
        form.preview();
        assertThat(form.problemProperty().get()).isEqualTo("error rate limit must be within 0 to 1, was 1.5");
        assertThat(ops.sent).isEmpty();

        form.maxErrorRateProperty().set("1");
        form.preview();
        assertThat(ops.sent).singleElement().asString().startsWith(PREVIEW);
    }

    @Test
    void aPreviewOnABrokenSteadyStateWarnsAndOnlyTheTickedOverrideIsSent() {
        ops.answers.put(PREVIEW, Recorded.json("chaos-preview-violated.json"));
        ops.answers.put(START, Recorded.json("chaos-run-passed.json"));
        ops.answers.put(ChaosPaths.RUN.replace("{runId}", PASSED_RUN), Recorded.json("chaos-run-passed.json"));
        latencyMonkeyOnEastCatalog();

        form.preview();

        assertThat(form.previewProperty().get().steadyStateViolated()).isTrue();
        assertThat(ChaosText.steadyStateWarning(form.previewProperty().get())).startsWith("The steady state already fails: error rate");
        assertThat(ChaosText.steadyStateNow(form.previewProperty().get())).anySatisfy(l -> assertThat(l).startsWith("KPIs now: SPS"));
        form.allowViolatedSteadyStateProperty().set(true);
        assertThat(form.previewProperty().get()).as("the override answers the preview; it does not withdraw it").isNotNull();

        form.start();

        assertThat(ops.sent).last().asString().startsWith(START).endsWith("\"allowViolatedSteadyState\":true}");
        assertThat(ops.sent.getFirst()).endsWith("\"allowViolatedSteadyState\":null}");
    }

    @Test
    void fieldsTheExperimentDoesNotReadAreNotSent() {
        form.regionProperty().set("us-west-2");
        form.latencyMsProperty().set("400");
        form.zoneProperty().set("us-west-2b");
        choose(ExperimentType.CHAOS_KONG);

        var request = form.request().orElseThrow();

        assertThat(request.scope().region()).isEqualTo("us-west-2");
        assertThat(request.scope().zone()).isNull();
        assertThat(request.latencyMs()).isNull();
        assertThat(request.count()).isNull();
    }

    @Test
    void pollsRunsTheKillSwitchSchedulesAndFollowsTheNewestRunsLiveReport() {
        ops.answers.put(ChaosPaths.RUNS, Recorded.json("chaos-runs.json"));
        ops.answers.put(ChaosPaths.KILL_SWITCH, "{\"engaged\":false,\"by\":null,\"reason\":null,\"since\":null}");
        ops.answers.put(ChaosPaths.SCHEDULES, Recorded.json("chaos-schedules.json"));
        ops.answers.put(ChaosPaths.RUN.replace("{runId}", RUNNING_RUN), Recorded.json("chaos-run-running.json"));
        ops.answers.put(ChaosPaths.RUN.replace("{runId}", PASSED_RUN), Recorded.json("chaos-run-passed.json"));

        model.refresh();

        assertThat(model.runs()).extracting(r -> r.status().name()).containsExactly("RUNNING", "PASSED");
        assertThat(model.selectedRunIdProperty().get()).isEqualTo(RUNNING_RUN);
        assertThat(model.reportProperty().get().actions()).extracting(a -> a.kind()).containsExactly("INSTANCE_TERMINATED");
        assertThat(model.abortable()).isTrue();
        assertThat(model.killSwitchProperty().get().engaged()).isFalse();
        assertThat(model.schedules()).extracting(ScheduleView::name).containsExactly("weekday-monkey");
        assertThat(model.availableProperty().get()).isTrue();

        ops.answers.put(ChaosPaths.RUN.replace("{runId}", RUNNING_RUN), Recorded.json("chaos-run-running.json")
                .replace("\"status\":\"RUNNING\"", "\"status\":\"PASSED\""));
        model.refresh();
        assertThat(model.abortable()).as("a verdict cannot be aborted").isFalse();
        assertThat(model.status(model.reportProperty().get())).isEqualTo("PASSED");

        model.selectedRunIdProperty().set(PASSED_RUN);
        var report = model.reportProperty().get();
        assertThat(report.actions()).extracting(a -> a.kind()).containsExactly("FAULTS_INJECTED", "FAULTS_CLEARED", "ENDED");
        assertThat(ChaosView.samples(report)).extracting(k -> k.phase()).startsWith("BEFORE", "DURING").endsWith("AFTER");
    }

    @Test
    void aRunningRunSaysHowLongItHasLeftByTheModelsClock() {
        var running = dev.marquee.console.api.OpsClient.json().readValue(Recorded.json("chaos-run-running.json"),
                dev.marquee.model.chaos.RunView.class);
        ChaosViewModel at = new ChaosViewModel(ops, Runnable::run, Runnable::run, MANUAL,
                () -> running.endsAt().minusSeconds(3));

        assertThat(at.status(running)).isEqualTo("RUNNING · 3 s left");
    }

    @Test
    void theKillSwitchNeedsAReasonAndIsPutWithIt() {
        ops.answers.put("PUT " + ChaosPaths.KILL_SWITCH,
                "{\"engaged\":true,\"by\":\"oncall@example.test\",\"reason\":\"game day over\",\"since\":\"2026-11-26T22:00:00Z\"}");

        model.engageKillSwitch("  ");
        assertThat(model.problemProperty().get()).startsWith("Say why");
        model.engageKillSwitch(" game day over ");

        assertThat(ops.sent).containsExactly("PUT " + ChaosPaths.KILL_SWITCH + " {\"engaged\":true,\"reason\":\"game day over\"}");
        assertThat(model.killSwitchProperty().get().engaged()).isTrue();
        assertThat(model.noticeProperty().get()).startsWith("Kill switch engaged");
    }

    @Test
    void enablingAScheduleSendsItBackWithOnlyEnabledChanged() {
        ops.answers.put(ChaosPaths.RUNS, "[]");
        ops.answers.put(ChaosPaths.KILL_SWITCH, "{\"engaged\":false}");
        ops.answers.put(ChaosPaths.SCHEDULES, Recorded.json("chaos-schedules.json"));
        String put = "PUT " + ChaosPaths.SCHEDULE.replace("{name}", "weekday-monkey");
        ops.answers.put(put, Recorded.json("chaos-schedules.json").replaceAll("^\\[|]$", "")
                .replace("\"enabled\":false", "\"enabled\":true"));
        model.refresh();

        model.setScheduleEnabled(model.schedules().getFirst(), true);

        String sent = ops.sent.stream().filter(s -> s.startsWith(put)).findFirst().orElseThrow();
        String original = Recorded.json("chaos-schedules.json");
        assertThat(sent).contains("\"enabled\":true", "\"days\":[", "\"timeZone\":\"America/Los_Angeles\"",
                "\"everyMinutes\":60", "\"type\":\"CHAOS_MONKEY\"");
        assertThat(original).contains("\"enabled\":false");
        assertThat(model.noticeProperty().get()).isEqualTo("Schedule weekday-monkey enabled");
    }

    @Test
    void abortsARunWithTheReason() {
        String abort = "POST " + ChaosPaths.RUN_ABORT.replace("{runId}", PASSED_RUN);
        ops.answers.put(abort, Recorded.json("chaos-run-passed.json"));
        ops.answers.put(ChaosPaths.RUNS, "[]");
        ops.answers.put(ChaosPaths.KILL_SWITCH, "{\"engaged\":false}");
        ops.answers.put(ChaosPaths.SCHEDULES, "[]");

        model.abort(PASSED_RUN, "customer impact");

        assertThat(ops.sent).contains(abort + " {\"reason\":\"customer impact\"}");
        assertThat(model.noticeProperty().get()).startsWith("Aborted run " + PASSED_RUN);
    }

    @Test
    void aBackendWithoutTheChaosApiIsSaidToBeSo() {
        model.refresh();

        assertThat(model.availableProperty().get()).isFalse();
        assertThat(model.problemProperty().get()).isEmpty();
    }

    private void latencyMonkeyOnEastCatalog() {
        choose(ExperimentType.LATENCY_MONKEY);
        form.regionProperty().set("us-east-1");
        form.serviceProperty().set("catalog");
        form.errorRateProperty().set("1.0");
        form.durationSecondsProperty().set("30");
        form.reasonProperty().set("breaker drill");
    }

    private void choose(ExperimentType type) {
        form.experimentProperty().set(model.catalog().stream().filter(d -> d.type() == type).findFirst().orElseThrow());
    }
}
