package dev.marquee.backend.gateway.internal;

import dev.marquee.backend.resilience.CallFailedException;
import dev.marquee.backend.resilience.ProtectedCalls;
import dev.marquee.backend.topology.InstanceInfo;
import dev.marquee.model.topology.ControlPaths;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * Endpoint filter: forwards a request to an instance of the service over loopback HTTP and returns its response.
 * Every attempt is a protected call named after the instance (its own breaker, bulkhead and timeout); an
 * idempotent call that fails (connection refused, timeout, 5xx, breaker open) is retried on another instance, up to
 * the configured retries. When no attempt succeeds, the fallback is a 503 problem that says why.
 */
final class Router {
    /** Headers that describe one connection, not the message (RFC 9110 §7.6.1), plus those the JDK client sets itself. */
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host", "content-length", "expect",
            "http2-settings");

    private final LoadBalancer balancer;
    private final ProtectedCalls calls;
    private final HttpClient http;
    private final GatewayProblems problems;
    private final int retries;

    Router(LoadBalancer balancer, ProtectedCalls calls, HttpClient http, GatewayProblems problems, int retries) {
        this.balancer = balancer;
        this.calls = calls;
        this.http = http;
        this.problems = problems;
        this.retries = retries;
    }

    /** A 5xx answer: counted as a failure of the instance, so that the breaker and the retry see it. */
    static final class ServerError extends RuntimeException {
        final HttpResponse<byte[]> response;

        ServerError(HttpResponse<byte[]> response) {
            super("instance answered " + response.statusCode());
            this.response = response;
        }
    }

    GatewayResponse forward(Exchange exchange, String service) {
        int attempts = exchange.idempotent() ? 1 + retries : 1;
        Set<String> tried = new HashSet<>();
        @Nullable CallFailedException last = null;
        @Nullable HttpResponse<byte[]> lastServerError = null;
        exchange.passport().stamp(Passport.Stamp.UPSTREAM_START);
        try {
            for (int attempt = 1; attempt <= attempts; attempt++) {
                Optional<InstanceInfo> chosen = balancer.choose(service, exchange.region(), exchange.clientZone(), tried);
                if (chosen.isEmpty()) {
                    break;
                }
                InstanceInfo instance = chosen.get();
                tried.add(instance.id());
                try {
                    HttpResponse<byte[]> response = calls.call(LoadBalancer.breakerName(instance), () -> send(instance, exchange));
                    return new GatewayResponse(response.statusCode(), headersOf(response), response.body(), instance.id(), attempt);
                } catch (CallFailedException failed) {
                    last = failed;
                    if (failed.getCause() instanceof ServerError error) {
                        lastServerError = error.response;
                    }
                }
            }
        } finally {
            exchange.passport().stamp(Passport.Stamp.UPSTREAM_END);
        }
        if (!exchange.idempotent() && lastServerError != null) {
            // Not retried, so the instance's own answer is the most useful one.
            return new GatewayResponse(lastServerError.statusCode(), headersOf(lastServerError), lastServerError.body(), null, tried.size());
        }
        String why = tried.isEmpty() ? "no instance of " + service + " is UP in " + exchange.region()
                : "tried " + tried.size() + " instance(s) of " + service + "; last: " + (last != null ? last.getMessage() : "unknown");
        return fallback(exchange, why, tried.size());
    }

    private GatewayResponse fallback(Exchange exchange, String why, int attempts) {
        GatewayResponse problem = problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
                "Service unavailable", why, exchange.path());
        return new GatewayResponse(problem.status(), problem.headers(), problem.body(), null, attempts)
                .withHeader("Retry-After", "1");
    }

    private CompletableFuture<HttpResponse<byte[]>> send(InstanceInfo instance, Exchange exchange) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(instance.url() + exchange.pathAndQuery()));
        exchange.headers().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(v -> request.header(name, v));
            }
        });
        request.setHeader(ControlPaths.REQUEST_ID_HEADER, exchange.requestId());
        request.setHeader("X-Forwarded-For", exchange.clientAddress());
        request.setHeader(ControlPaths.SERVED_REGION_HEADER, exchange.region());
        request.method(exchange.method(), exchange.body().length == 0 ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(exchange.body()));
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray()).thenApply(response -> {
            if (response.statusCode() >= 500 && response.statusCode() != HttpStatus.NOT_IMPLEMENTED.value()) {
                throw new ServerError(response);
            }
            return response;
        });
    }

    private static Map<String, List<String>> headersOf(HttpResponse<byte[]> response) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        response.headers().map().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            // The gateway's own container writes Date; a second one would make the response ambiguous.
            if (!NOT_FORWARDED.contains(lower) && !lower.equals("date") && !name.startsWith(":")) {
                headers.put(name, values);
            }
        });
        return headers;
    }
}
