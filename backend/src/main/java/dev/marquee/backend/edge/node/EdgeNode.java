package dev.marquee.backend.edge.node;

import dev.marquee.backend.edge.EdgeAdminState;
import dev.marquee.backend.edge.EdgeFaults;
import dev.marquee.backend.edge.EdgeNodeStats;
import dev.marquee.backend.edge.EdgeTier;
import dev.marquee.backend.edge.EdgeUrlSigner;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.InstantSource;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * One edge node (or the origin): an HTTP/1.1 server on its own loopback port with its own event loops and its
 * own store, built from an {@link EdgeNodeConfig} and nothing else — no Spring, so the same class runs inside
 * the backend, alone ({@code EdgeNodeMain}) or on another machine.
 * It does not decide what to cache ahead of demand: fills happen on misses and from fill plans pushed by the
 * fill orchestrator, which also reads the node's request counts ({@link #drainRequestCounts()}) for its forecast.
 *
 * <p>Admin state: UP and DRAINING serve; DOWN closes the listener and every open connection, so a client sees
 * a refused connection (as it would from a dead machine) and moves to its next edge.
 */
public final class EdgeNode implements AutoCloseable {

    /** Longest request line: object paths are short; a longer line is refused with 414. */
    public static final int MAX_REQUEST_LINE_BYTES = 2048;
    /** All request headers together: plenty for a player, refused with 431 above. */
    public static final int MAX_HEADER_BYTES = 8192;
    /** Keep-alive connections idle this long are closed (nginx's keepalive_timeout is 75 s). */
    static final int IDLE_SECONDS = 60;
    /** Accept queue: absorbs a burst of new connections from a load test or a thundering herd. */
    private static final int BACKLOG = 1024;

    private final EdgeNodeConfig config;
    private final InstantSource clock;
    private final io.netty.util.AsciiString idHeader;
    /** "X-Cache: HIT|MISS" and "X-Marquee-Node: id" as response bytes, encoded once. */
    private final byte[] identityHit;
    private final byte[] identityMiss;
    /** Per I/O thread: each is used only on its own loop (see {@link OpenFiles}). */
    private final java.util.Map<io.netty.util.concurrent.EventExecutor, OpenFiles> openFiles =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final ObjectStore store;
    /** What request handlers look objects up in: the store, counting each lookup as demand on cache nodes. */
    private final ObjectStore servingStore;
    private final RequestCounts requestCounts = new RequestCounts();
    private final @Nullable Filler filler;
    private final NodeStats stats;
    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final Class<? extends ServerChannel> channelType;
    private final ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final Object lifecycle = new Object();
    private volatile EdgeAdminState state = EdgeAdminState.UP;
    private volatile EdgeFaults faults = EdgeFaults.NONE;
    private volatile @Nullable Channel listener;
    private volatile int port;

