package dev.marquee.backend.topology.internal;

import dev.marquee.backend.topology.Listener;
import dev.marquee.backend.topology.Listeners;
import java.net.InetAddress;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.LifecycleState;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.core.StandardThreadExecutor;
import org.apache.catalina.startup.Tomcat;
import org.apache.coyote.AbstractProtocol;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ApplicationContext;

/**
 * Opens listeners as extra connectors of the embedded Tomcat that serves the backend: each has its own server
 * socket and its own bounded {@link StandardThreadExecutor}, and reaches the same servlet context, so one
 * Spring application serves every instance. See {@code docs/decisions/0006-instances-as-tomcat-connectors.md}.
 */
final class TomcatListeners implements Listeners {
    private static final String PROTOCOL = "org.apache.coyote.http11.Http11NioProtocol";
    /** Connections waiting in the kernel's backlog beyond maxConnections: a short queue, then refusal. */
    private static final int ACCEPT_COUNT = 50;
    /** Requests queued for a busy pool before Tomcat refuses them: a bounded pool must have a bounded queue. */
    private static final int MAX_QUEUED_REQUESTS = 100;
    /**
     * Requests per keep-alive connection: unlimited. Tomcat's default (100) closes a gateway's pooled connection
     * every 100 calls, and the call after pays a new connection on both sides (a tail for nothing on loopback).
     */
    private static final int UNLIMITED_KEEP_ALIVE_REQUESTS = -1;
    /** One spare thread: an idle instance costs one thread, not its whole pool. */
    private static final int MIN_SPARE_THREADS = 1;

    private final ApplicationContext context;

    TomcatListeners(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public Listener open(String name, int maxThreads, int maxConnections) {
        Tomcat tomcat = tomcat();
        StandardThreadExecutor executor = new StandardThreadExecutor();
        executor.setName(name);
        executor.setNamePrefix(name + "-");
        executor.setMaxThreads(maxThreads);
        executor.setMinSpareThreads(Math.min(MIN_SPARE_THREADS, maxThreads));
        executor.setMaxQueueSize(MAX_QUEUED_REQUESTS);
        executor.setDaemon(true);
        Connector connector = new Connector(PROTOCOL);
        connector.setPort(0);
        connector.setThrowOnFailure(true);
        if (connector.getProtocolHandler() instanceof AbstractProtocol<?> protocol) {
            protocol.setAddress(InetAddress.getLoopbackAddress());
            protocol.setMaxConnections(maxConnections);
            protocol.setAcceptCount(ACCEPT_COUNT);
            protocol.setExecutor(executor);
        }
        if (connector.getProtocolHandler() instanceof AbstractHttp11Protocol<?> http) {
            http.setMaxKeepAliveRequests(UNLIMITED_KEEP_ALIVE_REQUESTS);
        }
        try {
            executor.start();
        } catch (LifecycleException e) {
            throw new IllegalStateException("could not start the thread pool of " + name, e);
        }
        tomcat.getService().addConnector(connector);
        if (connector.getState() != LifecycleState.STARTED || connector.getLocalPort() <= 0) {
            stopQuietly(tomcat, connector, executor);
            throw new IllegalStateException("listener " + name + " did not start");
        }
        return new TomcatListener(tomcat, connector, executor, connector.getLocalPort());
    }

    private Tomcat tomcat() {
        if (context instanceof ServletWebServerApplicationContext web) {
            WebServer server = web.getWebServer();
            if (server instanceof TomcatWebServer tomcatServer) {
                return tomcatServer.getTomcat();
            }
        }
        throw new IllegalStateException("listeners need the embedded Tomcat server; this backend runs without one");
    }

    private static void stopQuietly(Tomcat tomcat, Connector connector, StandardThreadExecutor executor) {
        try {
            tomcat.getService().removeConnector(connector);
            if (connector.getState().isAvailable()) {
                connector.stop();
            }
            connector.destroy();
        } catch (LifecycleException | RuntimeException ignored) {
            // Already stopped: nothing left to close.
        }
        try {
            executor.stop();
        } catch (LifecycleException | RuntimeException ignored) {
            // The pool's threads are daemons; they end with the process at the latest.
        }
    }

    private static final class TomcatListener implements Listener {
        private final Tomcat tomcat;
        private final Connector connector;
        private final StandardThreadExecutor executor;
        private final int port;
        private volatile boolean open = true;

        TomcatListener(Tomcat tomcat, Connector connector, StandardThreadExecutor executor, int port) {
            this.tomcat = tomcat;
            this.connector = connector;
            this.executor = executor;
            this.port = port;
        }

        @Override
        public int port() {
            return port;
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        /** Removing the connector stops its endpoint: the server socket and every open connection are closed. */
        @Override
        public synchronized void close() {
            if (!open) {
                return;
            }
            open = false;
            stopQuietly(tomcat, connector, executor);
        }
    }
}
