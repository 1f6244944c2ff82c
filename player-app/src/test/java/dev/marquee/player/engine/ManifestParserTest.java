package dev.marquee.player.engine;

import dev.marquee.player.engine.Manifest.MasterPlaylist;
import dev.marquee.player.engine.Manifest.MediaPlaylist;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ManifestParserTest {

    private final ManifestParser parser = new ManifestParser();

    @Test
    void readsVariantsLowestFirstWithResolutionCodecsAndAverageBandwidth() throws Exception {
        MasterPlaylist master = parser.parseMaster("""
                #EXTM3U
                #EXT-X-VERSION:3
                #EXT-X-STREAM-INF:BANDWIDTH=2000000,AVERAGE-BANDWIDTH=1500000,RESOLUTION=1280x720,CODECS="avc1.64001f,mp4a.40.2"
                720p/index.m3u8?exp=1&sid=s&sig=x
                #EXT-X-STREAM-INF:BANDWIDTH=500000,RESOLUTION=640x360
                360p/index.m3u8
                """, "/titles/t1/master.m3u8");
        assertThat(master.variants()).hasSize(2);
        var low = master.variants().getFirst();
        var high = master.variants().getLast();
        assertThat(low.uri()).isEqualTo("/titles/t1/360p/index.m3u8");
        assertThat(low.toVariant()).isEqualTo(new Variant("360p", 500_000, 360));
        assertThat(high.uri()).isEqualTo("/titles/t1/720p/index.m3u8?exp=1&sid=s&sig=x");
        assertThat(high.codecs()).isEqualTo("avc1.64001f,mp4a.40.2");
        assertThat(high.width()).isEqualTo(1280);
        assertThat(high.toVariant().bandwidthBps()).isEqualTo(1_500_000);
    }

    @Test
    void readsSegmentsKeysAndIvs() throws Exception {
        MediaPlaylist media = parser.parseMedia("""
                #EXTM3U
                #EXT-X-TARGETDURATION:4
                #EXT-X-MEDIA-SEQUENCE:7
                #EXT-X-KEY:METHOD=AES-128,URI="../keys/k1",IV=0x000102030405060708090a0b0c0d0e0f
                #EXTINF:4.000,
                seg000.ts
                #EXT-X-KEY:METHOD=AES-128,URI="../keys/k1"
                #EXTINF:2.5,
                seg001.ts?exp=9&sid=a&sig=b
                #EXT-X-ENDLIST
                """, "/titles/t1/360p/index.m3u8");
        assertThat(media.targetDurationUs()).isEqualTo(4_000_000);
        assertThat(media.endList()).isTrue();
        assertThat(media.totalDurationUs()).isEqualTo(6_500_000);
        var first = media.segments().getFirst();
        assertThat(first.uri()).isEqualTo("/titles/t1/360p/seg000.ts");
        assertThat(first.key().uri()).isEqualTo("/titles/t1/keys/k1");
        assertThat(first.key().keyId()).isEqualTo("k1");
        assertThat(HexFormat.of().formatHex(first.key().iv())).isEqualTo("000102030405060708090a0b0c0d0e0f");
        var second = media.segments().get(1);
        assertThat(second.uri()).isEqualTo("/titles/t1/360p/seg001.ts?exp=9&sid=a&sig=b");
        // no IV attribute: the media sequence number (7 + 1) as a big-endian 128-bit IV, RFC 8216 §5.2
        assertThat(HexFormat.of().formatHex(second.key().iv())).isEqualTo("00000000000000000000000000000008");
    }

    @Test
    void refusesBrokenPlaylistsWithTheLine() {
        assertThatThrownBy(() -> parser.parseMaster("<html>", "/m.m3u8")).isInstanceOf(ManifestException.class)
                .hasMessageContaining("#EXTM3U");
        assertThatThrownBy(() -> parser.parseMaster("#EXTM3U\n#EXT-X-STREAM-INF:RESOLUTION=1x1\na.m3u8\n", "/m.m3u8"))
                .hasMessageContaining("line 2").hasMessageContaining("BANDWIDTH");
        assertThatThrownBy(() -> parser.parseMedia("#EXTM3U\n#EXT-X-TARGETDURATION:4\n#EXTINF:abc,\ns.ts\n", "/m.m3u8"))
                .hasMessageContaining("line 3").hasMessageContaining("EXTINF");
        assertThatThrownBy(() -> parser.parseMedia("#EXTM3U\n#EXT-X-TARGETDURATION:4\n"
                + "#EXT-X-KEY:METHOD=SAMPLE-AES,URI=\"k\"\n#EXTINF:4,\ns.ts\n", "/m.m3u8"))
                .hasMessageContaining("SAMPLE-AES");
        assertThatThrownBy(() -> parser.parseMedia("#EXTM3U\n#EXTINF:4,\ns.ts\n", "/m.m3u8"))
                .hasMessageContaining("TARGETDURATION");
        assertThatThrownBy(() -> parser.parseMedia("#EXTM3U\n#EXT-X-TARGETDURATION:4\n"
                + "#EXT-X-KEY:METHOD=AES-128,URI=\"k\",IV=0x01\n#EXTINF:4,\ns.ts\n", "/m.m3u8"))
                .hasMessageContaining("IV");
    }
}
