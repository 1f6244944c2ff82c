package dev.marquee.backend.events.internal;

import dev.marquee.backend.events.ApiRequestCompleted;
import dev.marquee.backend.events.EventLog;
import dev.marquee.backend.events.Topics;
import dev.marquee.model.events.PlaybackHeartbeat;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Records every answered API request as an {@link ApiRequestCompleted} on {@link Topics#API_REQUESTS}: method,
 * route template (never the raw path, so ids do not explode the series), status, latency, module and region.
 * Skips the actuator (scrapes would drown the signal) and long-lived streams (their latency means nothing).
 * Cost: two clock reads, one small record and one append per request.
 */
class ApiRequestFilter extends OncePerRequestFilter {
    static final String UNMATCHED_ROUTE = "unmatched";
    /** Requests no controller handled (refused by security, unknown paths) are the platform's. */
    static final String PLATFORM_SERVICE = "platform";
    private static final String BACKEND_PACKAGE = "dev.marquee.backend.";
    private static final Pattern REGION = Pattern.compile(PlaybackHeartbeat.NAME_PATTERN);

    private final EventLog eventLog;
    private final Map<Class<?>, String> serviceOfController = new ConcurrentHashMap<>();

    ApiRequestFilter(EventLog eventLog) {
        this.eventLog = eventLog;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long startNs = System.nanoTime();
        int status = HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
        try {
            chain.doFilter(request, response);
            status = response.getStatus();
        } finally {
            if (!request.isAsyncStarted()) {
                long latencyUs = (System.nanoTime() - startNs) / 1_000;
                Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
                String route = pattern instanceof String s ? s : UNMATCHED_ROUTE;
                String service = service(request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE));
                eventLog.append(Topics.API_REQUESTS, service,
                        new ApiRequestCompleted(request.getMethod(), route, status, latencyUs, service, region(request)));
            }
        }
    }

    private String service(@Nullable Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return PLATFORM_SERVICE;
        }
        return serviceOfController.computeIfAbsent(method.getBeanType(), ApiRequestFilter::moduleOf);
    }

    /** The module is the package segment after {@code dev.marquee.backend.}; foreign controllers are the platform's. */
    static String moduleOf(Class<?> type) {
        String name = type.getName();
        if (!name.startsWith(BACKEND_PACKAGE)) {
            return PLATFORM_SERVICE;
        }
        int end = name.indexOf('.', BACKEND_PACKAGE.length());
        return end < 0 ? PLATFORM_SERVICE : name.substring(BACKEND_PACKAGE.length(), end);
    }

    private static @Nullable String region(HttpServletRequest request) {
        String region = request.getHeader(ApiRequestCompleted.REGION_HEADER);
        if (region == null || region.length() > PlaybackHeartbeat.MAX_NAME_LENGTH || !REGION.matcher(region).matches()) {
            return null;
        }
        return region;
    }
}
