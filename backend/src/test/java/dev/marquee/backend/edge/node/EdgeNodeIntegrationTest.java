package dev.marquee.backend.edge.node;

import static dev.marquee.backend.edge.node.EdgeTestSupport.HTTP;
import static dev.marquee.backend.edge.node.EdgeTestSupport.SIGNER;
import static dev.marquee.backend.edge.node.EdgeTestSupport.get;
import static dev.marquee.backend.edge.node.EdgeTestSupport.getSigned;
import static dev.marquee.backend.edge.node.EdgeTestSupport.rawStatusLine;
import static dev.marquee.backend.edge.node.EdgeTestSupport.request;
import static dev.marquee.backend.edge.node.EdgeTestSupport.signed;
import static dev.marquee.backend.edge.node.EdgeTestSupport.writeObject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marquee.backend.edge.EdgeAdminState;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One node (origin role, so no fills) on a real loopback socket: the HTTP surface and its refusals. */
class EdgeNodeIntegrationTest {

    private static final String SEGMENT = "titles/t1/720p/seg-00001.ts";
    private static final int SEGMENT_BYTES = 300_000;

    @TempDir
    static Path root;
    static EdgeNode node;
    static byte[] segment;

    @BeforeAll
    static void start() throws Exception {
        segment = writeObject(root, SEGMENT, SEGMENT_BYTES);
        writeObject(root, "titles/t1/master.m3u8", 100);
        node = EdgeNode.start(EdgeNodeConfig.origin("origin-test", root, SIGNER));
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void servesWholeObjectsWithValidatorsAndCachePolicy() throws Exception {
        HttpResponse<byte[]> response = getSigned(node, SEGMENT);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(segment);
        assertThat(response.headers().firstValue("content-type")).hasValue("video/mp2t");
        assertThat(response.headers().firstValue("cache-control")).hasValue("public, max-age=31536000, immutable");
        assertThat(response.headers().firstValue("etag")).hasValueSatisfying(e -> assertThat(e).startsWith("\""));
        assertThat(getSigned(node, "titles/t1/master.m3u8").headers().firstValue("cache-control"))
                .hasValue("private, max-age=10"); // signed for one session: see PlaylistSigning
    }

    @Test
    void answersHeadWithHeadersOnly() throws Exception {
        HttpResponse<byte[]> response = HTTP.send(request(node, signed(SEGMENT))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-length")).hasValue(Integer.toString(SEGMENT_BYTES));
        assertThat(response.body()).isEmpty();
    }

    @Test
    void servesSingleByteRangesAndRefusesUnsatisfiableOnes() throws Exception {
        HttpResponse<byte[]> part = getSigned(node, SEGMENT, "Range", "bytes=1000-1999");
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.headers().firstValue("content-range")).hasValue("bytes 1000-1999/" + SEGMENT_BYTES);
        assertThat(part.body()).isEqualTo(Arrays.copyOfRange(segment, 1000, 2000));

        HttpResponse<byte[]> tail = getSigned(node, SEGMENT, "Range", "bytes=-10");
        assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(segment, SEGMENT_BYTES - 10, SEGMENT_BYTES));

        HttpResponse<byte[]> beyond = getSigned(node, SEGMENT, "Range", "bytes=" + SEGMENT_BYTES + "-");
        assertThat(beyond.statusCode()).isEqualTo(416);
        assertThat(beyond.headers().firstValue("content-range")).hasValue("bytes */" + SEGMENT_BYTES);
    }

