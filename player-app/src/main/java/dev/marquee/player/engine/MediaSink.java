package dev.marquee.player.engine;

/**
 * Where decrypted MPEG-TS segments go to be decoded and shown. The {@link StreamingEngine} appends segments in
 * presentation order from its thread; the sink plays them and reports how far it got. It never fetches, never
 * decrypts and never writes media to disk. Implementations: {@code VlcMediaSink} (libvlc), test fakes.
 */
public interface MediaSink extends AutoCloseable {

    /** Starts decoding; the first frame follows as soon as enough data was appended. */
    void start();

    /** Queues one decrypted segment; blocks while the sink's queue is full (interruptibly). */
    void append(byte[] mpegTs, long durationUs, int rungIndex) throws InterruptedException;

    /**
     * Queues one decrypted segment of a rung whose playlist gives this picture size. Sinks that change decoders
     * on a change of size (libvlc) prepare for it here; the others ignore the size.
     */
    default void append(byte[] mpegTs, long durationUs, int rungIndex, int width, int height)
            throws InterruptedException {
        append(mpegTs, durationUs, rungIndex);
    }

    /** No more segments: the sink plays what it has and then reports {@link #ended()}. */
    void endOfStream();

    /** Media time shown so far, microseconds from the start of the first appended segment. */
    long positionUs();

    /** Whether it played everything up to {@link #endOfStream()}. */
    boolean ended();

    /** Counters of the decoder and renderer, for stats and tests. */
    SinkStats stats();

    void setPaused(boolean paused);

    /** Volume in percent, 0–100 (audio is on by default). */
    void setVolume(int percent);

    /** Stops playback and frees native resources. */
    @Override
    void close();

    /**
     * @param decodedFrames    pictures decoded (libvlc statistics)
     * @param displayedFrames  pictures handed to the {@link FrameSurface}
     * @param lostFrames       pictures libvlc dropped (late or lost)
     * @param firstFrameNanos  {@link System#nanoTime()} of the first displayed picture, or 0 before it
     */
    record SinkStats(long decodedFrames, long displayedFrames, long lostFrames, long firstFrameNanos) {
    }
}
