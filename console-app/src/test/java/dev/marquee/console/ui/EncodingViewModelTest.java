package dev.marquee.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.console.api.OpsWire;
import org.junit.jupiter.api.Test;

/**
 * The jobs JSON is written in the shape of main's {@code EncodingJob} (the encoding API is not on this branch's
 * backend yet), not recorded from a running backend like the other fixtures.
 */
class EncodingViewModelTest {
    private static final Ticker MANUAL = (period, task) -> () -> {};
    private static final String JOBS = OpsWire.ENCODING_JOBS + "?limit=" + EncodingViewModel.JOBS_SHOWN;
    private final FakeOps ops = new FakeOps();
    private final EncodingViewModel model = new EncodingViewModel(ops, Runnable::run, Runnable::run, MANUAL);

    @Test
    void aBackendWithoutTheEncodingApiIsSaidToLackIt() {
        model.refresh();

        assertThat(model.availableProperty().get()).isFalse();
        assertThat(model.problemProperty().get()).isEmpty();
    }

    @Test
    void showsJobsWithProgressAndTheSelectedJobsLadder() {
        ops.answers.put(JOBS, Recorded.json("encoding-jobs.json"));

        model.refresh();

        assertThat(model.availableProperty().get()).isTrue();
        assertThat(model.jobs()).hasSize(2);
        assertThat(EncodingViewModel.progress(model.jobs().getFirst())).isEqualTo("42 % · ETA 73 s");
        assertThat(model.selectedProperty().get()).isEqualTo(model.jobs().getFirst());
        model.selectedProperty().set(model.jobs().get(1));
        assertThat(model.ladder()).extracting(OpsWire.Rung::outcome).containsExactly("PASSED", "DROPPED");
    }

    @Test
    void cancelsAJobThroughTheOpsApi() {
        ops.answers.put(JOBS, Recorded.json("encoding-jobs.json"));
        model.refresh();

        model.cancel(model.jobs().getFirst());

        assertThat(ops.sent).containsExactly("DELETE " + OpsWire.ENCODING_JOBS + "/" + model.jobs().getFirst().id());
    }
}
