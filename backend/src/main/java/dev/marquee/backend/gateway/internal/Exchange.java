package dev.marquee.backend.gateway.internal;

import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One request as it passes through a gateway's filters: what was read from the client, what the inbound filters
 * learned (request id, account), and the event loop that owns the client's connection. Every phase of the request,
 * its upstream calls and their timeouts run on that loop, so nothing here is shared between threads.
 */
record Exchange(String region, String method, String path, @Nullable String query, HttpHeaders headers, byte[] body,
                String clientAddress, @Nullable String clientZone, String requestId, Passport passport,
                @Nullable UUID accountId, EventLoop loop) {

    Exchange authenticated(UUID account) {
        return new Exchange(region, method, path, query, headers, body, clientAddress, clientZone, requestId, passport,
                account, loop);
    }

    /** The same caller asking for another path with GET (an aggregation's part), with a passport of its own. */
    Exchange part(String partPath) {
        return new Exchange(region, "GET", partPath, null, headers, new byte[0], clientAddress, clientZone, requestId,
                new Passport(), accountId, loop);
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

    @Nullable String header(CharSequence name) {
        return headers.get(name);
    }
}
