package dev.marquee.player.engine;

/**
 * Reads and derives decrypted MPEG-TS segments (ISO/IEC 13818-1) for {@link VlcMediaSink}: finds the video stream in
 * the segment's program map, counts its pictures (one PES packet per picture, as every HLS packager writes them)
 * and makes the two pieces a run's player gets after its last segment (see {@link VlcMediaSink}). It never changes
 * the bytes it is given and keeps nothing.
 */
final class TsPackets {

    static final int PACKET_BYTES = 188;
    private static final byte SYNC = 0x47;
    private static final int PAT_PID = 0;
    /** The null packet's PID: demuxers skip it, so it stands in for a removed packet. */
    private static final int NULL_PID = 0x1FFF;
    private static final int PCR_FLAG = 0x10;
    /** PES timestamps are 33 bits at 90 kHz and wrap. */
    private static final long TIMESTAMP_MASK = (1L << 33) - 1;
    /** Stream types of video in a PMT: MPEG-1/2, MPEG-4 part 2, H.264, HEVC, VVC. */
    private static final int[] VIDEO_STREAM_TYPES = {0x01, 0x02, 0x10, 0x1B, 0x24, 0x33};

    /** What one segment holds: the video PID ({@code -1} if none found) and how many pictures start in it. */
    record Scan(int videoPid, int pictures) {
    }

    private TsPackets() {
    }

    /**
     * @param knownVideoPid the video PID from an earlier segment, used when this one has no program map
     */
    static Scan scan(byte[] ts, int knownVideoPid) {
        int pmtPid = -1;
        int videoPid = knownVideoPid;
        int pictures = 0;
        for (int at = 0; at + PACKET_BYTES <= ts.length; at += PACKET_BYTES) {
            if (ts[at] != SYNC) {
                continue;
            }
            int pid = pid(ts, at);
            boolean unitStart = (ts[at + 1] & 0x40) != 0;
            int payload = payloadOffset(ts, at);
            if (payload < 0) {
                continue;
            }
            if (pid == PAT_PID && unitStart && pmtPid < 0) {
                pmtPid = patFirstPmtPid(ts, at, payload);
            } else if (pid == pmtPid && unitStart) {
                int found = pmtVideoPid(ts, at, payload);
                if (found >= 0) {
                    videoPid = found;
                }
            } else if (pid == videoPid && unitStart) {
                pictures++;
            }
        }
        return new Scan(videoPid, pictures);
    }

    /**
     * A copy with the video stream removed: its packets become null packets, so every other stream stays as it was.
     * Packets that carried the program clock (PCR) go too: a demuxer keeps converting timestamps with the clock it
     * has, and what follows is at most a segment of sound.
     */
    static byte[] withoutVideo(byte[] ts, int videoPid) {
        byte[] out = ts.clone();
        for (int at = 0; at + PACKET_BYTES <= out.length; at += PACKET_BYTES) {
            if (out[at] == SYNC && pid(out, at) == videoPid) {
                out[at + 1] = (byte) ((out[at + 1] & 0xE0) | (NULL_PID >> 8));
                out[at + 2] = (byte) (NULL_PID & 0xFF);
            }
        }
        return out;
    }

