package dev.marquee.backend.gateway.internal;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.Promise;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;

/**
 * The benchmark's load generator: GET requests at a fixed rate (an open model: a request is due at its planned time
 * whether or not earlier ones have answered), over at most {@code maxConnections} keep-alive connections, on one
 * Netty event loop of its own. Latency counts from each request's planned send time, so a stall on the server or a
 * wait for a free connection is measured, not hidden (no coordinated omission). It also records how late the
 * generator itself sent (its schedule lag): when that is large, the generator, not the server, set the figures.
 * Runs in the benchmark's process, apart from the server's.
 */
final class OpenLoopLoad implements AutoCloseable {
    /** A request without an answer after this counts as an error and its connection is closed. */
    static final long REQUEST_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(5);
    /** How often timed-out requests are looked for. */
    static final long SWEEP_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    /** Histogram range: 1 µs to 1 min, 3 significant digits. */
    static final long HIGHEST_US = TimeUnit.MINUTES.toMicros(1);

    /** What one run measured; every histogram in microseconds. */
    record Result(Histogram latency, Histogram scheduleLag, Histogram gatewayOwn, Histogram gatewayUpstream, long sent,
                  long errors, @Nullable String servedBy) {}

    private final EventLoopGroup group;
    private final EventLoop loop;
    private final Bootstrap bootstrap;
    private final int maxConnections;

