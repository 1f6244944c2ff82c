package dev.marquee.backend.events;

import org.jspecify.annotations.Nullable;

/**
 * One API request answered by the backend, as recorded on {@link Topics#API_REQUESTS}.
 *
 * @param route     the matched route template, e.g. {@code /api/me/profiles/{profileId}}, or {@code unmatched}
 * @param service   the backend module that handled it, e.g. {@code identity}; {@code platform} when security or
 *                  the error handling answered before any controller
 * @param latencyUs time from the request entering the backend to the response being committed
 * @param region    the region that served it when the gateway said so ({@link #REGION_HEADER}), else {@code null}
 */
public record ApiRequestCompleted(String method, String route, int status, long latencyUs, String service, @Nullable String region) {
    /** Request header through which a regional gateway tells the backend which region it serves. */
    public static final String REGION_HEADER = dev.marquee.model.topology.ControlPaths.SERVED_REGION_HEADER;

    public boolean serverError() {
        return status >= 500;
    }
}
