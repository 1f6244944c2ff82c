package dev.marquee.backend.gateway.internal;

import dev.marquee.backend.platform.ProblemException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * Problems the gateway answers itself, as {@code application/problem+json} like the rest of the backend: the same
 * types and titles as the backend's {@link ProblemException}s, rendered by the gateway without Spring MVC.
 */
final class GatewayProblems {
    private final JsonMapper json;

    GatewayProblems(JsonMapper json) {
        this.json = json;
    }

    GatewayResponse problem(HttpStatus status, String slug, String title, String detail, String path) {
        return render(new ProblemException(status, slug, title, detail).getBody(), path);
    }

    GatewayResponse render(ProblemDetail problem, String path) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        if (problem.getDetail() != null) {
            body.put("detail", problem.getDetail());
        }
        body.put("instance", path);
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        return GatewayResponse.of(problem.getStatus(), MediaType.APPLICATION_PROBLEM_JSON_VALUE, json.writeValueAsBytes(body));
    }

    /** 429 with {@code Retry-After} in whole seconds, rounded up. */
    GatewayResponse tooManyRequests(String detail, Duration wait, String path) {
        var exception = new dev.marquee.backend.platform.TooManyRequestsException(detail, wait);
        return render(exception.getBody(), path)
                .withHeader("Retry-After", String.valueOf(exception.getHeaders().getFirst("Retry-After")));
    }
}
