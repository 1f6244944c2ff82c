package dev.marquee.backend.gateway.internal;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.FastThreadLocal;
import java.io.IOException;
import java.net.URI;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * HTTP/1.1 calls from a gateway to instances over pooled keep-alive connections. Each event loop keeps its own idle
 * connections per instance (at most {@link #IDLE_PER_INSTANCE}), and a call is made on the caller's loop, so a
 * request, its upstream calls and their callbacks never change threads and the pools need no locks. How many calls
 * run at once per instance is bounded by the instance's bulkhead, above this class. It does not retry or time out
 * by itself: the {@link Router} does both.
 */
final class Upstream {
    /** Idle connections kept per instance and event loop; beyond them a connection is closed after its call. */
    static final int IDLE_PER_INSTANCE = 32;
    /** An idle connection is closed after this, well before an instance's keep-alive timeout (Tomcat: 60 s). */
    static final int IDLE_SECONDS = 20;
    /** Largest instance answer the gateway buffers; a larger one fails the call (no instance API answers this much). */
    static final int MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

    /** Called once, on the call's event loop, with the answer or the reason there is none. */
    interface Callback {
        void answered(int status, HttpHeaders headers, byte[] body);

        void failed(Throwable cause);
    }

    private final Bootstrap bootstrap;
    private final FastThreadLocal<Map<String, ArrayDeque<Channel>>> idle = new FastThreadLocal<>() {
        @Override
        protected Map<String, ArrayDeque<Channel>> initialValue() {
            return new HashMap<>();
        }
    };

    Upstream(Class<? extends SocketChannel> channelType, Duration connectTimeout) {
        this.bootstrap = new Bootstrap()
                .channel(channelType)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) connectTimeout.toMillis())
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline()
                                .addLast(new IdleStateHandler(0, 0, IDLE_SECONDS, TimeUnit.SECONDS))
                                .addLast(new HttpClientCodec())
                                .addLast(new HttpObjectAggregator(MAX_RESPONSE_BYTES))
                                .addLast(new Connection());
                    }
                });
    }

    /**
     * Sends the request to the instance on {@code loop} (the caller must be on it). The returned call can be
     * aborted, e.g. by a timeout; the callback then hears {@code cause}.
     */
    Call send(EventLoop loop, URI instance, FullHttpRequest request, Callback callback) {
        String key = instance.getAuthority();
        Call call = new Call(callback, key);
        Channel pooled = pollIdle(key);
        if (pooled != null) {
            write(pooled, call, request);
        } else {
            ChannelFuture connecting = bootstrap.clone(loop).connect(instance.getHost(), instance.getPort());
            call.channel = connecting.channel();
            connecting.addListener(f -> {
                if (f.isSuccess()) {
                    write(connecting.channel(), call, request);
                } else {
                    request.release();
                    call.fail(f.cause());
                }
            });
        }
        return call;
    }

    private @Nullable Channel pollIdle(String key) {
        ArrayDeque<Channel> channels = idle.get().get(key);
        if (channels == null) {
            return null;
        }
        Channel channel;
        while ((channel = channels.pollLast()) != null) {
            if (channel.isActive()) {
                return channel;
            }
        }
        return null;
    }

    private void write(Channel channel, Call call, FullHttpRequest request) {
        if (call.done) { // aborted while connecting
            request.release();
            channel.close();
            return;
        }
        call.channel = channel;
        channel.pipeline().get(Connection.class).call = call;
        channel.writeAndFlush(request).addListener(f -> {
            if (!f.isSuccess()) {
                channel.close();
                call.fail(f.cause());
            }
        });
    }

    private void release(Channel channel, String key) {
        ArrayDeque<Channel> channels = idle.get().computeIfAbsent(key, k -> new ArrayDeque<>());
        if (channels.size() < IDLE_PER_INSTANCE) {
            channels.addLast(channel);
        } else {
            channel.close();
        }
    }

    /** One call in flight; completes once. */
    static final class Call {
        private final Callback callback;
        private final String key;
        private @Nullable Channel channel;
        private boolean done;

        private Call(Callback callback, String key) {
            this.callback = callback;
            this.key = key;
        }

        /** Ends the call with {@code cause} and closes its connection (the answer, if it still comes, is dropped). */
        void abort(Throwable cause) {
            boolean inFlight = !done;
            fail(cause); // first: closing the channel below must not report a closed connection instead
            if (inFlight && channel != null) {
                channel.close();
            }
        }

        private void fail(Throwable cause) {
            if (!done) {
                done = true;
                callback.failed(cause);
            }
        }

        private void answer(int status, HttpHeaders headers, byte[] body) {
            if (!done) {
                done = true;
                callback.answered(status, headers, body);
            }
        }
    }

    /** The last handler of a pooled connection: hands the answer to the call in flight, then pools the connection. */
    private final class Connection extends SimpleChannelInboundHandler<FullHttpResponse> {
        private @Nullable Call call;

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
            Call current = call;
            call = null;
            if (current == null) {
                ctx.close(); // an answer nobody asked for: the connection is out of step
                return;
            }
            if (!response.decoderResult().isSuccess()) {
                ctx.close();
                current.fail(new IOException("bad answer from instance: " + response.decoderResult().cause()));
                return;
            }
            byte[] body = ByteBufUtil.getBytes(response.content());
            if (HttpUtil.isKeepAlive(response) && !current.done) {
                release(ctx.channel(), current.key);
            } else {
                ctx.close();
            }
            current.answer(response.status().code(), response.headers(), body);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            Call current = call;
            call = null;
            if (current != null) {
                current.fail(new ClosedChannelException());
            }
            ctx.fireChannelInactive();
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
            if (event instanceof IdleStateEvent && call == null) {
                ctx.close();
            } else {
                ctx.fireUserEventTriggered(event);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            Call current = call;
            call = null;
            ctx.close();
            if (current != null) {
                current.fail(cause);
            }
        }
    }
}
