package dev.marquee.backend.edge.node;

import static dev.marquee.backend.edge.node.EdgeTestSupport.SIGNER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.backend.edge.EdgeUrlSigner;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlaylistSigningTest {
    private static final long EXP = Instant.parse("2030-01-01T00:00:00Z").getEpochSecond();
    private static final long NOW = EXP - 60;
    private static final String SID = "session-1";

    private static final String MASTER = """
            #EXTM3U
            #EXT-X-VERSION:3
            #EXT-X-STREAM-INF:BANDWIDTH=400000,RESOLUTION=320x180
            180p/index.m3u8
            #EXT-X-STREAM-INF:BANDWIDTH=1200000,RESOLUTION=640x360
            360p/index.m3u8
            """;

    private static final String MEDIA = """
            #EXTM3U
            #EXT-X-MEDIA-SEQUENCE:1
            #EXT-X-KEY:METHOD=AES-128,URI="http://127.0.0.1:8080/api/license/keys/t1",IV=0x00000000000000000000000000000001
            #EXTINF:4.000000,
            seg-00001.ts
            #EXTINF:4.000000,
            seg-00002.ts
            #EXT-X-ENDLIST
            """;

    @Test
    void signsEveryVariantUriForThePathItResolvesTo() {
        List<String> lines = sign(MASTER, "/titles/t1/master.m3u8").lines().toList();

        assertThat(lines.get(3)).startsWith("180p/index.m3u8?exp=" + EXP + "&sid=" + SID + "&sig=");
        assertThat(verdict(lines.get(3), "/titles/t1/master.m3u8")).isEqualTo(EdgeUrlSigner.Verdict.VALID);
        assertThat(verdict(lines.get(5), "/titles/t1/master.m3u8")).isEqualTo(EdgeUrlSigner.Verdict.VALID);
        assertThat(lines.subList(0, 3)).containsExactlyElementsOf(MASTER.lines().toList().subList(0, 3));
    }

    @Test
    void signsSegmentsAndLeavesTheKeyUriAlone() {
        String signed = sign(MEDIA, "/titles/t1/180p/index.m3u8");
        List<String> lines = signed.lines().toList();

        assertThat(lines.get(2)).isEqualTo(MEDIA.lines().toList().get(2));
        assertThat(verdict(lines.get(4), "/titles/t1/180p/index.m3u8")).isEqualTo(EdgeUrlSigner.Verdict.VALID);
        assertThat(verdict(lines.get(6), "/titles/t1/180p/index.m3u8")).isEqualTo(EdgeUrlSigner.Verdict.VALID);
        // A segment signature opens that segment only.
        String sig = lines.get(4).substring(lines.get(4).indexOf("&sig=") + 5);
        assertThat(SIGNER.verify("/titles/t1/180p/seg-00002.ts", Long.toString(EXP), SID, sig, NOW))
                .isEqualTo(EdgeUrlSigner.Verdict.FORGED);
    }

    @Test
    void leavesAbsoluteQueriedAndEscapingUrisAsWritten() {
        String playlist = "#EXTM3U\r\nhttp://elsewhere.example/a.ts\r\nseg.ts?token=x\r\n../../../../etc/passwd\r\n"
                + "a b.ts\r\n";

        assertThat(sign(playlist, "/titles/t1/180p/index.m3u8")).isEqualTo(playlist);
    }

    @Test
    void keepsLineEndingsAndReturnsTheSameBytesWhenNothingIsSigned() {
        byte[] binary = {(byte) 0xff, (byte) 0xfe, '#', '\n', (byte) 0x80};
        assertThat(PlaylistSigning.sign(binary, "/titles/t1/master.m3u8", EXP, SID, SIGNER)).isSameAs(binary);

        String signed = sign("#EXTM3U\r\nseg.ts\r\n", "/titles/t1/x/index.m3u8");
        assertThat(signed).startsWith("#EXTM3U\r\nseg.ts?exp=").endsWith("\r\n");
    }

    private static String sign(String playlist, String path) {
        return new String(PlaylistSigning.sign(playlist.getBytes(StandardCharsets.UTF_8), path, EXP, SID, SIGNER),
                StandardCharsets.UTF_8);
    }

    /** What a node would conclude about the URI line once a player resolved it against the playlist's path. */
    private static EdgeUrlSigner.Verdict verdict(String line, String playlistPath) {
        URI resolved = URI.create("http://edge.invalid" + playlistPath).resolve(line);
        EdgeRequestHandler.SignedQuery q = EdgeRequestHandler.SignedQuery.parse(resolved.getRawQuery());
        return SIGNER.verify(resolved.getRawPath(), q.exp(), q.sid(), q.sig(), NOW);
    }
}
