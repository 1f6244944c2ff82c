package dev.marquee.backend.topology.internal;

import dev.marquee.backend.platform.ProblemException;
import dev.marquee.backend.platform.ProblemWriter;
import dev.marquee.backend.topology.LocalInstance;
import dev.marquee.backend.topology.LocalInstances;
import dev.marquee.backend.topology.TopologySettings;
import dev.marquee.model.ApiPaths;
import dev.marquee.model.topology.ControlPaths;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes a listener behave as an instance of one service: a request that arrived through an instance's port is
 * refused (404) unless its path belongs to that service, and the instance's injected faults happen here, on the
 * wire: the latency delays the response, the error rate answers 500. Requests on the main port pass untouched.
 */
final class InstanceFilter extends OncePerRequestFilter {
    private final LocalInstances instances;
    private final TopologySettings settings;
    private final ProblemWriter problems;

    InstanceFilter(LocalInstances instances, TopologySettings settings, ProblemWriter problems) {
        this.instances = instances;
        this.settings = settings;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<LocalInstance> found = instances.byPort(request.getLocalPort());
        if (found.isEmpty() || found.get().service().equals(TrafficDirector.GATEWAY_SERVICE)) {
            chain.doFilter(request, response);
            return;
        }
        LocalInstance instance = found.get();
        response.setHeader(ControlPaths.INSTANCE_HEADER, instance.id());
        String path = request.getRequestURI();
        if (path.equals(ApiPaths.HEALTH)) {
            chain.doFilter(request, response);
            return;
        }
        if (!settings.serviceFor(path).map(instance.service()::equals).orElse(false)) {
            problems.write(request, response, new ProblemException(HttpStatus.NOT_FOUND, "not-served-here",
                    "Not served by this instance", "instance " + instance.id() + " serves " + instance.service()
                    + ", not " + path).getBody());
            return;
        }
        LocalInstance.Faults faults = instance.faults();
        if (faults.latency().isPositive()) {
            try {
                Thread.sleep(faults.latency());
            } catch (InterruptedException e) {
                // The instance is being terminated: its pool interrupts the calls in flight.
                Thread.currentThread().interrupt();
                throw new IOException("instance " + instance.id() + " terminated", e);
            }
        }
        if (faults.errorRate() > 0 && ThreadLocalRandom.current().nextDouble() < faults.errorRate()) {
            problems.write(request, response, new ProblemException(HttpStatus.INTERNAL_SERVER_ERROR, "injected-failure",
                    "Instance failure", "instance " + instance.id() + " failed this request (injected fault)").getBody());
            return;
        }
        chain.doFilter(request, response);
    }
}