    @Test
    void answersNotModifiedWhenTheEtagMatches() throws Exception {
        String etag = getSigned(node, SEGMENT).headers().firstValue("etag").orElseThrow();
        HttpResponse<byte[]> again = getSigned(node, SEGMENT, "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(getSigned(node, SEGMENT, "If-None-Match", "\"other\"").statusCode()).isEqualTo(200);
    }

    @Test
    void refusesForgedExpiredAndUnsignedUrls() throws Exception {
        String good = signed(SEGMENT);
        String forged = good.substring(0, good.length() - 3) + (good.endsWith("AAA") ? "BBB" : "AAA");
        assertThat(get(node, forged).statusCode()).isEqualTo(403);
        assertThat(get(node, SIGNER.sign("/" + SEGMENT, Instant.now().minusSeconds(5), "s")).statusCode())
                .isEqualTo(403);
        HttpResponse<byte[]> unsigned = get(node, "/" + SEGMENT);
        assertThat(unsigned.statusCode()).isEqualTo(403);
        assertThat(unsigned.headers().firstValue("content-type")).hasValue("application/problem+json");
        String otherPath = good.replace("seg-00001", "seg-00002");
        assertThat(get(node, otherPath).statusCode()).isEqualTo(403);
    }

    @Test
    void refusesPathTraversalBeforeLookingAtSignatures() throws IOException {
        assertThat(rawStatusLine(node, "GET /titles/../../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n")).contains(" 400 ");
        assertThat(rawStatusLine(node, "GET /titles/%2e%2e/x.ts HTTP/1.1\r\nHost: x\r\n\r\n")).contains(" 400 ");
    }

    @Test
    void refusesOtherMethodsAndOversizedRequests() throws Exception {
        HttpResponse<byte[]> delete = HTTP.send(request(node, signed(SEGMENT)).DELETE().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(delete.statusCode()).isEqualTo(405);
        assertThat(delete.headers().firstValue("allow")).hasValue("GET, HEAD");
        assertThat(rawStatusLine(node, "GET /" + "a".repeat(EdgeNode.MAX_REQUEST_LINE_BYTES) + " HTTP/1.1\r\n\r\n"))
                .contains(" 414 ");
        assertThat(rawStatusLine(node, "GET /a.ts HTTP/1.1\r\nX-Big: " + "b".repeat(EdgeNode.MAX_HEADER_BYTES)
                + "\r\n\r\n")).contains(" 431 ");
    }

    @Test
    void keepsServingOnOneKeptAliveConnection() throws Exception {
        // The JDK client reuses its pooled connection; the node must answer each request on it in turn.
        for (int i = 0; i < 5; i++) {
            assertThat(getSigned(node, SEGMENT, "Range", "bytes=0-" + i).body()).hasSize(i + 1);
        }
        assertThat(node.statsSnapshot().requests()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void answersPipelinedRequestsInOrderWithExactBytes() throws Exception {
        // The first answer's head goes to the kernel directly (MSG_MORE), the later ones queue behind its body.
        if (EdgeNode.nativeTransport()) {
            assertThat(HeadSender.AVAILABLE).as("send(MSG_MORE) linked on Linux").isTrue();
        }
        String host = " HTTP/1.1\r\nHost: x\r\n";
        String requests = "GET " + signed(SEGMENT) + host + "\r\n"
                + "GET " + signed(SEGMENT) + host + "Range: bytes=100-199\r\n\r\n"
                + "HEAD " + signed(SEGMENT) + host + "\r\n"
                + "GET /" + SEGMENT + host + "\r\n" // unsigned: 403 with a problem body
                + "GET " + signed(SEGMENT) + host + "Connection: close\r\n\r\n";
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", node.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(requests.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            java.io.InputStream in = new java.io.BufferedInputStream(socket.getInputStream());

            RawResponse whole = RawResponse.read(in, false);
            assertThat(whole.status()).isEqualTo("HTTP/1.1 200 OK");
            assertThat(whole.body()).isEqualTo(segment);
            assertThat(whole.headers()).contains("X-Cache: HIT", "Content-Type: video/mp2t");
            RawResponse part = RawResponse.read(in, false);
            assertThat(part.status()).isEqualTo("HTTP/1.1 206 Partial Content");
            assertThat(part.headers()).contains("Content-Range: bytes 100-199/" + SEGMENT_BYTES);
            assertThat(part.body()).isEqualTo(Arrays.copyOfRange(segment, 100, 200));
            RawResponse head = RawResponse.read(in, true);
            assertThat(head.status()).isEqualTo("HTTP/1.1 200 OK");
            assertThat(head.headers()).contains("Content-Length: " + SEGMENT_BYTES);
            assertThat(RawResponse.read(in, false).status()).isEqualTo("HTTP/1.1 403 Forbidden");
            RawResponse last = RawResponse.read(in, false);
            assertThat(last.headers()).contains("Connection: close");
            assertThat(last.body()).isEqualTo(segment);
            assertThat(in.read()).isEqualTo(-1); // and the node closed the connection
        }
    }

    /** One HTTP/1.1 response read off a socket: status line, header lines, and Content-Length bytes of body. */
    private record RawResponse(String status, java.util.List<String> headers, byte[] body) {
        static RawResponse read(java.io.InputStream in, boolean head) throws IOException {
            String status = line(in);
            java.util.List<String> headers = new java.util.ArrayList<>();
            int length = 0;
            for (String h = line(in); !h.isEmpty(); h = line(in)) {
                headers.add(h);
                if (h.regionMatches(true, 0, "content-length:", 0, 15)) {
                    length = Integer.parseInt(h.substring(15).trim());
                }
            }
            return new RawResponse(status, headers, head ? new byte[0] : in.readNBytes(length));
        }

        private static String line(java.io.InputStream in) throws IOException {
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new java.io.EOFException("connection closed mid-line: " + line);
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }
    }

    @Test
    void downNodeRefusesConnectionsAndDrainingReportsItselfUnhealthy() throws Exception {
        EdgeNode other = EdgeNode.start(EdgeNodeConfig.origin("origin-state", root, SIGNER));
        try {
            assertThat(get(other, "/health").statusCode()).isEqualTo(200);
            other.setState(EdgeAdminState.DRAINING);
            assertThat(get(other, "/health").statusCode()).isEqualTo(503);
            assertThat(getSigned(other, SEGMENT).statusCode()).isEqualTo(200);

            other.setState(EdgeAdminState.DOWN);
            assertThat(other.listening()).isFalse();
            assertThatThrownBy(() -> getSigned(other, SEGMENT)).isInstanceOf(IOException.class);

            other.setState(EdgeAdminState.UP);
            assertThat(getSigned(other, SEGMENT).statusCode()).isEqualTo(200);
        } finally {
            other.close();
        }
    }
}
