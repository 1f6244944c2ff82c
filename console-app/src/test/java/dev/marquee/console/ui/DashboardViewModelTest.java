package dev.marquee.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.console.ui.DashboardViewModel.Connection;
import java.time.Duration;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class DashboardViewModelTest {
    private static final Executor SAME_THREAD = Runnable::run;
    private final FakeOps ops = new FakeOps();
    private final ManualTicker ticker = new ManualTicker();
    private boolean signedOut;
    private final DashboardViewModel model =
            new DashboardViewModel(ops.whoAmI(), ops, SAME_THREAD, SAME_THREAD, ticker, () -> signedOut = true);

    @Test
    void startsUnknownThenFollowsEveryHealthCheck() {
        assertThat(model.connectionProperty().get()).isEqualTo(Connection.CHECKING);
        model.startMonitoring();
        assertThat(ticker.period).isEqualTo(DashboardViewModel.HEALTH_POLL_PERIOD);

        ticker.tick();
        assertThat(model.connectionProperty().get()).isEqualTo(Connection.CONNECTED);

        ops.healthy = false;
        ticker.tick();
        assertThat(model.connectionProperty().get()).isEqualTo(Connection.DISCONNECTED);
        assertThat(model.disconnectedMessage()).startsWith("Disconnected: http://127.0.0.1:8080");

        ops.healthy = true;
        ticker.tick();
        assertThat(model.connectionProperty().get()).isEqualTo(Connection.CONNECTED);
    }

    @Test
    void signingOutStopsThePollAndForgetsTheSession() {
        model.startMonitoring();

        model.signOut();

        assertThat(ticker.cancelled).isTrue();
        assertThat(ops.signOuts).isEqualTo(1);
        assertThat(signedOut).isTrue();
    }

    @Test
    void opensOnTheWorldViewAndShowsWhoAndWhere() {
        assertThat(model.sectionProperty().get()).isEqualTo(Section.REGIONS);
        assertThat(model.email()).isEqualTo(FakeOps.SRE);
        assertThat(model.backendUrl()).isEqualTo("http://127.0.0.1:8080");
    }

    @Test
    void startingTwiceKeepsOnePoll() {
        model.startMonitoring();
        model.startMonitoring();

        assertThat(ticker.starts).isEqualTo(1);
    }

    /** A ticker that runs its task only when the test says so. */
    private static final class ManualTicker implements Ticker {
        @Nullable Runnable task;
        @Nullable Duration period;
        int starts;
        boolean cancelled;

        @Override
        public AutoCloseable every(Duration every, Runnable work) {
            starts++;
            period = every;
            task = work;
            return () -> cancelled = true;
        }

        void tick() {
            if (task != null && !cancelled) {
                task.run();
            }
        }
    }
}
