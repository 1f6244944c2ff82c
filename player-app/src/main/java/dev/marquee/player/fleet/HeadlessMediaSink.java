package dev.marquee.player.fleet;

import dev.marquee.player.engine.Manifest;
import dev.marquee.player.engine.MediaSink;
import dev.marquee.player.engine.Player;
import java.util.Arrays;

/**
 * A {@link MediaSink} for synthetic viewers: it consumes decrypted MPEG-TS in real time without decoding or
 * rendering anything. The play head starts when the first segment arrives and then follows the wall clock at 1×,
 * never past the end of what was appended, so an empty buffer stops it exactly as it stops a real player (and the
 * streaming engine sees a stall). Every segment is checked to be MPEG-TS (whole 188-byte packets, each starting
 * with the sync byte), so a wrong content key fails playback instead of passing unnoticed. It counts segments,
 * bytes and media time per rung. It keeps no media: appended bytes are checked and dropped.
 *
 * <p>"First frame" is the moment the first segment is appended: there is no decoder, so the startup time it
 * yields is the network, licence and buffering part of a real player's (libvlc adds ~100–300 ms on top).
 *
 * <p>Called from the streaming engine's thread; {@link #stats()} and the counters may be read from any thread.
 */
public final class HeadlessMediaSink implements MediaSink {

    /** MPEG-TS packet size (ISO/IEC 13818-1). */
    static final int TS_PACKET_BYTES = 188;
    /** The byte every MPEG-TS packet starts with. */
    static final byte TS_SYNC_BYTE = 0x47;

    /** Thrown from {@link #append} when a segment is not MPEG-TS, e.g. decrypted with the wrong key. */
    public static final class NotMpegTsException extends IllegalStateException {
        NotMpegTsException(String message) {
            super(message);
        }
    }

    /** A {@link Player.Output} that makes headless sinks; the last one made is kept for the viewer's summary. */
    public static final class Output implements Player.Output {
        private final Clock clock;
        private volatile HeadlessMediaSink last;
        private long segmentsBefore;
        private long bytesBefore;

        public Output(Clock clock) {
            this.clock = clock;
        }

        @Override
        public synchronized MediaSink newSink(Manifest.VariantStream top) {
            HeadlessMediaSink previous = last;
            if (previous != null) { // a seek made a new sink: keep the counts of the old one
                segmentsBefore += previous.segments();
                bytesBefore += previous.bytes();
            }
            last = new HeadlessMediaSink(clock);
            return last;
        }

        /** The sink of the current play, or {@code null} before the engine made one. */
        public HeadlessMediaSink sink() {
            return last;
        }

        public synchronized long segments() {
            return segmentsBefore + (last == null ? 0 : last.segments());
        }

        public synchronized long bytes() {
            return bytesBefore + (last == null ? 0 : last.bytes());
        }

        @Override
        public void close() {
            // nothing native to free
        }
    }

    /** Monotonic time in nanoseconds; {@link System#nanoTime()} in production, a fake in tests. */
    @FunctionalInterface
    public interface Clock {
        Clock SYSTEM = System::nanoTime;

        long nanoTime();
    }

    /** Rungs counted per sink; ladders have a handful (the heartbeat contract allows index 64). */
    private static final int MAX_RUNGS = 65;

    private final Clock clock;
    private final long[] mediaUsByRung = new long[MAX_RUNGS];
    private long appendedUs;
    private long positionUs;
    private long lastUpdateNanos;
    private long firstFrameNanos;
    private long segments;
    private long bytes;
    private boolean started;
    private boolean paused;
    private boolean endOfStream;
    private boolean closed;

    public HeadlessMediaSink(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized void start() {
        started = true;
        lastUpdateNanos = clock.nanoTime();
    }

    /** Checks the segment is MPEG-TS and adds its duration to what can be played; never blocks. */
    @Override
    public void append(byte[] mpegTs, long durationUs, int rungIndex) {
        check(mpegTs, segments);
        synchronized (this) {
            if (closed) {
                return;
            }
            advance();
            if (firstFrameNanos == 0) {
                firstFrameNanos = Math.max(1, clock.nanoTime());
                lastUpdateNanos = firstFrameNanos;
            }
            appendedUs += durationUs;
            mediaUsByRung[Math.clamp(rungIndex, 0, MAX_RUNGS - 1)] += durationUs;
            segments++;
            bytes += mpegTs.length;
        }
    }

    static void check(byte[] segment, long index) {
        if (segment.length == 0 || segment.length % TS_PACKET_BYTES != 0) {
            throw new NotMpegTsException("segment " + index + " is not MPEG-TS: " + segment.length
                    + " bytes is not a whole number of 188-byte packets (wrong content key?)");
        }
        for (int i = 0; i < segment.length; i += TS_PACKET_BYTES) {
            if (segment[i] != TS_SYNC_BYTE) {
                throw new NotMpegTsException("segment " + index + " is not MPEG-TS: packet " + i / TS_PACKET_BYTES
                        + " starts with 0x" + Integer.toHexString(segment[i] & 0xff) + ", not the sync byte 0x47"
                        + " (wrong content key?)");
            }
        }
    }

    @Override
    public synchronized void endOfStream() {
        endOfStream = true;
    }

    @Override
    public synchronized long positionUs() {
        advance();
        return positionUs;
    }

    @Override
    public synchronized boolean ended() {
        advance();
        return endOfStream && positionUs >= appendedUs;
    }

    @Override
    public synchronized SinkStats stats() {
        return new SinkStats(0, 0, 0, firstFrameNanos);
    }

    @Override
    public synchronized void setPaused(boolean pause) {
        advance();
        paused = pause;
    }

    @Override
    public void setVolume(int percent) {
        // no sound
    }

    @Override
    public synchronized void close() {
        advance();
        closed = true;
    }

    public synchronized long segments() {
        return segments;
    }

    public synchronized long bytes() {
        return bytes;
    }

    /** Media time appended per rung index, microseconds. */
    public synchronized long[] mediaUsByRung() {
        return Arrays.copyOf(mediaUsByRung, MAX_RUNGS);
    }

    /** Moves the play head by the wall time since the last look, while playing and up to what was appended. */
    private void advance() {
        long now = clock.nanoTime();
        long elapsedUs = (now - lastUpdateNanos) / 1_000;
        if (started && !paused && !closed && firstFrameNanos != 0) {
            positionUs = Math.min(appendedUs, positionUs + elapsedUs);
        }
        lastUpdateNanos += elapsedUs * 1_000; // keep the sub-microsecond rest: no drift however often it is asked
    }
}