    /**
     * The video packets of the first {@code pictures} pictures of {@code segment} (it starts with a key picture),
     * as if they came right after it: presentation and decoding times moved by {@code shift90k} (90 kHz ticks),
     * continuity counters going on from the segment's last video packet, clock references removed. Fed after a
     * run's last segment, the key picture makes a decoder give out the pictures it holds back for reordering, so
     * the run's last picture is shown on time; the copies themselves come after the run and are not shown.
     */
    static byte[] keyPictureAfter(byte[] segment, int videoPid, long shift90k, int pictures) {
        int lastCc = -1;
        for (int at = 0; at + PACKET_BYTES <= segment.length; at += PACKET_BYTES) {
            if (segment[at] == SYNC && pid(segment, at) == videoPid) {
                lastCc = segment[at + 3] & 0x0F;
            }
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int starts = 0;
        int cc = lastCc;
        for (int at = 0; at + PACKET_BYTES <= segment.length; at += PACKET_BYTES) {
            if (segment[at] != SYNC || pid(segment, at) != videoPid) {
                continue;
            }
            boolean unitStart = (segment[at + 1] & 0x40) != 0;
            if (unitStart && ++starts > pictures + 1) {
                break; // the start of one more picture ends the last one for the demuxer's packetizer
            }
            byte[] packet = java.util.Arrays.copyOfRange(segment, at, at + PACKET_BYTES);
            int control = (packet[3] >> 4) & 0x3;
            cc = (cc + 1) & 0x0F;
            packet[3] = (byte) ((packet[3] & 0xF0) | cc);
            if ((control == 2 || control == 3) && (packet[4] & 0xFF) > 0) {
                packet[5] &= (byte) ~PCR_FLAG; // the old clock value would jump back: its bytes become stuffing
            }
            int payload = payloadOffset(packet, 0);
            if (unitStart && payload >= 0) {
                shiftPesTimes(packet, payload, shift90k);
            }
            out.writeBytes(packet);
        }
        return out.toByteArray();
    }

    private static void shiftPesTimes(byte[] p, int pes, long shift90k) {
        if (pes + 14 > p.length || p[pes] != 0 || p[pes + 1] != 0 || p[pes + 2] != 1) {
            return;
        }
        int flags = (p[pes + 7] >> 6) & 0x3;
        if (flags >= 2) {
            shiftTimestamp(p, pes + 9, shift90k);
        }
        if (flags == 3 && pes + 19 <= p.length) {
            shiftTimestamp(p, pes + 14, shift90k);
        }
    }

    private static void shiftTimestamp(byte[] p, int at, long shift90k) {
        long t = ((long) (p[at] & 0x0E) << 29) | ((p[at + 1] & 0xFFL) << 22) | ((long) (p[at + 2] & 0xFE) << 14)
                | ((p[at + 3] & 0xFFL) << 7) | ((p[at + 4] & 0xFEL) >> 1);
        t = (t + shift90k) & TIMESTAMP_MASK;
        p[at] = (byte) ((p[at] & 0xF0) | ((t >> 29) & 0x0E) | 1);
        p[at + 1] = (byte) (t >> 22);
        p[at + 2] = (byte) (((t >> 14) & 0xFE) | 1);
        p[at + 3] = (byte) (t >> 7);
        p[at + 4] = (byte) (((t << 1) & 0xFE) | 1);
    }

    private static int pid(byte[] ts, int at) {
        return ((ts[at + 1] & 0x1F) << 8) | (ts[at + 2] & 0xFF);
    }

    /** Where the payload starts, or -1 when the packet has none. */
    private static int payloadOffset(byte[] ts, int at) {
        int control = (ts[at + 3] >> 4) & 0x3;
        if (control == 0 || control == 2) {
            return -1;
        }
        int offset = at + 4;
        if (control == 3) {
            offset += 1 + (ts[at + 4] & 0xFF);
        }
        return offset < at + PACKET_BYTES ? offset : -1;
    }

    private static int patFirstPmtPid(byte[] ts, int at, int payload) {
        int table = payload + 1 + (ts[payload] & 0xFF); // skip the pointer field
        int end = at + PACKET_BYTES;
        if (table + 8 > end) {
            return -1;
        }
        int sectionLength = ((ts[table + 1] & 0x0F) << 8) | (ts[table + 2] & 0xFF);
        int programsEnd = Math.min(end, table + 3 + sectionLength - 4); // minus the CRC
        for (int p = table + 8; p + 4 <= programsEnd; p += 4) {
            int program = ((ts[p] & 0xFF) << 8) | (ts[p + 1] & 0xFF);
            if (program != 0) { // 0 is the network information table
                return ((ts[p + 2] & 0x1F) << 8) | (ts[p + 3] & 0xFF);
            }
        }
        return -1;
    }

    private static int pmtVideoPid(byte[] ts, int at, int payload) {
        int table = payload + 1 + (ts[payload] & 0xFF);
        int end = at + PACKET_BYTES;
        if (table + 12 > end) {
            return -1;
        }
        int sectionLength = ((ts[table + 1] & 0x0F) << 8) | (ts[table + 2] & 0xFF);
        int programInfoLength = ((ts[table + 10] & 0x0F) << 8) | (ts[table + 11] & 0xFF);
        int streamsEnd = Math.min(end, table + 3 + sectionLength - 4);
        for (int s = table + 12 + programInfoLength; s + 5 <= streamsEnd; ) {
            int type = ts[s] & 0xFF;
            int pid = ((ts[s + 1] & 0x1F) << 8) | (ts[s + 2] & 0xFF);
            for (int video : VIDEO_STREAM_TYPES) {
                if (type == video) {
                    return pid;
                }
            }
            s += 5 + (((ts[s + 3] & 0x0F) << 8) | (ts[s + 4] & 0xFF));
        }
        return -1;
    }
}
