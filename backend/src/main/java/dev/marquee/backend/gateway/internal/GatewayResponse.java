package dev.marquee.backend.gateway.internal;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import org.jspecify.annotations.Nullable;

/**
 * What the endpoint phase produced, buffered, so that the outbound phase can still add headers.
 *
 * @param instanceId the instance that served it, or {@code null} when the gateway answered itself
 * @param attempts   upstream attempts made (0 when none was needed)
 */
record GatewayResponse(int status, HttpHeaders headers, byte[] body, @Nullable String instanceId, int attempts) {

    static GatewayResponse of(int status, String contentType, byte[] body) {
        HttpHeaders headers = new DefaultHttpHeaders();
        headers.set(HttpHeaderNames.CONTENT_TYPE, contentType);
        return new GatewayResponse(status, headers, body, null, 0);
    }

    /** Sets a header in place (the headers belong to this response alone) and returns this response. */
    GatewayResponse withHeader(CharSequence name, String value) {
        headers.set(name, value);
        return this;
    }

    GatewayResponse attempted(int count) {
        return new GatewayResponse(status, headers, body, instanceId, count);
    }
}
