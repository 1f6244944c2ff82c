package dev.marquee.player.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import uk.co.caprica.vlcj.factory.MediaPlayerFactory;
import uk.co.caprica.vlcj.media.MediaStatistics;
import uk.co.caprica.vlcj.media.callback.DefaultCallbackMedia;
import uk.co.caprica.vlcj.media.callback.nonseekable.NonSeekableInputStreamMedia;
import uk.co.caprica.vlcj.player.base.MediaPlayer;
import uk.co.caprica.vlcj.player.base.MediaPlayerEventAdapter;
import uk.co.caprica.vlcj.player.embedded.EmbeddedMediaPlayer;
import uk.co.caprica.vlcj.player.embedded.videosurface.CallbackVideoSurface;
import uk.co.caprica.vlcj.player.embedded.videosurface.VideoSurfaceAdapters;
import uk.co.caprica.vlcj.player.embedded.videosurface.callback.BufferFormat;
import uk.co.caprica.vlcj.player.embedded.videosurface.callback.BufferFormatCallback;
import uk.co.caprica.vlcj.player.embedded.videosurface.callback.format.RV32BufferFormat;

/**
 * One libvlc media player playing one <em>run</em> of a {@link VlcMediaSink}: consecutive segments of one
 * resolution, read from its own in-memory {@link SegmentQueueStream}. It holds the run's counters and, while it
 * waits to take over from the run before it ("warm"), copies of the pictures libvlc showed hidden. It decides
 * nothing: the sink drives it and receives its pictures.
 */
final class VlcRun {

    /** Where a run is in its life; only the sink changes it. */
    enum State { NEW, CURRENT, WARMING, HELD, RETIRED }

    /** Receives the run's pictures (libvlc's video thread) and its end. */
    interface Owner {
        void picture(VlcRun run, ByteBuffer bgra, int width, int height);

        void finished(VlcRun run, boolean error);
    }

    /** A copy of a picture shown while the run was hidden, and when libvlc showed it. */
    record Held(ByteBuffer bgra, long fingerprint, long shownNanos) {
    }

    /** Pixels sampled for a picture's fingerprint: enough to tell two video pictures apart, cheap at any size. */
    private static final int FINGERPRINT_SAMPLES = 1_024;

    final SegmentQueueStream stream = new SegmentQueueStream(VlcMediaSink.QUEUE_SEGMENTS);
    final EmbeddedMediaPlayer player;
    /** Strong reference for the whole run: a collected callback media kills playback (notes/stack.md). */
    private final uk.co.caprica.vlcj.media.callback.CallbackMedia media;
    private final List<Held> held = new ArrayList<>();

    volatile State state = State.NEW;
    volatile int width;
    volatile int height;
    /** Pictures and media time appended to this run; final once {@link #complete} is set. */
    volatile long pictures;
    volatile long durationUs;
    /** The last segment appended to this run and its duration (for the key picture fed after the run). */
    volatile byte[] lastSegment;
    volatile long lastSegmentUs;
    /** No more video comes to this run: the next segment went to another run. */
    volatile boolean complete;
    volatile boolean started;
    volatile boolean ended;
    /** Pictures of this run shown to the viewer, counted once each (libvlc repeats a picture when the next is late). */
    volatile long shown;
    volatile long lastNewPictureNanos;
    volatile long lastFingerprint;
    volatile long lastPictureNanos;
    /** While true the run has just been resumed: a repeat of its last held picture is not shown again. */
    volatile boolean resuming;
    /** {@link System#nanoTime()} at which libvlc took the pause, and from when the held pictures are final. */
    volatile long pauseNanos;
    volatile long readyNanos;
    volatile boolean pauseRequested;

    /**
     * @param pausable  a media libvlc can pause (needed to hold a warm run); otherwise the plain live stream that
     *                  plays through data gaps, as one-player playback always had
     */
    VlcRun(MediaPlayerFactory factory, int outputWidth, int outputHeight, Owner owner, boolean pausable) {
        this.player = factory.mediaPlayers().newEmbeddedMediaPlayer();
        player.videoSurface().set(new CallbackVideoSurface(new BufferFormatCallback() {
            @Override
            public BufferFormat getBufferFormat(int sourceWidth, int sourceHeight) {
                return new RV32BufferFormat(outputWidth, outputHeight); // libvlc scales into the top rung's size
            }

            @Override
            public void allocatedBuffers(ByteBuffer[] buffers) {
            }
        }, (MediaPlayer mediaPlayer, ByteBuffer[] buffers, BufferFormat format) ->
                owner.picture(this, buffers[0], format.getWidth(), format.getHeight()),
                true, VideoSurfaceAdapters.getVideoSurfaceAdapter()));
        player.events().addMediaPlayerEventListener(new MediaPlayerEventAdapter() {
            @Override
            public void finished(MediaPlayer mediaPlayer) {
                owner.finished(VlcRun.this, false);
            }

            @Override
            public void error(MediaPlayer mediaPlayer) {
                owner.finished(VlcRun.this, true);
            }
        });
        this.media = pausable ? new PausableStreamMedia(stream) : new LiveStreamMedia(stream);
    }