    private EdgeNode(EdgeNodeConfig config, InstantSource clock) {
        this.config = config;
        this.clock = clock;
        this.idHeader = io.netty.util.AsciiString.of(config.id());
        byte[] idLine = ResponseWire.line(Responses.X_NODE, idHeader);
        this.identityHit = ResponseWire.concat(ResponseWire.line(Responses.X_CACHE, Responses.HIT), idLine);
        this.identityMiss = ResponseWire.concat(ResponseWire.line(Responses.X_CACHE, Responses.MISS), idLine);
        if (config.tier() == EdgeTier.ORIGIN) {
            this.store = new OriginStore(config.directory());
            this.servingStore = store;
            this.filler = null;
            this.stats = new NodeStats(store, 0, () -> 0);
        } else {
            DiskCache cache = new DiskCache(config.directory(), config.capacityBytes());
            this.store = cache;
            this.servingStore = new CountingStore(cache, requestCounts);
            Filler[] holder = new Filler[1];
            this.stats = new NodeStats(cache, config.capacityBytes(), () -> holder[0] == null ? 0 : holder[0].inFlight());
            holder[0] = new Filler(config.id(), cache, config.upstreams(), config.signer(), clock,
                    config.fillTimeout(), stats);
            this.filler = holder[0];
        }
        IoHandlerFactory io;
        if (Epoll.isAvailable()) {
            io = EpollIoHandler.newFactory();
            channelType = EpollServerSocketChannel.class;
        } else {
            io = NioIoHandler.newFactory();
            channelType = NioServerSocketChannel.class;
        }
        boss = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("edge-" + config.id() + "-accept", true), io);
        workers = new MultiThreadIoEventLoopGroup(ioThreads(config),
                new DefaultThreadFactory("edge-" + config.id() + "-io", true), io);
    }

    /**
     * The I/O threads to run: as configured, or with 0 one per CPU this process may use (under {@code taskset}
     * the JVM sees only the allowed cores). Netty's own default is two per CPU: more threads than cores only
     * adds context switches to a loop that never blocks.
     */
    static int ioThreads(EdgeNodeConfig config) {
        return config.ioThreads() > 0 ? config.ioThreads() : Runtime.getRuntime().availableProcessors();
    }

    /** Starts a node with the system clock and no metrics registry. */
    public static EdgeNode start(EdgeNodeConfig config) {
        return start(config, InstantSource.system(), null);
    }

    /** Starts a node and binds its port; {@code registry} receives its meters when given. */
    public static EdgeNode start(EdgeNodeConfig config, InstantSource clock, @Nullable MeterRegistry registry) {
        EdgeNode node = new EdgeNode(config, clock);
        try {
            node.port = config.port();
            node.bind();
        } catch (RuntimeException e) {
            node.close();
            throw e;
        }
        if (registry != null) {
            node.stats.bindTo(registry, Tags.of("node", config.id(), "tier", config.tier().name(),
                    "region", config.region()));
        }
        return node;
    }

    private void bind() {
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(boss, workers)
                .channel(channelType)
                .option(ChannelOption.SO_BACKLOG, BACKLOG)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (state == EdgeAdminState.DOWN) {
                            ch.close();
                            return;
                        }
                        connections.add(ch);
                        ch.pipeline()
                          .addLast(new IdleStateHandler(IDLE_SECONDS, 0, 0))
                          // Requests only: responses are written as bytes by the handler (ResponseWire).
                          .addLast(new HttpRequestDecoder(new HttpDecoderConfig()
                                  .setMaxInitialLineLength(MAX_REQUEST_LINE_BYTES)
                                  .setMaxHeaderSize(MAX_HEADER_BYTES)))
                          .addLast(new FaultInjector(() -> faults))
                          .addLast(new EdgeRequestHandler(EdgeNode.this));
                    }
                });
        Channel channel = bootstrap.bind(new InetSocketAddress(config.host(), port)).syncUninterruptibly().channel();
        port = ((InetSocketAddress) channel.localAddress()).getPort();
        listener = channel;
    }

    /** Sets the admin state; DOWN unbinds and drops connections, leaving DOWN binds the same port again. */
    public void setState(EdgeAdminState newState) {
        synchronized (lifecycle) {
            EdgeAdminState old = state;
            state = newState;
            if (newState == EdgeAdminState.DOWN && old != EdgeAdminState.DOWN) {
                Channel l = listener;
                listener = null;
                if (l != null) {
                    l.close().syncUninterruptibly();
                }
                connections.close().syncUninterruptibly();
            } else if (newState != EdgeAdminState.DOWN && old == EdgeAdminState.DOWN) {
                bind();
            }
        }
    }

    public EdgeAdminState state() { return state; }

    /** Faults injected on this node's wire from now on (requests already waiting keep their delay). */
    public void injectFaults(EdgeFaults newFaults) { faults = newFaults; }

    public EdgeFaults faults() { return faults; }

    /** Whether the listener is open (false when DOWN or closed). */
    public boolean listening() {
        Channel l = listener;
        return l != null && l.isActive();
    }

    public String id() { return config.id(); }

    /** The node id as a response header value, built once. */
    io.netty.util.AsciiString idHeader() { return idHeader; }

    byte[] identityHit() { return identityHit; }

    byte[] identityMiss() { return identityMiss; }

    public EdgeNodeConfig config() { return config; }

    public int port() { return port; }

    public URI baseUrl() { return URI.create("http://" + config.host() + ":" + port); }

    public EdgeNodeStats statsSnapshot() {
        return stats.snapshot();
    }

    /**
     * Fills {@code key} ahead of demand (a fill plan), through the same collapsed fill path as a miss.
     * Completes with the bytes fetched (0 when the node already held it); fails with the fill's error.
     */
    public java.util.concurrent.CompletableFuture<Long> prefetch(String key) {
        if (ObjectKeys.keyOf("/" + key) == null) {
            return java.util.concurrent.CompletableFuture.failedFuture(new IllegalArgumentException("bad key " + key));
        }
        if (filler == null || store.find(key) != null) {
            return java.util.concurrent.CompletableFuture.completedFuture(0L);
        }
        return filler.fill(key, true).thenApply(StoredObject::length);
    }

    /**
     * Tells the cache the order of a fill plan: touches the held objects of {@code keysMostWantedFirst} least wanted
     * first, so the most wanted end up most recently used and are the last that reactive fills push out. (A plan
     * is filled most wanted first, which alone would leave the most wanted as the least recently used.)
     */
    public void rankPlanned(java.util.List<String> keysMostWantedFirst) {
        for (int i = keysMostWantedFirst.size() - 1; i >= 0; i--) {
            store.find(keysMostWantedFirst.get(i));
        }
    }

    /**
     * Requests per object key since the last call (hits and misses of requests that passed the signature check;
     * the node's own prefetches are not counted), and starts counting afresh: the demand this node saw
     * first-hand, for the fill forecast. Empty on the origin.
     */
    public java.util.Map<String, Long> drainRequestCounts() {
        return requestCounts.drain();
    }

    /** Object keys held now. */
    public Set<String> cachedKeys() { return store.keys(); }

    /** Title ids of which this node holds at least one object. */
    public Set<String> cachedTitles() {
        Set<String> titles = new TreeSet<>();
        for (String key : store.keys()) {
            String title = ObjectKeys.titleOf(key);
            if (title != null) {
                titles.add(title);
            }
        }
        return titles;
    }

    /** Whether the JVM serves with Linux epoll (sendfile from native code) rather than NIO. */
    public static boolean nativeTransport() { return Epoll.isAvailable(); }

    InstantSource clock() { return clock; }

    /** The store as request handlers use it (lookups counted as demand). */
    ObjectStore store() { return servingStore; }

    @Nullable Filler filler() { return filler; }

    NodeStats stats() { return stats; }

    @Nullable EdgeUrlSigner signer() { return config.signer(); }

    /** The open-file cache of one of this node's I/O threads, created on its first request. */
    OpenFiles openFiles(io.netty.util.concurrent.EventExecutor loop) {
        return openFiles.computeIfAbsent(loop, l -> new OpenFiles());
    }

    @Override
    public void close() {
        synchronized (lifecycle) {
            state = EdgeAdminState.DOWN;
            Channel l = listener;
            listener = null;
            if (l != null) {
                l.close().syncUninterruptibly();
            }
            connections.close().syncUninterruptibly();
            boss.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
            openFiles.values().forEach(OpenFiles::close); // the loops have ended: no other thread uses them now
            if (filler != null) {
                filler.close();
            }
            store.close();
        }
    }
}
