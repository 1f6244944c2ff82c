package dev.marquee.backend.gateway.internal;

import dev.marquee.backend.topology.Listener;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.buffer.Unpooled;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.ImmediateEventExecutor;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpStatus;

/**
 * Serves the regions' gateways from Netty: one event loop group for all of them (and for their connections to
 * instances, see {@link Upstream}), one listener per region opened by {@link #open}. A listener closes for real: its
 * server socket and every client connection, so a stopped gateway refuses connections as a failed region does.
 */
final class GatewayServer implements AutoCloseable {
    /** Longest request line and header block a gateway reads; larger is a 400 (the backend's Tomcat allows 8 KB too). */
    static final int MAX_INITIAL_LINE_BYTES = 8 * 1024;
    static final int MAX_HEADER_BYTES = 16 * 1024;
    /** Connections waiting in the kernel's accept queue. */
    static final int BACKLOG = 256;
    /** A client connection idle this long is closed; a player polls well within it. */
    static final int IDLE_SECONDS = 120;

    private final EventLoopGroup group;
    private final Class<? extends ServerSocketChannel> serverChannel;
    private final Class<? extends SocketChannel> clientChannel;
    private final GatewaySettings settings;

    GatewayServer(GatewaySettings settings) {
        this.settings = settings;
        IoHandlerFactory io;
        if (Epoll.isAvailable()) {
            io = EpollIoHandler.newFactory();
            serverChannel = EpollServerSocketChannel.class;
            clientChannel = EpollSocketChannel.class;
        } else {
            io = NioIoHandler.newFactory();
            serverChannel = NioServerSocketChannel.class;
            clientChannel = NioSocketChannel.class;
        }
        int threads = settings.ioThreads() > 0 ? settings.ioThreads() : Runtime.getRuntime().availableProcessors();
        group = new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory("gateway-io", true), io);
    }

    Upstream upstream(Duration connectTimeout) {
        return new Upstream(clientChannel, connectTimeout);
    }

    /** Opens a region's gateway on 127.0.0.1 with a free port. */
    Listener open(String region, GatewayPhases phases) {
        ChannelGroup connections = new DefaultChannelGroup("gateway-" + region, ImmediateEventExecutor.INSTANCE);
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(group)
                .channel(serverChannel)
                .option(ChannelOption.SO_BACKLOG, BACKLOG)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (connections.size() >= settings.maxConnections()) {
                            ch.close(); // beyond the bound: refused, as a full server would
                            return;
                        }
                        connections.add(ch);
                        ch.pipeline()
                                .addLast(new IdleStateHandler(0, 0, IDLE_SECONDS, TimeUnit.SECONDS) {
                                    @Override
                                    protected void channelIdle(ChannelHandlerContext ctx, IdleStateEvent evt) {
                                        ctx.close();
                                    }
                                })
                                .addLast(new HttpServerCodec(new HttpDecoderConfig()
                                        .setMaxInitialLineLength(MAX_INITIAL_LINE_BYTES)
                                        .setMaxHeaderSize(MAX_HEADER_BYTES)))
                                .addLast(new BodyLimit(settings.maxBodySize(), phases.problems()))
                                .addLast(new GatewayHandler(region, phases));
                    }
                });
        Channel server = bootstrap.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).syncUninterruptibly().channel();
        return new NettyListener(server, connections, ((InetSocketAddress) server.localAddress()).getPort());
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** Aggregates a request's body up to the limit; a larger one is refused with a 413 problem and the connection closed. */
    private static final class BodyLimit extends HttpObjectAggregator {
        private final int maxBodySize;
        private final GatewayProblems problems;

        BodyLimit(int maxBodySize, GatewayProblems problems) {
            super(maxBodySize);
            this.maxBodySize = maxBodySize;
            this.problems = problems;
        }

        @Override
        protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
            String path = oversized instanceof HttpRequest request ? request.uri().split("\\?", 2)[0] : "/";
            GatewayResponse problem = problems.problem(HttpStatus.CONTENT_TOO_LARGE, "body-too-large",
                    "Request body too large", "the gateway forwards bodies of at most " + maxBodySize + " bytes", path);
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                    HttpResponseStatus.valueOf(problem.status()), Unpooled.wrappedBuffer(problem.body()));
            response.headers().add(problem.headers());
            response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, problem.body().length);
            response.headers().set(HttpHeaderNames.CONNECTION, "close");
            // The rest of the body would be read as the next request: the connection ends with this answer.
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }

    private static final class NettyListener implements Listener {
        private final Channel server;
        private final ChannelGroup connections;
        private final int port;

        NettyListener(Channel server, ChannelGroup connections, int port) {
            this.server = server;
            this.connections = connections;
            this.port = port;
        }

        @Override
        public int port() {
            return port;
        }

        @Override
        public boolean isOpen() {
            return server.isOpen();
        }

        /** Closes the server socket (new connections are refused) and every client connection (calls in flight fail). */
        @Override
        public void close() {
            server.close().syncUninterruptibly();
            connections.close().syncUninterruptibly();
        }
    }
}
