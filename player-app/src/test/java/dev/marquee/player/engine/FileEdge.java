package dev.marquee.player.engine;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;

/** A loopback "edge" serving the fixture's files, with a hook to degrade answers (503, stalls, throttling). */
final class FileEdge implements AutoCloseable {

    final MockWebServer server = new MockWebServer();
    final String nodeId;
    final AtomicInteger segmentRequests = new AtomicInteger();
    private final Path root;
    volatile UnaryOperator<MockResponse.Builder> shaper = UnaryOperator.identity();

    FileEdge(Path root, String nodeId) throws IOException {
        this.root = root;
        this.nodeId = nodeId;
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return serve(request.getUrl().encodedPath());
            }
        });
        server.start(InetAddress.getLoopbackAddress(), 0);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getPort();
    }

    private MockResponse serve(String path) {
        Path file = root.resolve(path.substring(1)).normalize();
        if (!file.startsWith(root) || !Files.isRegularFile(file)) {
            return new MockResponse.Builder().code(404).build();
        }
        try {
            MockResponse.Builder ok = new MockResponse.Builder().code(200).setHeader("X-Cache", "HIT")
                    .setHeader("X-Marquee-Node", nodeId).body(new Buffer().write(Files.readAllBytes(file)));
            if (path.endsWith(".ts")) {
                segmentRequests.incrementAndGet();
                return shaper.apply(ok).build();
            }
            return ok.build();
        } catch (IOException e) {
            return new MockResponse.Builder().code(500).build();
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
