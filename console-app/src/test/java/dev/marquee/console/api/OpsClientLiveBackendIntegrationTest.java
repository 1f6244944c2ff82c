package dev.marquee.console.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marquee.backend.testing.BackendProcess;
import dev.marquee.model.identity.Role;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The console's client against the real backend (a child JVM), so that the fakes the other tests use cannot drift
 * from what the backend really answers.
 */
class OpsClientLiveBackendIntegrationTest {
    private final BackendProcess backend = BackendProcess.shared();

    @Test
    void admitsTheSreAndProvesTheRoleOnTheRealOpsEndpoint() {
        OpsClient client = new OpsClient(backend.baseUrl() + "/", Instant::now);
        BackendProcess.Credentials sre = backend.sreCredentials();

        assertThat(client.signIn(sre.email(), sre.password()).roles()).contains(Role.SRE);
        assertThat(client.whoAmI().roles()).contains(Role.SRE);
    }

    @Test
    void refusesTheDemoViewerWithTheRoleMessage() {
        OpsClient client = new OpsClient(backend.baseUrl() + "/", Instant::now);
        BackendProcess.Credentials viewer = backend.viewerCredentials();

        assertThatThrownBy(() -> client.signIn(viewer.email(), viewer.password()))
                .isInstanceOf(OpsException.class)
                .hasMessage("This account is not an SRE account; the ops console needs the SRE role");
    }
}
