package dev.marquee.backend.testsupport;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/** Serves a directory over HTTP on a free loopback port: the edge's role, for tests of the encoder alone. */
public final class OriginHttpServer implements AutoCloseable {
    private final HttpServer server;

    public OriginHttpServer(Path root) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        Path base = root.toAbsolutePath().normalize();
        server.createContext("/", exchange -> {
            Path file = base.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
            if (!file.startsWith(base) || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            exchange.sendResponseHeaders(200, Files.size(file));
            try (OutputStream out = exchange.getResponseBody()) {
                Files.copy(file, out);
            }
        });
        server.start();
    }

    public String url(String key) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + key;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
