package dev.marquee.backend.gateway.internal;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the endpoint phase produced, buffered, so that the outbound phase can still add headers.
 *
 * @param instanceId the instance that served it, or {@code null} when the gateway answered itself
 */
record GatewayResponse(int status, Map<String, List<String>> headers, byte[] body, @Nullable String instanceId, int attempts) {

    static GatewayResponse of(int status, String contentType, byte[] body) {
        return new GatewayResponse(status, Map.of("Content-Type", List.of(contentType)), body, null, 0);
    }

    GatewayResponse withHeader(String name, String value) {
        var copy = new java.util.LinkedHashMap<>(headers);
        copy.put(name, List.of(value));
        return new GatewayResponse(status, copy, body, instanceId, attempts);
    }
}