    /** Starts libvlc on this run's queue; hidden runs start silent. */
    void start(String[] options, boolean silent) {
        if (silent) {
            player.audio().setVolume(0);
            player.audio().setMute(true);
        }
        player.media().play(media, options);
        started = true;
    }

    /** Mean picture duration of the run, from the playlist's durations and the pictures counted in the segments. */
    long pictureDurationNanos() {
        long n = pictures;
        return n == 0 ? 40_000_000 : durationUs * 1_000 / n;
    }

    synchronized void hold(ByteBuffer bgra, long fingerprint, long nowNanos, int max) {
        if (held.size() >= max) {
            return;
        }
        ByteBuffer copy = ByteBuffer.allocate(bgra.remaining());
        copy.put(bgra.duplicate()).flip();
        held.add(new Held(copy, fingerprint, nowNanos));
    }

    synchronized List<Held> held() {
        return List.copyOf(held);
    }

    synchronized void dropHeld() {
        held.clear();
    }

    MediaStatistics statistics() {
        MediaStatistics s = new MediaStatistics();
        if (started && state != State.RETIRED && player.media().info() != null && player.media().info().statistics(s)) {
            return s;
        }
        return null;
    }

    /** Pauses libvlc (its clock too: on {@link #resume()} every picture comes as much later as it was paused). */
    void pause() {
        player.controls().setPause(true);
    }

    void setPaused(boolean pause) {
        if (pause) {
            pause();
        } else {
            resume();
        }
    }

    void resume() {
        player.controls().setPause(false);
    }

    /** A cheap identity of a picture: libvlc showing the same picture again gives the same value. */
    static long fingerprint(ByteBuffer bgra) {
        int ints = bgra.capacity() / 4;
        int step = Math.max(1, ints / FINGERPRINT_SAMPLES);
        long h = 1_125_899_906_842_597L;
        for (int i = 0; i < ints; i += step) {
            h = 31 * h + bgra.getInt(i * 4);
        }
        return h;
    }

    /** Stops libvlc and frees the player; never call it from one of libvlc's threads. */
    void release() {
        stream.close();
        if (started) {
            player.controls().stop();
        }
        player.release();
        dropHeld();
    }

    /**
     * Callback media over the run's queue that libvlc can pause: libvlc ignores a pause of a stream it cannot seek
     * (measured: it plays on), so this one declares seeking and accepts a seek only to where it already is, which
     * the TS demuxer never asks beyond (the size is unknown, so it does not probe the end).
     */
    private static final class PausableStreamMedia extends DefaultCallbackMedia {
        private final SegmentQueueStream stream;
        private long readBytes;

        PausableStreamMedia(SegmentQueueStream stream) {
            super(true);
            this.stream = stream;
        }

        @Override
        protected boolean onOpen() {
            return true;
        }

        @Override
        protected int onRead(byte[] buffer, int length) throws IOException {
            int n = stream.read(buffer, 0, length);
            if (n > 0) {
                readBytes += n;
            }
            return n;
        }

        @Override
        protected boolean onSeek(long offset) {
            return offset == readBytes;
        }

        @Override
        protected void onClose() {
            // the queue is closed with the run
        }

        @Override
        protected long onGetSize() {
            return 0;
        }
    }

    /** Callback media over the run's queue as a live stream: libvlc waits through gaps in data, and cannot pause. */
    private static final class LiveStreamMedia extends NonSeekableInputStreamMedia {
        private final SegmentQueueStream stream;

        LiveStreamMedia(SegmentQueueStream stream) {
            this.stream = stream;
        }

        @Override
        protected InputStream onOpenStream() {
            return stream;
        }

        @Override
        protected void onCloseStream(InputStream inputStream) {
            // the queue is closed with the run
        }

        @Override
        public long onGetSize() {
            return 0;
        }
    }
}
