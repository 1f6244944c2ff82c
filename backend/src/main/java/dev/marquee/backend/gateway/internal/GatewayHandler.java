package dev.marquee.backend.gateway.internal;

import dev.marquee.model.topology.ControlPaths;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.net.InetSocketAddress;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

/**
 * The wire side of one gateway connection: turns each aggregated request into an {@link Exchange} (request id,
 * passport), runs the {@link GatewayPhases} and writes their answer with the outbound headers ({@code X-Request-Id},
 * {@code X-Marquee-Instance}, {@code X-Marquee-Attempts}, {@code Server-Timing}). One request at a time per
 * connection: reading pauses until the answer is written, so pipelined requests are answered in order. Every answer
 * the gateway makes itself, errors included, is {@code application/problem+json}.
 */
final class GatewayHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final Logger log = LoggerFactory.getLogger(GatewayHandler.class);
    /** A client's request id is echoed only when it is short and plain; anything else gets a fresh one. */
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final String region;
    private final GatewayPhases phases;
    private boolean inFlight;

    GatewayHandler(String region, GatewayPhases phases) {
        this.region = region;
        this.phases = phases;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        Passport passport = new Passport();
        passport.stamp(Passport.Stamp.IN_REQUEST_START);
        String requestId = requestId(request.headers().get(ControlPaths.REQUEST_ID_HEADER));
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        boolean head = request.method().equals(HttpMethod.HEAD);
        String uri = request.uri();
        int query = uri.indexOf('?');
        String path = query < 0 ? uri : uri.substring(0, query);
        if (!request.decoderResult().isSuccess() || !path.startsWith("/") || hasDotSegment(path)) {
            GatewayResponse bad = phases.problems().problem(HttpStatus.BAD_REQUEST, "bad-request", "Bad request",
                    "the gateway could not read this request", path.startsWith("/") ? path : "/");
            write(ctx, bad, requestId, passport, false, head);
            return;
        }
        inFlight = true;
        ctx.channel().config().setAutoRead(false);
        Exchange exchange = new Exchange(region, request.method().name(), path, query < 0 ? null : uri.substring(query + 1),
                request.headers(), ByteBufUtil.getBytes(request.content()), clientAddress(ctx),
                request.headers().get(ControlPaths.CLIENT_ZONE_HEADER), requestId, passport, null, ctx.channel().eventLoop());
        try {
            phases.handle(exchange, answer -> write(ctx, answer, requestId, passport, keepAlive, head));
        } catch (RuntimeException e) {
            log.warn("gateway of {}: {} {} failed", region, exchange.method(), path, e);
            write(ctx, phases.problems().problem(HttpStatus.INTERNAL_SERVER_ERROR, "gateway-error", "Gateway error",
                    "the gateway failed to handle this request", path), requestId, passport, false, head);
        }
    }

    /** Outbound phase: the answer with the gateway's headers. Called once per request, on the connection's loop. */
    private void write(ChannelHandlerContext ctx, GatewayResponse answer, String requestId, Passport passport,
                       boolean keepAlive, boolean head) {
        if (!ctx.channel().isActive()) {
            return; // the client left; nothing to answer
        }
        passport.stamp(Passport.Stamp.OUT_RESPONSE_START);
        HttpHeaders headers = answer.headers();
        headers.set(ControlPaths.REQUEST_ID_HEADER, requestId);
        if (answer.instanceId() != null) {
            headers.set(ControlPaths.INSTANCE_HEADER, answer.instanceId());
        }
        if (answer.attempts() > 1) {
            headers.set("X-Marquee-Attempts", answer.attempts());
        }
        headers.set("Server-Timing", passport.serverTiming());
        if (!head) {
            headers.setInt(HttpHeaderNames.CONTENT_LENGTH, answer.body().length);
        }
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(answer.status()),
                head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(answer.body()), headers, EmptyHttpHeaders.INSTANCE);
        HttpUtil.setKeepAlive(response, keepAlive);
        var written = ctx.writeAndFlush(response);
        inFlight = false;
        if (keepAlive) {
            ctx.channel().config().setAutoRead(true);
        } else {
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("gateway of {}: connection failed", region, cause);
        if (ctx.channel().isActive() && !inFlight) {
            write(ctx, phases.problems().problem(HttpStatus.BAD_REQUEST, "bad-request", "Bad request",
                    "the gateway could not read this request", "/"), requestId(null), new Passport(), false, false);
        } else {
            ctx.close();
        }
    }

    private static String clientAddress(ChannelHandlerContext ctx) {
        return ctx.channel().remoteAddress() instanceof InetSocketAddress address
                ? address.getAddress().getHostAddress() : "unknown";
    }

    /** {@code /a/../b} or {@code /a/./b}: never forwarded, so that a prefix cannot be escaped. */
    private static boolean hasDotSegment(String path) {
        return path.contains("/./") || path.contains("/../") || path.endsWith("/.") || path.endsWith("/..")
                || path.contains("%2e") || path.contains("%2E");
    }

    private static String requestId(@Nullable String given) {
        return given != null && REQUEST_ID.matcher(given).matches() ? given : randomId().toString();
    }

    /**
     * A random (version 4) UUID from the thread's own generator: a request id is no secret, and
     * {@link UUID#randomUUID()} takes the process-wide {@code SecureRandom}'s lock, which the event loops and every
     * other thread contend for (seen in the profile).
     */
    private static UUID randomId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;              // version 4
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
        return new UUID(high, low);
    }
}
