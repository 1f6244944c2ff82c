package dev.marquee.backend.edge.node;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.codec.DateFormatter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeadersFactory;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;
import java.nio.charset.StandardCharsets;
import java.util.Date;

/** Builds responses: header values computed once, a Date header refreshed once a second, problem documents. */
final class Responses {

    static final AsciiString PROBLEM_JSON = AsciiString.cached("application/problem+json");
    static final AsciiString JSON = AsciiString.cached("application/json");
    static final AsciiString BYTES = AsciiString.cached("bytes");
    static final AsciiString ALLOW = AsciiString.cached("GET, HEAD");
    static final AsciiString NO_STORE = AsciiString.cached("no-store");
    static final AsciiString SERVER = AsciiString.cached("marquee-edge");
    static final AsciiString X_CACHE = AsciiString.cached("X-Cache");
    static final AsciiString X_NODE = AsciiString.cached("X-Marquee-Node");
    static final AsciiString HIT = AsciiString.cached("HIT");
    static final AsciiString MISS = AsciiString.cached("MISS");

    /** Our headers are built from validated values: skip Netty's per-header validation on the hot path. */
    private static final HttpHeadersFactory TRUSTED = DefaultHttpHeadersFactory.headersFactory().withValidation(false);

    private static volatile long dateSecond = -1;
    private static volatile AsciiString date = AsciiString.EMPTY_STRING;

    private Responses() {}

    static HttpResponse head(HttpResponseStatus status) {
        return new DefaultHttpResponse(HttpVersion.HTTP_1_1, status, TRUSTED);
    }

    /** The Date header value for {@code nowMs}, formatted at most once per second across all threads. */
    static AsciiString date(long nowMs) {
        long second = nowMs / 1000;
        if (second != dateSecond) {
            date = AsciiString.of(DateFormatter.format(new Date(second * 1000)));
            dateSecond = second;
        }
        return date;
    }

    /** An RFC 9457 problem document. */
    static FullHttpResponse problem(ByteBufAllocator alloc, HttpResponseStatus status, String detail, long nowMs) {
        String json = "{\"type\":\"about:blank\",\"title\":\"" + status.reasonPhrase() + "\",\"status\":" + status.code()
                + ",\"detail\":\"" + escape(detail) + "\"}";
        return full(alloc, status, PROBLEM_JSON, json, nowMs);
    }

    static FullHttpResponse full(ByteBufAllocator alloc, HttpResponseStatus status, AsciiString type, String body,
                                 long nowMs) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ByteBuf content = alloc.buffer(bytes.length).writeBytes(bytes);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, content, TRUSTED, TRUSTED);
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, type)
                .set(HttpHeaderNames.CONTENT_LENGTH, bytes.length)
                .set(HttpHeaderNames.CACHE_CONTROL, NO_STORE)
                .set(HttpHeaderNames.DATE, date(nowMs))
                .set(HttpHeaderNames.SERVER, SERVER);
        return response;
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
