package dev.marquee.backend.gateway.internal;

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
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A gateway: every request that arrives through a gateway listener is handled here, in phases, and never reaches
 * the backend's own controllers on that port. Inbound: request id and passport, authentication, rate limits.
 * Endpoint: the gateway's health, the home aggregation, or routing to the owning service. Outbound: the request id,
 * the instance that served and the passport as {@code Server-Timing}. Requests on other ports pass untouched.
 */
final class GatewayFilter extends OncePerRequestFilter {
    /** A client's request id is echoed only when it is short and plain; anything else gets a fresh one. */
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final LocalInstances instances;
    private final TopologySettings topology;
    private final Authenticator authenticator;
    private final RateLimits perAccount;
    private final RateLimits perAddress;
    private final Router router;
    private final HomeAggregator home;
    private final GatewayProblems problems;
    private final int maxBodySize;

    GatewayFilter(LocalInstances instances, TopologySettings topology, Authenticator authenticator, RateLimits perAccount,
                  RateLimits perAddress, Router router, HomeAggregator home, GatewayProblems problems, int maxBodySize) {
        this.instances = instances;
        this.topology = topology;
        this.authenticator = authenticator;
        this.perAccount = perAccount;
        this.perAddress = perAddress;
        this.router = router;
        this.home = home;
        this.problems = problems;
        this.maxBodySize = maxBodySize;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<LocalInstance> gateway = instances.byPort(request.getLocalPort())
                .filter(i -> i.service().equals(GatewayRuntime.GATEWAY_SERVICE));
        if (gateway.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        Passport passport = new Passport();
        passport.stamp(Passport.Stamp.IN_REQUEST_START);
        String requestId = requestId(request.getHeader(ControlPaths.REQUEST_ID_HEADER));
        GatewayResponse answer;
        Exchange exchange = null;
        byte[] body = readBody(request);
        if (body == null) {
            answer = problems.problem(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "Request body too large",
                    "the gateway forwards bodies of at most " + maxBodySize + " bytes", request.getRequestURI());
        } else {
            exchange = new Exchange(gateway.get().region(), request.getMethod(), request.getRequestURI(),
                    request.getQueryString(), headers(request), body, request.getRemoteAddr(),
                    request.getHeader(ControlPaths.CLIENT_ZONE_HEADER), requestId, passport, null);
            answer = handle(exchange);
        }
        passport.stamp(Passport.Stamp.OUT_RESPONSE_START);
        write(response, answer, requestId, passport, exchange != null && "HEAD".equals(exchange.method()));
    }

    /** Inbound filters, then the endpoint. */
    private GatewayResponse handle(Exchange exchange) {
        if (exchange.path().equals(ApiPaths.HEALTH)) {
            return GatewayResponse.of(200, MediaType.APPLICATION_JSON_VALUE,
                    ("{\"status\":\"UP\",\"region\":\"" + exchange.region() + "\"}").getBytes(StandardCharsets.UTF_8));
        }
        Duration wait = perAddress.tryTake(exchange.clientAddress());
        if (wait.isPositive()) {
            return problems.tooManyRequests("too many requests from " + exchange.clientAddress(), wait, exchange.path());
        }
        Authenticator.Verdict verdict = authenticator.check(exchange);
        if (verdict.refused()) {
            return problems.problem(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", verdict.failure(), exchange.path())
                    .withHeader("WWW-Authenticate", "Bearer");
        }
        if (verdict.account().isPresent()) {
            exchange = exchange.authenticated(verdict.account().get());
            wait = perAccount.tryTake(verdict.account().get().toString());
            if (wait.isPositive()) {
                return problems.tooManyRequests("too many requests for this account", wait, exchange.path());
            }
        }
        exchange.passport().stamp(Passport.Stamp.IN_FILTERS_END);
        if (exchange.path().equals(ControlPaths.HOME) && exchange.method().equals("GET")) {
            if (exchange.accountId() == null) {
                return problems.problem(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
                        "the home screen needs a signed-in account", exchange.path()).withHeader("WWW-Authenticate", "Bearer");
            }
            return home.home(exchange);
        }
        Optional<String> service = topology.serviceFor(exchange.path());
        if (service.isEmpty()) {
            return problems.problem(HttpStatus.NOT_FOUND, "no-route", "No route",
                    "no service of this gateway serves " + exchange.path(), exchange.path());
        }
        return router.forward(exchange, service.get());
    }

    /** Outbound filter: the response with the gateway's headers. */
    private static void write(HttpServletResponse response, GatewayResponse answer, String requestId, Passport passport,
                              boolean head) throws IOException {
        response.setStatus(answer.status());
        answer.headers().forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
        response.setHeader(ControlPaths.REQUEST_ID_HEADER, requestId);
        if (answer.instanceId() != null) {
            response.setHeader(ControlPaths.INSTANCE_HEADER, answer.instanceId());
        }
        if (answer.attempts() > 1) {
            response.setHeader("X-Marquee-Attempts", Integer.toString(answer.attempts()));
        }
        response.setHeader("Server-Timing", passport.serverTiming());
        if (!head) {
            response.setContentLength(answer.body().length);
            response.getOutputStream().write(answer.body());
        }
        response.flushBuffer();
    }

    private static String requestId(@Nullable String given) {
        return given != null && REQUEST_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
    }

    /** The body, or null when it is larger than allowed. */
    private byte @Nullable [] readBody(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > maxBodySize) {
            return null;
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(maxBodySize + 1);
            return body.length > maxBodySize ? null : body;
        }
    }

    private static Map<String, List<String>> headers(HttpServletRequest request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name, Collections.list(request.getHeaders(name)));
        }
        return headers;
    }
}
