package dev.marquee.player.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TsPacketsTest {

    private static final int PMT_PID = 0x1000;
    private static final int VIDEO_PID = 0x100;
    private static final int AUDIO_PID = 0x101;

    @Test
    void countsPicturesOnTheVideoPidFoundInTheProgramMap() {
        byte[] ts = segment(3, 1_000);

        TsPackets.Scan scan = TsPackets.scan(ts, -1);

        assertThat(scan.videoPid()).isEqualTo(VIDEO_PID);
        assertThat(scan.pictures()).isEqualTo(3);
    }

    @Test
    void withoutVideoTurnsVideoPacketsIntoNullPacketsAndKeepsTheRest() {
        byte[] ts = segment(3, 1_000);

        byte[] audioOnly = TsPackets.withoutVideo(ts, VIDEO_PID);

        assertThat(audioOnly).hasSameSizeAs(ts);
        assertThat(TsPackets.scan(audioOnly, -1).pictures()).isZero();
        assertThat(pids(audioOnly)).doesNotContain(VIDEO_PID).contains(AUDIO_PID, 0x1FFF);
    }

    @Test
    void keyPictureAfterShiftsTimesAndContinuesTheCounters() {
        byte[] ts = segment(5, 1_000);

        byte[] key = TsPackets.keyPictureAfter(ts, VIDEO_PID, 180_000, 2);

        // two pictures and the start of a third, all on the video PID, times moved by 2 s
        assertThat(key.length / TsPackets.PACKET_BYTES).isEqualTo(3);
        assertThat(pts(key, 0)).isEqualTo(1_000 + 180_000);
        assertThat(pts(key, 1)).isEqualTo(1_000 + 3_600 + 180_000);
        int lastCcInSegment = 4; // five video packets, counters 0..4
        assertThat(key[3] & 0x0F).isEqualTo(lastCcInSegment + 1);
        assertThat(key[TsPackets.PACKET_BYTES + 3] & 0x0F).isEqualTo(lastCcInSegment + 2);
    }

    /** PAT, PMT (H.264 video, AAC audio), then per picture one video PES packet and one audio packet. */
    private static byte[] segment(int pictures, long firstPts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(section(0, new byte[] {0x00, 0x00, (byte) 0xB0, 0x0D, 0x00, 0x01, (byte) 0xC1, 0x00, 0x00,
                0x00, 0x01, (byte) (0xE0 | PMT_PID >> 8), (byte) PMT_PID, 0, 0, 0, 0}));
        out.writeBytes(section(PMT_PID, new byte[] {0x00, 0x02, (byte) 0xB0, 0x17, 0x00, 0x01, (byte) 0xC1, 0x00,
                0x00, (byte) 0xE1, 0x00, (byte) 0xF0, 0x00,
                0x1B, (byte) (0xE0 | VIDEO_PID >> 8), (byte) VIDEO_PID, (byte) 0xF0, 0x00,
                0x0F, (byte) (0xE0 | AUDIO_PID >> 8), (byte) AUDIO_PID, (byte) 0xF0, 0x00, 0, 0, 0, 0}));
        for (int i = 0; i < pictures; i++) {
            byte[] video = packet(VIDEO_PID, true, i);
            byte[] pes = {0, 0, 1, (byte) 0xE0, 0, 0, (byte) 0x80, (byte) 0x80, 5, 0, 0, 0, 0, 0};
            writePts(pes, 9, firstPts + i * 3_600L);
            System.arraycopy(pes, 0, video, 4, pes.length);
            out.writeBytes(video);
            out.writeBytes(packet(AUDIO_PID, true, i));
        }
        return out.toByteArray();
    }

    private static byte[] section(int pid, byte[] payload) {
        byte[] p = packet(pid, true, 0);
        System.arraycopy(payload, 0, p, 4, payload.length);
        return p;
    }

    private static byte[] packet(int pid, boolean unitStart, int cc) {
        byte[] p = new byte[TsPackets.PACKET_BYTES];
        Arrays.fill(p, (byte) 0xFF);
        p[0] = 0x47;
        p[1] = (byte) ((unitStart ? 0x40 : 0) | pid >> 8);
        p[2] = (byte) pid;
        p[3] = (byte) (0x10 | (cc & 0x0F));
        return p;
    }

    private static void writePts(byte[] p, int at, long t) {
        p[at] = (byte) (0x21 | ((t >> 29) & 0x0E));
        p[at + 1] = (byte) (t >> 22);
        p[at + 2] = (byte) (((t >> 14) & 0xFE) | 1);
        p[at + 3] = (byte) (t >> 7);
        p[at + 4] = (byte) (((t << 1) & 0xFE) | 1);
    }

    private static long pts(byte[] ts, int packet) {
        int at = packet * TsPackets.PACKET_BYTES + 4 + 9;
        return ((long) (ts[at] & 0x0E) << 29) | ((ts[at + 1] & 0xFFL) << 22) | ((long) (ts[at + 2] & 0xFE) << 14)
                | ((ts[at + 3] & 0xFFL) << 7) | ((ts[at + 4] & 0xFEL) >> 1);
    }

    private static java.util.Set<Integer> pids(byte[] ts) {
        java.util.Set<Integer> pids = new java.util.HashSet<>();
        for (int at = 0; at < ts.length; at += TsPackets.PACKET_BYTES) {
            pids.add(((ts[at + 1] & 0x1F) << 8) | (ts[at + 2] & 0xFF));
        }
        return pids;
    }
}
