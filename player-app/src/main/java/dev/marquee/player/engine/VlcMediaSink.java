package dev.marquee.player.engine;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import uk.co.caprica.vlcj.factory.MediaPlayerFactory;
import uk.co.caprica.vlcj.media.MediaStatistics;
import uk.co.caprica.vlcj.media.callback.nonseekable.NonSeekableInputStreamMedia;
import uk.co.caprica.vlcj.player.base.MediaPlayer;
import uk.co.caprica.vlcj.player.base.MediaPlayerEventAdapter;
import uk.co.caprica.vlcj.player.embedded.EmbeddedMediaPlayer;
import uk.co.caprica.vlcj.player.embedded.videosurface.CallbackVideoSurface;
import uk.co.caprica.vlcj.player.embedded.videosurface.VideoSurfaceAdapters;
import uk.co.caprica.vlcj.player.embedded.videosurface.callback.BufferFormat;
import uk.co.caprica.vlcj.player.embedded.videosurface.callback.BufferFormatCallback;
import uk.co.caprica.vlcj.player.embedded.videosurface.callback.RenderCallback;
import uk.co.caprica.vlcj.player.embedded.videosurface.callback.format.RV32BufferFormat;

/**
 * A {@link MediaSink} on libvlc (vlcj): decrypted MPEG-TS goes to libvlc through callback media over a bounded
 * in-memory queue ({@link SegmentQueueStream}; no file, no local HTTP server), and pictures come back through a
 * callback video surface into one pixel buffer handed to a {@link FrameSurface}.
 *
 * <p>Rung switches: the buffer format is fixed once, at the top rung's playlist size, whatever size libvlc
 * decodes; libvlc's scaler fills it, so a change of resolution never changes what the UI sees (no re-layout,
 * correct aspect ratio). Frames lost around switches are measured from {@link #frameTimesNanos()}.
 */
public final class VlcMediaSink implements MediaSink {

    /** libvlc options every player needs: no title overlay, no on-screen display. */
    public static final List<String> BASE_OPTIONS = List.of("--no-video-title-show", "--no-osd", "--no-snapshot-preview",
            "--quiet", "--stats");
    /** For tests and benchmarks: no sound device (the dummy output still decodes and clocks audio). */
    public static final String HEADLESS_AUDIO = "--aout=dummy";
    /** Segments held in memory ahead of libvlc's demuxer: with 2–4 s segments, enough for a 30 s buffer goal. */
    public static final int QUEUE_SEGMENTS = 16;
    /** The per-frame time log keeps this many frames (about 18 minutes at 30 fps, 8 bytes each). */
    private static final int FRAME_LOG = 1 << 15;
    /**
     * Longest gap between two pictures that still counts as media time: 10 fps. libvlc reports no play time for a
     * non-seekable callback stream, so the sink keeps its own clock from the pictures it shows; a longer gap is a
     * stall or a pause, not media.
     */
    private static final long MAX_FRAME_INTERVAL_US = 100_000;
    /** MPEG-TS is the only container Marquee's packager writes: skip libvlc's probing to start faster. */
    private static final String DEMUX_TS = ":demux=ts";
    /**
     * libvlc waits this long of data before it starts the clock. The queue is in memory and the streaming engine
     * keeps seconds ahead, so 100 ms (instead of libvlc's 1 s default) is safe and starts faster:
     * network hiccups are absorbed by the engine's buffer, not by libvlc's.
     */
    private static final String[] CACHING = {":file-caching=100", ":network-caching=100", ":live-caching=100"};

    private final int width;
    private final int height;
    private final FrameSurface surface;
    private final MediaPlayerFactory factory;
    private final boolean ownsFactory;
    private final EmbeddedMediaPlayer player;
    private final SegmentQueueStream stream = new SegmentQueueStream(QUEUE_SEGMENTS);
    /** Strong reference for the whole playback: a collected callback media kills playback (notes/stack.md). */
    private final NonSeekableInputStreamMedia media;
    private final AtomicLong displayed = new AtomicLong();
    private final long[] frameTimes = new long[FRAME_LOG];
    private volatile long firstFrameNanos;
    private volatile long mediaClockUs;
    private long lastFrameNanos;
    private volatile boolean ended;
    private volatile boolean closed;

    /**
     * @param width      top rung's {@code RESOLUTION} width
     * @param height     top rung's {@code RESOLUTION} height
     * @param extraArgs  more libvlc options, e.g. {@link #HEADLESS_AUDIO}
     */
    public VlcMediaSink(int width, int height, FrameSurface surface, List<String> extraArgs) {
        this(width, height, surface, newFactory(extraArgs), true);
    }

    /** A libvlc instance with {@link #BASE_OPTIONS} and the given extras; costs ~100 ms+, so make it early. */
    public static MediaPlayerFactory newFactory(List<String> extraArgs) {
        List<String> args = new ArrayList<>(BASE_OPTIONS);
        args.addAll(extraArgs);
        return new MediaPlayerFactory(args);
    }

