package dev.marquee.backend;

import dev.marquee.backend.identity.internal.TestAccounts;
import dev.marquee.model.identity.Role;
import dev.marquee.model.topology.ControlPaths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Base of the control plane's integration tests: the whole backend, with the registry's, director's and breakers'
 * timings shortened so that eviction, failover and recovery happen within seconds (the real values are minutes
 * apart only in scale). All subclasses share this one context.
 */
@TestPropertySource(properties = {
        "marquee.test.context-name=control-plane",
        "marquee.topology.heartbeat-interval=300ms",
        "marquee.topology.lease-duration=1500ms",
        "marquee.topology.eviction-interval=200ms",
        "marquee.topology.health-check-interval=300ms",
        "marquee.topology.health-check-timeout=500ms",
        "marquee.resilience.wait-in-open=1s",
        "marquee.resilience.window=5s",
        "marquee.gateway.account-per-second=100",
        "marquee.gateway.account-per-minute=6000",
        "marquee.gateway.address-per-second=100000",
        "marquee.gateway.address-per-minute=1000000"})
public abstract class ControlPlaneIntegrationSupport extends BackendIntegrationSupport {
    /** Long enough for a loaded 2-core machine, short against the production timings being exercised. */
    protected static final Duration WITHIN = Duration.ofSeconds(15);

    @Autowired
    protected ApplicationContext context;

    private final List<ApplicationListener<?>> listeners = new ArrayList<>();

    /**
     * Records the events of one type published from any thread (Spring's {@code ApplicationEvents} sees only the
     * test's own thread, and these are published by request and scheduler threads).
     */
    protected <T> List<T> record(Class<T> type) {
        List<T> seen = new CopyOnWriteArrayList<>();
        ApplicationListener<PayloadApplicationEvent<T>> listener = event -> {
            if (type.isInstance(event.getPayload())) {
                seen.add(type.cast(event.getPayload()));
            }
        };
        ((ConfigurableApplicationContext) context).addApplicationListener(listener);
        listeners.add(listener);
        return seen;
    }

    @AfterEach
    void stopRecording() {
        listeners.forEach(((ConfigurableApplicationContext) context)::removeApplicationListener);
        listeners.clear();
    }

    protected TestHttp http(String baseUrl) {
        return new TestHttp(baseUrl);
    }

    protected String tokenFor(Role role) {
        TestAccounts.Credentials account = TestAccounts.create(context, role);
        return http().signIn(account.email(), account.password()).path("accessToken").asString();
    }

    /** The base URL of a region's gateway, from the ops API. */
    protected String gatewayUrl(String sreToken, String region) {
        for (JsonNode r : http().get(ControlPaths.REGIONS, sreToken).json()) {
            if (r.path("region").asString().equals(region)) {
                return r.path("gatewayUrl").asString();
            }
        }
        throw new AssertionError("no region " + region);
    }
}
