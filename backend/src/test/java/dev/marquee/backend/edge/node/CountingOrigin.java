package dev.marquee.backend.edge.node;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A plain origin for fill tests that counts the reads of each object and can hold them at a gate, so a test
 * can have many misses in flight at once. It checks no signature (the nodes under test do).
 */
final class CountingOrigin implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, AtomicInteger> reads = new ConcurrentHashMap<>();
    private volatile CountDownLatch gate = new CountDownLatch(0);

    CountingOrigin(Path root) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            String key = exchange.getRequestURI().getPath().substring(1);
            reads.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            try {
                gate.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Path file = root.resolve(key);
            if (!Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            byte[] body = Files.readAllBytes(file);
            exchange.getResponseHeaders().add("Last-Modified", "Wed, 21 Oct 2026 07:28:00 GMT");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    int reads(String key) {
        AtomicInteger n = reads.get(key);
        return n == null ? 0 : n.get();
    }

    /** Holds every request until {@link #open()}. */
    void close(CountDownLatch newGate) {
        gate = newGate;
    }

    void open() {
        gate.countDown();
    }

    @Override
    public void close() {
        gate.countDown();
        server.stop(0);
    }
}
