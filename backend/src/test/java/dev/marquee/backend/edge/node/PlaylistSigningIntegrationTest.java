package dev.marquee.backend.edge.node;

import static dev.marquee.backend.edge.node.EdgeTestSupport.SIGNER;
import static dev.marquee.backend.edge.node.EdgeTestSupport.get;
import static dev.marquee.backend.edge.node.EdgeTestSupport.rawStatusLine;
import static dev.marquee.backend.edge.node.EdgeTestSupport.request;
import static dev.marquee.backend.edge.node.EdgeTestSupport.writeObject;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Token inheritance on a real node: one signed master path opens the title's playlists and segments, and nothing
 * else; a node without a signer serves playlists as stored.
 */
class PlaylistSigningIntegrationTest {
    private static final String MASTER = "#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=400000,RESOLUTION=320x180\n180p/index.m3u8\n";
    private static final String MEDIA = "#EXTM3U\n#EXT-X-MEDIA-SEQUENCE:1\n"
            + "#EXT-X-KEY:METHOD=AES-128,URI=\"http://127.0.0.1:1/api/license/keys/t1\",IV=0x00000000000000000000000000000001\n"
            + "#EXTINF:4.000000,\nseg-00001.ts\n#EXT-X-ENDLIST\n";

    @TempDir
    static Path root;
    static EdgeNode signing;
    static EdgeNode open;
    static byte[] segment;

    @BeforeAll
    static void start() throws Exception {
        Files.createDirectories(root.resolve("titles/t1/180p"));
        Files.writeString(root.resolve("titles/t1/master.m3u8"), MASTER);
        Files.writeString(root.resolve("titles/t1/180p/index.m3u8"), MEDIA);
        segment = writeObject(root, "titles/t1/180p/seg-00001.ts", 50_000);
        signing = EdgeNode.start(EdgeNodeConfig.origin("origin-signing", root, SIGNER));
        open = EdgeNode.start(EdgeNodeConfig.origin("origin-open", root, null));
    }

    @AfterAll
    static void stop() {
        signing.close();
        open.close();
    }

    @Test
    void oneSignedMasterPathOpensPlaylistsAndSegments() throws Exception {
        String master = SIGNER.sign("/titles/t1/master.m3u8", Instant.now().plusSeconds(300), "s1");
        HttpResponse<byte[]> masterReply = get(signing, master);
        assertThat(masterReply.statusCode()).isEqualTo(200);
        String masterText = new String(masterReply.body(), StandardCharsets.UTF_8);
        assertThat(masterReply.headers().firstValueAsLong("content-length")).hasValue(masterReply.body().length);
        assertThat(masterReply.headers().firstValue("cache-control")).hasValue("private, max-age=10");

        String mediaPath = resolve(master, masterText.lines().toList().get(2));
        HttpResponse<byte[]> mediaReply = get(signing, mediaPath);
        assertThat(mediaReply.statusCode()).isEqualTo(200);
        String mediaText = new String(mediaReply.body(), StandardCharsets.UTF_8);
        assertThat(mediaText).contains("URI=\"http://127.0.0.1:1/api/license/keys/t1\"");

        String segmentPath = resolve(mediaPath, mediaText.lines().toList().get(4));
        assertThat(segmentPath).contains("&sid=s1&");
        HttpResponse<byte[]> segmentReply = get(signing, segmentPath);
        assertThat(segmentReply.statusCode()).isEqualTo(200);
        assertThat(segmentReply.body()).isEqualTo(segment);
        // The segment's signature is for that segment: another path with it is refused.
        assertThat(get(signing, segmentPath.replace("seg-00001", "seg-00002")).statusCode()).isEqualTo(403);
    }

    @Test
    void refusesForgedAndExpiredMastersAndTraversal() throws Exception {
        String good = SIGNER.sign("/titles/t1/master.m3u8", Instant.now().plusSeconds(300), "s1");
        String forged = good.replace("sid=s1", "sid=s2");
        assertThat(get(signing, forged).statusCode()).isEqualTo(403);
        assertThat(get(signing, SIGNER.sign("/titles/t1/master.m3u8", Instant.now().minusSeconds(5), "s1"))
                .statusCode()).isEqualTo(403);
        assertThat(rawStatusLine(signing, "GET /titles/t1/../t1/master.m3u8" + good.substring(good.indexOf('?'))
                + " HTTP/1.1\r\nHost: x\r\n\r\n")).contains(" 400 ");
    }

    @Test
    void headRangesAndValidatorsApplyToTheRewrittenBytes() throws Exception {
        String master = SIGNER.sign("/titles/t1/master.m3u8", Instant.now().plusSeconds(300), "s1");
        HttpResponse<byte[]> whole = get(signing, master);
        String etag = whole.headers().firstValue("etag").orElseThrow();
        assertThat(whole.body().length).isGreaterThan(MASTER.length());

        HttpResponse<byte[]> head = EdgeTestSupport.HTTP.send(request(signing, master)
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValueAsLong("content-length")).hasValue(whole.body().length);
        assertThat(head.headers().firstValue("etag")).hasValue(etag);

        HttpResponse<byte[]> range = get(signing, master, "Range", "bytes=10-19");
        assertThat(range.statusCode()).isEqualTo(206);
        assertThat(range.body()).isEqualTo(Arrays.copyOfRange(whole.body(), 10, 20));
        assertThat(range.headers().firstValue("content-range")).hasValue("bytes 10-19/" + whole.body().length);
        assertThat(get(signing, master, "Range", "bytes=100000-").statusCode()).isEqualTo(416);

        assertThat(get(signing, master, "If-None-Match", etag).statusCode()).isEqualTo(304);
        // Another session's master has other signatures, so another validator.
        String other = SIGNER.sign("/titles/t1/master.m3u8", Instant.now().plusSeconds(300), "s2");
        assertThat(get(signing, other).headers().firstValue("etag")).isNotEqualTo(java.util.Optional.of(etag));
    }

    @Test
    void aChildNodeCachesTheStoredPlaylistAndSignsItForTheViewer(@TempDir Path cacheDir) throws Exception {
        try (EdgeNode isp = EdgeNode.start(EdgeNodeConfig.cache("isp-1", dev.marquee.backend.edge.EdgeTier.ISP,
                "us-east-1", cacheDir, 1L << 20, java.util.List.of(signing.baseUrl()), signing.baseUrl(), SIGNER))) {
            for (String session : java.util.List.of("s1", "s2")) { // a miss, then a hit
                String master = SIGNER.sign("/titles/t1/master.m3u8", Instant.now().plusSeconds(300), session);
                String variant = new String(get(isp, master).body(), StandardCharsets.UTF_8).lines().toList().get(2);
                assertThat(variant).startsWith("180p/index.m3u8?exp=").contains("&sid=" + session + "&")
                        .doesNotContain("fill.");
                assertThat(variant.chars().filter(c -> c == '?').count()).isEqualTo(1);
            }
        }
    }

    @Test
    void aNodeWithoutASignerServesPlaylistsAsStored() throws Exception {
        HttpResponse<byte[]> reply = get(open, "/titles/t1/master.m3u8");
        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(new String(reply.body(), StandardCharsets.UTF_8)).isEqualTo(MASTER);
    }

    private static String resolve(String base, String relative) {
        URI uri = URI.create("http://edge.invalid" + base).resolve(relative);
        return uri.getRawPath() + "?" + uri.getRawQuery();
    }
}
