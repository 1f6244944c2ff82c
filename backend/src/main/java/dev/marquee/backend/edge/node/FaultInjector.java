package dev.marquee.backend.edge.node;

import dev.marquee.backend.edge.EdgeFaults;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The node's fault hook, between the HTTP codec and the request handler: with faults set, each request (with its
 * body parts) reaches the handler {@code latency} later, or is answered 503 with a problem and dropped. Messages
 * of one connection stay in order (scheduled with non-decreasing deadlines on the channel's event loop). Without
 * faults it passes messages straight through. Runs on the channel's event loop.
 */
final class FaultInjector extends ChannelInboundHandlerAdapter {
    private static final byte[] INJECTED = ("{\"type\":\"about:blank\",\"title\":\"Injected fault\",\"status\":503,"
            + "\"detail\":\"fault injected on this edge node\"}").getBytes(StandardCharsets.UTF_8);

    private final Supplier<EdgeFaults> faults;
    /** Deadline (nanoTime) of the last message scheduled on this connection, so later ones never overtake it. */
    private long lastReleaseNanos;
    private boolean dropping;

    FaultInjector(Supplier<EdgeFaults> faults) {
        this.faults = faults;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        EdgeFaults now = faults.get();
        if (msg instanceof HttpRequest request) {
            dropping = now.errorRate() > 0 && ThreadLocalRandom.current().nextDouble() < now.errorRate();
            if (dropping) {
                fail(ctx, request);
            }
        }
        if (dropping) {
            if (msg instanceof LastHttpContent) {
                dropping = false;
            }
            ReferenceCountUtil.release(msg);
            return;
        }
        long nowNanos = System.nanoTime();
        long delay = msg instanceof HttpRequest ? now.latency().toNanos() : 0;
        long release = Math.max(nowNanos + delay, lastReleaseNanos);
        if (release <= nowNanos) {
            ctx.fireChannelRead(msg);
            return;
        }
        lastReleaseNanos = release;
        ctx.executor().schedule(() -> {
            ctx.fireChannelRead(msg);
            ctx.fireChannelReadComplete(); // the handler flushes on read-complete
        }, release - nowNanos, TimeUnit.NANOSECONDS);
    }

    private static void fail(ChannelHandlerContext ctx, HttpRequest request) {
        boolean head = io.netty.handler.codec.http.HttpMethod.HEAD.equals(request.method()); // no body then
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.SERVICE_UNAVAILABLE,
                Unpooled.wrappedBuffer(INJECTED));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, INJECTED.length);
        if (!io.netty.handler.codec.http.HttpUtil.isKeepAlive(request)) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(ResponseWire.encode(ctx.alloc(), response, head))
               .addListener(io.netty.channel.ChannelFutureListener.CLOSE);
        } else {
            ctx.writeAndFlush(ResponseWire.encode(ctx.alloc(), response, head));
        }
    }
}