    /**
     * The {@link Player.Output} of people: a libvlc instance made now (it costs ~100 ms+, so before {@code play()})
     * and a sink on it per play, showing pictures on {@code surface}; closing it releases the instance.
     */
    public static Player.Output output(List<String> extraArgs, FrameSurface surface) {
        MediaPlayerFactory factory = newFactory(extraArgs);
        return new Player.Output() {
            @Override
            public MediaSink newSink(Manifest.VariantStream top) {
                return new VlcMediaSink(top.width(), top.height(), surface, factory);
            }

            @Override
            public void close() {
                factory.release();
            }
        };
    }

    /** A sink on a shared libvlc instance (made ahead of time to start faster); the caller releases it. */
    public VlcMediaSink(int width, int height, FrameSurface surface, MediaPlayerFactory factory) {
        this(width, height, surface, factory, false);
    }

    private VlcMediaSink(int width, int height, FrameSurface surface, MediaPlayerFactory factory, boolean ownsFactory) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("the output size must be positive, was " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        this.surface = surface;
        this.factory = factory;
        this.ownsFactory = ownsFactory;
        this.player = factory.mediaPlayers().newEmbeddedMediaPlayer();
        player.videoSurface().set(new CallbackVideoSurface(new FixedFormat(), new Render(), true,
                VideoSurfaceAdapters.getVideoSurfaceAdapter()));
        player.events().addMediaPlayerEventListener(new MediaPlayerEventAdapter() {
            @Override
            public void finished(MediaPlayer mediaPlayer) {
                ended = true;
            }

            @Override
            public void error(MediaPlayer mediaPlayer) {
                ended = true;
            }
        });
        this.media = new NonSeekableInputStreamMedia() {
            @Override
            protected InputStream onOpenStream() {
                return stream;
            }

            @Override
            protected void onCloseStream(InputStream inputStream) {
                // the queue is closed with the sink
            }

            @Override
            public long onGetSize() {
                return 0;
            }
        };
        surface.format(width, height);
    }

    @Override
    public void start() {
        String[] options = new String[CACHING.length + 1];
        options[0] = DEMUX_TS;
        System.arraycopy(CACHING, 0, options, 1, CACHING.length);
        player.media().play(media, options);
    }

    @Override
    public void append(byte[] mpegTs, long durationUs, int rungIndex) throws InterruptedException {
        stream.put(mpegTs);
    }

    @Override
    public void endOfStream() {
        stream.end();
    }

    @Override
    public long positionUs() {
        return mediaClockUs;
    }

    @Override
    public boolean ended() {
        return ended;
    }

    @Override
    public SinkStats stats() {
        MediaStatistics s = new MediaStatistics();
        long decoded = 0;
        long lost = 0;
        if (!closed && player.media().info() != null && player.media().info().statistics(s)) {
            decoded = s.decodedVideo();
            lost = s.picturesLost();
        }
        return new SinkStats(decoded, displayed.get(), lost, firstFrameNanos);
    }

    /** {@link System#nanoTime()} of each displayed picture, in order (the first {@value #FRAME_LOG} only). */
    public long[] frameTimesNanos() {
        int n = (int) Math.min(displayed.get(), FRAME_LOG);
        long[] copy = new long[n];
        System.arraycopy(frameTimes, 0, copy, 0, n);
        return copy;
    }

    @Override
    public void setPaused(boolean paused) {
        player.controls().setPause(paused);
    }

    @Override
    public void setVolume(int percent) {
        player.audio().setVolume(Math.clamp(percent, 0, 100));
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        stream.close();
        player.controls().stop();
        player.release();
        if (ownsFactory) {
            factory.release();
        }
    }

    private final class FixedFormat implements BufferFormatCallback {
        @Override
        public BufferFormat getBufferFormat(int sourceWidth, int sourceHeight) {
            return new RV32BufferFormat(width, height); // not the (padded) source size: libvlc scales into ours
        }

        @Override
        public void allocatedBuffers(ByteBuffer[] buffers) {
        }
    }

    private final class Render implements RenderCallback {
        @Override
        public void display(MediaPlayer mediaPlayer, ByteBuffer[] nativeBuffers, BufferFormat bufferFormat) {
            long now = System.nanoTime();
            long n = displayed.getAndIncrement();
            if (n == 0) {
                firstFrameNanos = now;
            } else {
                mediaClockUs += Math.min(MAX_FRAME_INTERVAL_US, (now - lastFrameNanos) / 1_000);
            }
            lastFrameNanos = now;
            if (n < FRAME_LOG) {
                frameTimes[(int) n] = now;
            }
            surface.frame(nativeBuffers[0], bufferFormat.getWidth(), bufferFormat.getHeight());
        }
    }
}
