package dev.marquee.backend.gateway.internal;

import dev.marquee.backend.topology.TopologySettings;
import dev.marquee.model.topology.ControlPaths;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * A gateway's filters in their phases, apart from the wire (see {@link GatewayHandler}). Inbound: the gateway's own
 * health, rate limits per client address, token validation, rate limits per account. Endpoint: the home
 * aggregation, or routing to the owning service. The outbound phase (request id, serving instance, passport as
 * {@code Server-Timing}) is the handler's, since it writes the response. Runs on the request's event loop: every
 * filter is a few microseconds of work and none blocks.
 */
final class GatewayPhases {
    private final TopologySettings topology;
    private final Authenticator authenticator;
    private final RateLimits perAccount;
    private final RateLimits perAddress;
    private final Router router;
    private final HomeAggregator home;
    private final GatewayProblems problems;

    GatewayPhases(TopologySettings topology, Authenticator authenticator, RateLimits perAccount, RateLimits perAddress,
                  Router router, HomeAggregator home, GatewayProblems problems) {
        this.topology = topology;
        this.authenticator = authenticator;
        this.perAccount = perAccount;
        this.perAddress = perAddress;
        this.router = router;
        this.home = home;
        this.problems = problems;
    }

    GatewayProblems problems() {
        return problems;
    }

    /** Inbound filters, then the endpoint; {@code done} is called once, on the exchange's event loop. */
    void handle(Exchange exchange, Consumer<GatewayResponse> done) {
        if (exchange.path().equals(TopologySettings.GATEWAY_HEALTH_PATH)) {
            done.accept(GatewayResponse.of(200, MediaType.APPLICATION_JSON_VALUE,
                    ("{\"status\":\"UP\",\"region\":\"" + exchange.region() + "\"}").getBytes(StandardCharsets.UTF_8)));
            return;
        }
        Duration wait = perAddress.tryTake(exchange.clientAddress());
        if (wait.isPositive()) {
            done.accept(problems.tooManyRequests("too many requests from " + exchange.clientAddress(), wait, exchange.path()));
            return;
        }
        Authenticator.Verdict verdict = authenticator.check(exchange);
        if (verdict.refused()) {
            done.accept(unauthorized(verdict.failure(), exchange));
            return;
        }
        if (verdict.account().isPresent()) {
            exchange = exchange.authenticated(verdict.account().get());
            wait = perAccount.tryTake(verdict.account().get().toString());
            if (wait.isPositive()) {
                done.accept(problems.tooManyRequests("too many requests for this account", wait, exchange.path()));
                return;
            }
        }
        exchange.passport().stamp(Passport.Stamp.IN_FILTERS_END);
        if (exchange.path().equals(ControlPaths.HOME) && exchange.method().equals("GET")) {
            if (exchange.accountId() == null) {
                done.accept(unauthorized("the home screen needs a signed-in account", exchange));
                return;
            }
            home.home(exchange, done);
            return;
        }
        Optional<String> service = topology.serviceFor(exchange.path());
        if (service.isEmpty()) {
            done.accept(problems.problem(HttpStatus.NOT_FOUND, "no-route", "No route",
                    "no service of this gateway serves " + exchange.path(), exchange.path()));
            return;
        }
        router.forward(exchange, service.get(), done);
    }

    private GatewayResponse unauthorized(String why, Exchange exchange) {
        return problems.problem(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", why, exchange.path())
                .withHeader(HttpHeaderNames.WWW_AUTHENTICATE, "Bearer");
    }
}