    OpenLoopLoad(int maxConnections) {
        this.maxConnections = maxConnections;
        IoHandlerFactory io = Epoll.isAvailable() ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        Class<? extends SocketChannel> type = Epoll.isAvailable() ? EpollSocketChannel.class : NioSocketChannel.class;
        group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("load", true), io);
        loop = group.next();
        bootstrap = new Bootstrap().group(loop).channel(type).option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpClientCodec()).addLast(new HttpObjectAggregator(1 << 20));
                    }
                });
    }

    /** Sends {@code rate × duration} requests at the fixed rate and waits for their answers (or timeouts). */
    Result run(URI target, HttpHeaders headers, int ratePerSecond, Duration duration) throws InterruptedException {
        Promise<Result> done = loop.newPromise();
        loop.execute(() -> new Run(target, headers, ratePerSecond, duration, done).start());
        return done.sync().getNow();
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** One run; every method runs on the generator's event loop. */
    private final class Run {
        private final URI target;
        private final HttpHeaders headers;
        private final long intervalNanos;
        private final long count;
        private final Promise<Result> done;
        private final Histogram latency = new Histogram(HIGHEST_US, 3);
        private final Histogram scheduleLag = new Histogram(HIGHEST_US, 3);
        private final Histogram gatewayOwn = new Histogram(HIGHEST_US, 3);
        private final Histogram gatewayUpstream = new Histogram(HIGHEST_US, 3);
        private final ArrayDeque<Conn> idle = new ArrayDeque<>();
        private final Set<Conn> open = new HashSet<>();
        private final ArrayDeque<Long> waiting = new ArrayDeque<>();
        private long startNanos;
        private long next;
        private long answered;
        private long errors;
        private @Nullable String servedBy;
        private @Nullable ScheduledFuture<?> sweeper;

        Run(URI target, HttpHeaders headers, int rate, Duration duration, Promise<Result> done) {
            this.target = target;
            this.headers = headers;
            this.intervalNanos = 1_000_000_000L / rate;
            this.count = duration.toNanos() / intervalNanos;
            this.done = done;
        }

        void start() {
            startNanos = System.nanoTime();
            sweeper = loop.scheduleAtFixedRate(this::sweep, SWEEP_NANOS, SWEEP_NANOS, TimeUnit.NANOSECONDS);
            tick();
        }

        /** Sends every request that is due, then sleeps until the next one is. */
        private void tick() {
            long now = System.nanoTime();
            while (next < count && startNanos + next * intervalNanos <= now) {
                long intended = startNanos + next * intervalNanos;
                scheduleLag.recordValue(Math.min(HIGHEST_US, (now - intended) / 1_000));
                next++;
                dispatch(intended);
            }
            if (next < count) {
                loop.schedule(this::tick, startNanos + next * intervalNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
            }
        }

        private void dispatch(long intended) {
            Conn conn = idle.pollLast();
            if (conn != null) {
                conn.send(intended);
            } else if (open.size() < maxConnections) {
                Conn opened = new Conn();
                open.add(opened);
                opened.connect(intended);
            } else {
                waiting.addLast(intended); // every connection busy: the wait counts in its latency
            }
        }

        private void completed(Conn conn, long intended, boolean ok) {
            latency.recordValue(Math.min(HIGHEST_US, Math.max(0, (System.nanoTime() - intended) / 1_000)));
            answered++;
            if (!ok) {
                errors++;
            }
            if (conn.channel != null && conn.channel.isActive()) {
                Long queued = waiting.pollFirst();
                if (queued != null) {
                    conn.send(queued);
                } else {
                    idle.addLast(conn);
                }
            } else {
                open.remove(conn);
                Long queued = waiting.pollFirst();
                if (queued != null) {
                    dispatch(queued);
                }
            }
            if (answered == count) {
                finish();
            }
        }

        /** The gateway's own time by its own clock ({@code total} minus {@code upstream} of its Server-Timing), and upstream. */
        private void recordGatewayOwn(@Nullable String timing) {
            if (timing == null) {
                return;
            }
            double total = duration(timing, "total;dur=");
            double upstream = duration(timing, "upstream;dur=");
            if (total >= 0 && upstream >= 0) {
                gatewayOwn.recordValue(Math.max(0, Math.min(HIGHEST_US, Math.round((total - upstream) * 1_000))));
                gatewayUpstream.recordValue(Math.max(0, Math.min(HIGHEST_US, Math.round(upstream * 1_000))));
            }
        }

        private static double duration(String timing, String metric) {
            int at = timing.indexOf(metric);
            if (at < 0) {
                return -1;
            }
            int from = at + metric.length();
            int to = from;
            while (to < timing.length() && (Character.isDigit(timing.charAt(to)) || timing.charAt(to) == '.')) {
                to++;
            }
            return Double.parseDouble(timing.substring(from, to));
        }

        private void sweep() {
            long now = System.nanoTime();
            for (Conn conn : Set.copyOf(open)) {
                if (conn.busy && now - conn.sentAt > REQUEST_TIMEOUT_NANOS && conn.channel != null) {
                    conn.channel.close(); // its handler reports the error
                }
            }
        }

        private void finish() {
            if (sweeper != null) {
                sweeper.cancel(false);
            }
            open.forEach(c -> {
                if (c.channel != null) {
                    c.channel.close();
                }
            });
            done.trySuccess(new Result(latency, scheduleLag, gatewayOwn, gatewayUpstream, count, errors, servedBy));
        }

        /** One keep-alive connection, one request at a time. */
        private final class Conn extends SimpleChannelInboundHandler<FullHttpResponse> {
            private @Nullable Channel channel;
            private boolean busy;
            private long intended;
            private long sentAt;

            void connect(long firstIntended) {
                busy = true;
                intended = firstIntended;
                sentAt = System.nanoTime();
                ChannelFuture connecting = bootstrap.connect(target.getHost(), target.getPort());
                channel = connecting.channel();
                connecting.addListener(f -> {
                    if (f.isSuccess()) {
                        connecting.channel().pipeline().addLast(this);
                        send(firstIntended);
                    } else {
                        fail();
                    }
                });
            }

            void send(long planned) {
                busy = true;
                intended = planned;
                sentAt = System.nanoTime();
                var request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, target.getRawPath(), Unpooled.EMPTY_BUFFER);
                request.headers().add(headers).set(HttpHeaderNames.HOST, target.getAuthority());
                channel.writeAndFlush(request).addListener(f -> {
                    if (!f.isSuccess()) {
                        channel.close();
                    }
                });
            }

            @Override
            protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
                if (!busy) {
                    return;
                }
                busy = false;
                if (servedBy == null) {
                    servedBy = response.headers().get("X-Marquee-Instance");
                }
                recordGatewayOwn(response.headers().get("Server-Timing"));
                completed(this, intended, response.status().code() == 200);
            }

            @Override
            public void channelInactive(ChannelHandlerContext ctx) {
                fail();
            }

            @Override
            public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                ctx.close();
            }

            private void fail() {
                if (busy) {
                    busy = false;
                    channel = null;
                    completed(this, intended, false);
                } else {
                    open.remove(this);
                    idle.remove(this);
                }
            }
        }
    }
}
