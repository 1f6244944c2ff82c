package dev.marquee.backend.edge.node;

import dev.marquee.backend.edge.EdgeUrlSigner;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;

/** Shared fixtures for the edge node tests: a key, object files, signed requests, a raw socket. */
final class EdgeTestSupport {

    static final byte[] KEY = "test-key-test-key-test-key-12345".getBytes(StandardCharsets.US_ASCII);
    static final EdgeUrlSigner SIGNER = new EdgeUrlSigner(KEY);
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private EdgeTestSupport() {}

    /** Writes {@code size} pseudo-random bytes (seeded by the key) as an origin object; returns them. */
    static byte[] writeObject(Path root, String key, int size) throws IOException {
        byte[] bytes = new byte[size];
        new Random(key.hashCode()).nextBytes(bytes);
        Path file = root.resolve(key);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        return bytes;
    }

    static String signed(String key) {
        return SIGNER.sign("/" + key, Instant.now().plusSeconds(300), "test-session");
    }

    static HttpRequest.Builder request(EdgeNode node, String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(node.baseUrl() + pathAndQuery)).timeout(Duration.ofSeconds(20));
    }

    static HttpResponse<byte[]> get(EdgeNode node, String pathAndQuery, String... headers) throws Exception {
        HttpRequest.Builder b = request(node, pathAndQuery).GET();
        if (headers.length > 0) {
            b.headers(headers);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static HttpResponse<byte[]> getSigned(EdgeNode node, String key, String... headers) throws Exception {
        return get(node, signed(key), headers);
    }

    /** Sends raw bytes and returns the status line: for requests an HTTP client would refuse to send. */
    static String rawStatusLine(EdgeNode node, String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", node.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = in.read()) >= 0 && c != '\r') {
                line.append((char) c);
            }
            return line.toString();
        }
    }
}
