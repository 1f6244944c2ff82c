package dev.marquee.backend.gateway.internal;

import dev.marquee.backend.events.ApiRequestCompleted;
import dev.marquee.backend.resilience.Outcome;
import dev.marquee.backend.resilience.Permit;
import dev.marquee.backend.resilience.ProtectedCalls;
import dev.marquee.backend.topology.InstanceInfo;
import dev.marquee.model.topology.ControlPaths;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * Endpoint filter: forwards a request to an instance of the service over a pooled connection and hands its response
 * on. Every attempt is protected under the instance's name: its bulkhead and breaker permissions are taken first
 * ({@link ProtectedCalls#tryAcquire}), its timeout is a task on the request's event loop that aborts the call, and
 * its outcome (5xx and timeouts are failures, 4xx are not) goes back to the breaker. An idempotent call that fails
 * (refused connection, timeout, 5xx, open breaker, full bulkhead) is retried on another instance, up to the
 * configured retries; when no attempt succeeds, the fallback is a 503 problem that says why. Everything runs on the
 * request's event loop and nothing blocks.
 */
final class Router {
    /** Headers that describe one connection, not the message (RFC 9110 §7.6.1), and those set per hop here. */
    static final List<AsciiString> NOT_FORWARDED = List.of(HttpHeaderNames.CONNECTION, HttpHeaderNames.KEEP_ALIVE,
            HttpHeaderNames.PROXY_AUTHENTICATE, HttpHeaderNames.PROXY_AUTHORIZATION, HttpHeaderNames.TE,
            HttpHeaderNames.TRAILER, HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderNames.UPGRADE, HttpHeaderNames.HOST,
            HttpHeaderNames.CONTENT_LENGTH, HttpHeaderNames.EXPECT, AsciiString.cached("http2-settings"));

    private final LoadBalancer balancer;
    private final ProtectedCalls calls;
    private final Upstream upstream;
    private final GatewayProblems problems;
    private final int retries;

    Router(LoadBalancer balancer, ProtectedCalls calls, Upstream upstream, GatewayProblems problems, int retries) {
        this.balancer = balancer;
        this.calls = calls;
        this.upstream = upstream;
        this.problems = problems;
        this.retries = retries;
    }

    /** Forwards the exchange; {@code done} is called once, on the exchange's event loop. */
    void forward(Exchange exchange, String service, Consumer<GatewayResponse> done) {
        exchange.passport().stamp(Passport.Stamp.UPSTREAM_START);
        new Forwarding(exchange, service, done).next();
    }

    /** One request's attempts, one after another. */
    private final class Forwarding implements Upstream.Callback {
        private final Exchange exchange;
        private final String service;
        private final Consumer<GatewayResponse> done;
        private final int attempts;
        private final List<String> tried = new ArrayList<>(2);
        private @Nullable String lastFailure;
        private @Nullable GatewayResponse lastServerError;
        // The attempt in flight.
        private @Nullable InstanceInfo instance;
        private @Nullable Permit permit;
        private @Nullable ScheduledFuture<?> timeout;
        private long startedNanos;

        Forwarding(Exchange exchange, String service, Consumer<GatewayResponse> done) {
            this.exchange = exchange;
            this.service = service;
            this.done = done;
            this.attempts = exchange.idempotent() ? 1 + retries : 1;
        }

        void next() {
            while (tried.size() < attempts) {
                Optional<InstanceInfo> chosen = balancer.choose(service, exchange.region(), exchange.clientZone(), tried);
                if (chosen.isEmpty()) {
                    break;
                }
                InstanceInfo target = chosen.get();
                tried.add(target.id());
                String name = LoadBalancer.breakerName(target);
                Permit granted = calls.tryAcquire(name);
                if (granted.refusal() != null) {
                    lastFailure = name + ": " + granted.refusal();
                    continue;
                }
                instance = target;
                permit = granted;
                startedNanos = System.nanoTime();
                Upstream.Call call = upstream.send(exchange.loop(), target.url(), request(target), this);
                long limitNanos = granted.timeout().toNanos();
                if (permit == granted) { // still in flight: a refused connection may have ended it (and retried) already
                    timeout = exchange.loop().schedule(() -> call.abort(new TimeoutException(
                            "no answer within " + TimeUnit.NANOSECONDS.toMillis(limitNanos) + " ms")), limitNanos, TimeUnit.NANOSECONDS);
                }
                return;
            }
            finish(fallback());
        }

        @Override
        public void answered(int status, HttpHeaders headers, byte[] body) {
            Permit current = endAttempt();
            long took = System.nanoTime() - startedNanos;
            GatewayResponse response = new GatewayResponse(status, responseHeaders(headers), body,
                    instance != null ? instance.id() : null, tried.size());
            if (status >= 500 && status != HttpStatus.NOT_IMPLEMENTED.value()) {
                // A 5xx is the instance failing: the breaker counts it and an idempotent call tries elsewhere.
                String why = LoadBalancer.breakerName(instance) + ": FAILURE (instance answered " + status + ")";
                current.failed(took, Outcome.FAILURE, new IllegalStateException(why));
                lastFailure = why;
                lastServerError = response;
                next();
                return;
            }
            current.succeeded(took);
            finish(response);
        }

        @Override
        public void failed(Throwable cause) {
            Permit current = endAttempt();
            Outcome outcome = cause instanceof TimeoutException ? Outcome.TIMEOUT : Outcome.FAILURE;
            current.failed(System.nanoTime() - startedNanos, outcome, cause);
            lastFailure = LoadBalancer.breakerName(instance) + ": " + outcome
                    + (cause.getMessage() != null ? " (" + cause.getMessage() + ")" : " (" + cause.getClass().getSimpleName() + ")");
            next();
        }

        private Permit endAttempt() {
            Permit current = permit;
            permit = null;
            if (timeout != null) {
                timeout.cancel(false);
                timeout = null;
            }
            if (current == null) {
                throw new IllegalStateException("an upstream answer without an attempt in flight");
            }
            return current;
        }

        private GatewayResponse fallback() {
            if (!exchange.idempotent() && lastServerError != null) {
                // Not retried, so the instance's own answer is the most useful one.
                return lastServerError.attempted(tried.size());
            }
            String why = tried.isEmpty() ? "no instance of " + service + " is UP in " + exchange.region()
                    : "tried " + tried.size() + " instance(s) of " + service + "; last: " + lastFailure;
            GatewayResponse problem = problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
                    "Service unavailable", why, exchange.path());
            return problem.attempted(tried.size()).withHeader(HttpHeaderNames.RETRY_AFTER, "1");
        }

        private void finish(GatewayResponse response) {
            exchange.passport().stamp(Passport.Stamp.UPSTREAM_END);
            done.accept(response);
        }

        private FullHttpRequest request(InstanceInfo target) {
            byte[] body = exchange.body();
            FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.valueOf(exchange.method()),
                    exchange.pathAndQuery(), body.length == 0 ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(body));
            HttpHeaders headers = request.headers();
            copyForwarded(exchange.headers(), headers);
            headers.set(HttpHeaderNames.HOST, target.url().getAuthority());
            headers.set(ControlPaths.REQUEST_ID_HEADER, exchange.requestId());
            headers.set("X-Forwarded-For", exchange.clientAddress());
            // The serving instance records the request for this region's KPIs (a client's own value is overwritten).
            headers.set(ApiRequestCompleted.REGION_HEADER, exchange.region());
            if (body.length > 0 || !exchange.method().equals("GET") && !exchange.method().equals("HEAD")) {
                headers.setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
            }
            return request;
        }
    }

    private static HttpHeaders responseHeaders(HttpHeaders upstream) {
        HttpHeaders headers = new DefaultHttpHeaders();
        copyForwarded(upstream, headers);
        return headers;
    }

    /** Copies every header but the hop-by-hop ones, without allocating a lower-case name per header. */
    static void copyForwarded(HttpHeaders from, HttpHeaders to) {
        Iterator<Map.Entry<CharSequence, CharSequence>> headers = from.iteratorCharSequence();
        while (headers.hasNext()) {
            Map.Entry<CharSequence, CharSequence> header = headers.next();
            if (forwarded(header.getKey())) {
                to.add(header.getKey(), header.getValue());
            }
        }
    }

    private static boolean forwarded(CharSequence name) {
        for (AsciiString hop : NOT_FORWARDED) {
            if (hop.contentEqualsIgnoreCase(name)) {
                return false;
            }
        }
        return true;
    }
}
