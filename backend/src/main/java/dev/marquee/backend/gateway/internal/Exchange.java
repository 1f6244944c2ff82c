package dev.marquee.backend.gateway.internal;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One request as it passes through a gateway's filters: what was read from the client, and what the inbound
 * filters learned (request id, account). Immutable request data; the passport is stamped as it goes.
 */
record Exchange(String region, String method, String path, @Nullable String query, Map<String, List<String>> headers,
                byte[] body, String clientAddress, @Nullable String clientZone, String requestId, Passport passport,
                @Nullable UUID accountId) {

    Exchange authenticated(UUID account) {
        return new Exchange(region, method, path, query, headers, body, clientAddress, clientZone, requestId, passport, account);
    }

    String pathAndQuery() {
        return query == null ? path : path + "?" + query;
    }

    boolean idempotent() {
        return switch (method) {
            case "GET", "HEAD", "PUT", "DELETE", "OPTIONS" -> true;
            default -> false;
        };
    }

    @Nullable String header(String name) {
        for (var entry : headers.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty()) {
                return entry.getValue().getFirst();
            }
        }
        return null;
    }
}
