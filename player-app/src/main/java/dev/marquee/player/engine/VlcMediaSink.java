package dev.marquee.player.engine;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import uk.co.caprica.vlcj.factory.MediaPlayerFactory;
import uk.co.caprica.vlcj.media.MediaStatistics;

/**
 * A {@link MediaSink} on libvlc (vlcj): decrypted MPEG-TS goes to libvlc through callback media over a bounded
 * in-memory queue ({@link SegmentQueueStream}; no file, no local HTTP server), and pictures come back through a
 * callback video surface into one pixel buffer handed to a {@link FrameSurface}.
 *
 * <p>Rung switches: the buffer format is fixed once, at the top rung's playlist size, whatever size libvlc
 * decodes; libvlc's scaler fills it, so a change of resolution never changes what the UI sees (no re-layout,
 * correct aspect ratio). libvlc would still rebuild its decoder and video output when the decoded size changes
 * (a hitch of 1–3 pictures), so one libvlc player never sees a change of size: each <em>run</em> of segments of
 * one resolution plays in its own player ({@link VlcRun}). The next run's player starts hidden and silent as soon
 * as its first segment is appended, shows its first pictures into copies, and is paused; when the current run's
 * last picture is shown, the copies are shown at the picture rate and the next player is resumed so that its next
 * picture follows them, its sound is turned on and the old player is released. After its run the old player gets
 * a copy of its own last key picture, re-timed to follow the run (so its decoder gives out the run's last picture on
 * time instead of holding it for reordering; the copy itself is never shown), then the next segment's sound without
 * its video, which it plays through the hand-over. Frames lost around switches are measured from
 * {@link #frameTimesNanos()} (see docs/player-engine.md).
 *
 * <p>Threads: segments come from the streaming engine's thread; pictures from each player's video thread; pausing,
 * resuming, the hand-over and releasing players run on the sink's own thread, never on a libvlc thread.
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
    /**
     * Copies of hidden pictures a run keeps at most. libvlc shows a run's first picture at once and the next when
     * its clock starts; the run is paused after that second one and may still show one more it had queued: three
     * are needed, the rest is a margin (each is one picture of the top rung's size).
     */
    private static final int MAX_HELD = 6;
    /**
     * The next run's player starts when the current one has this much left to show: libvlc needs ~0.3 s to show
     * its first picture and waits for the stream's clock (up to ~0.8 s with ffmpeg's TS mux delay) before the
     * second, and a short hold keeps libvlc's clock drift estimate, fed while it is paused, small.
     */
    private static final long WARM_LEAD_NANOS = 2_500_000_000L;
    /** Hidden pictures after which a warming run is paused: the forced first one and one on libvlc's clock. */
    private static final int PAUSE_AFTER_HELD = 2;
    /**
     * A warming run is ready this many picture durations after its pause was taken: a picture libvlc had already
     * queued for display is shown (and held) within one.
     */
    private static final int READY_AFTER_PICTURES = 2;
    /**
     * The same picture again after more than this many picture durations is libvlc repeating it (it does so every
     * ~60–80 ms when no new picture is due), not a new picture of a still scene.
     */
    private static final double REPEAT_AFTER_PICTURES = 1.2;
    /**
     * When the current run's pictures have stopped coming for this many picture durations although it has no more
     * to show (libvlc dropped a late one, so the count falls short), the next run takes over anyway.
     */
    private static final int STUCK_AFTER_PICTURES = 2;
    /** Pictures of a run libvlc may drop (late) without the hand-over waiting for them beyond the stuck delay. */
    private static final int MAX_UNSHOWN = 3;
    /**
     * The old run keeps the sound until this long after the new one resumed (both play the same sound then, each
     * on its own clock aligned to the pictures); then the new one has it and the old one is released.
     */
    private static final long AUDIO_HANDOVER_NANOS = 120_000_000;
    /**
     * Pictures of the key-picture copy fed after a run: the key picture makes the decoder give out what it holds,
     * and libavcodec's frame threads (one picture each) give out only after that many more pictures went in.
     */
    private static final int KEY_PICTURES_AFTER_RUN = 10;
    /** Longest a hand-over waits for the next run to be ready before it gives up waiting (a stall shows instead). */
    private static final long READY_TIMEOUT_NANOS = 10_000_000_000L;
    /** How often the sink's thread checks for a run that should hand over (covers late segments and drops). */
    private static final long WATCH_MS = 10;

    /**
     * Whether sinks hand resolution switches over between warm libvlc players: on unless
     * {@code -Dmarquee.player.warm-switch=false} (or {@link #output(List, FrameSurface, boolean)} says otherwise).
     * On, every run plays from a media libvlc can pause; off, one player plays everything from a live media that
     * libvlc cannot pause (see docs/player-engine.md).
     */
    public static final boolean WARM_SWITCH_DEFAULT =
            !"false".equalsIgnoreCase(System.getProperty("marquee.player.warm-switch"));

    private final boolean warmSwitch;
    private final int width;
    private final int height;
    private final FrameSurface surface;
    private final MediaPlayerFactory factory;
    private final boolean ownsFactory;
    private final ScheduledExecutorService control;
    /** Runs not yet released, in order: the first is the one being shown. */
    private final List<VlcRun> runs = new ArrayList<>();
    private final VlcRun.Owner owner = new RunOwner();
    private final Object frameLock = new Object();
    private final AtomicLong displayed = new AtomicLong();
    private final long[] frameTimes = new long[FRAME_LOG];
    private int videoPid = -1;
    private long decodedBefore;
    private long lostBefore;
    private volatile long firstFrameNanos;
    private volatile long mediaClockUs;
    private long lastFrameNanos;
    private volatile int volume = 100;
    private volatile boolean paused;
    private volatile boolean handingOver;
    private volatile boolean failed;
    private volatile long switches;
    private volatile boolean closed;

    /**
     * @param width      top rung's {@code RESOLUTION} width
     * @param height     top rung's {@code RESOLUTION} height
     * @param extraArgs  more libvlc options, e.g. {@link #HEADLESS_AUDIO}
     */
    public VlcMediaSink(int width, int height, FrameSurface surface, List<String> extraArgs) {
        this(width, height, surface, newFactory(extraArgs), true, WARM_SWITCH_DEFAULT);
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
        return output(extraArgs, surface, WARM_SWITCH_DEFAULT);
    }

    /** As {@link #output(List, FrameSurface)}, choosing whether resolution switches go to a warm second player. */
    public static Player.Output output(List<String> extraArgs, FrameSurface surface, boolean warmSwitch) {
        MediaPlayerFactory factory = newFactory(extraArgs);
        return new Player.Output() {
            @Override
            public MediaSink newSink(Manifest.VariantStream top) {
                return new VlcMediaSink(top.width(), top.height(), surface, factory, false, warmSwitch);
            }

            @Override
            public void close() {
                factory.release();
            }
        };
    }

    /** A sink on a shared libvlc instance (made ahead of time to start faster); the caller releases it. */
    public VlcMediaSink(int width, int height, FrameSurface surface, MediaPlayerFactory factory) {
        this(width, height, surface, factory, false, WARM_SWITCH_DEFAULT);
    }

    private VlcMediaSink(int width, int height, FrameSurface surface, MediaPlayerFactory factory, boolean ownsFactory,
                         boolean warmSwitch) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("the output size must be positive, was " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        this.surface = surface;
        this.factory = factory;
        this.ownsFactory = ownsFactory;
        this.warmSwitch = warmSwitch;
        this.control = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("marquee-vlc-runs").daemon().factory());
        control.scheduleWithFixedDelay(this::watch, WATCH_MS, WATCH_MS, TimeUnit.MILLISECONDS);
        surface.format(width, height);
    }

    @Override
    public void start() {
        VlcRun first = firstRun();
        synchronized (this) {
            if (closed || first.started) {
                return;
            }
            first.state = VlcRun.State.CURRENT;
            first.start(VlcRunOptions.media(), false);
        }
    }

    private synchronized VlcRun firstRun() {
        if (runs.isEmpty()) {
            runs.add(new VlcRun(factory, width, height, owner, warmSwitch));
        }
        return runs.getFirst();
    }

    @Override
    public void append(byte[] mpegTs, long durationUs, int rungIndex) throws InterruptedException {
        append(mpegTs, durationUs, rungIndex, width, height);
    }

    @Override
    public void append(byte[] mpegTs, long durationUs, int rungIndex, int rungWidth, int rungHeight)
            throws InterruptedException {
        TsPackets.Scan scan = TsPackets.scan(mpegTs, videoPid);
        videoPid = scan.videoPid();
        VlcRun last;
        synchronized (this) {
            firstRun();
            last = runs.getLast();
        }
        if (last.width == 0) {
            last.width = rungWidth;
            last.height = rungHeight;
        }
        if (!warmSwitch || last.width == rungWidth && last.height == rungHeight || videoPid < 0) {
            last.pictures += scan.pictures();
            last.durationUs += durationUs;
            last.stream.put(mpegTs);
            last.lastSegment = mpegTs;
            last.lastSegmentUs = durationUs;
            return;
        }
        VlcRun next = new VlcRun(factory, width, height, owner, warmSwitch);
        next.width = rungWidth;
        next.height = rungHeight;
        next.pictures = scan.pictures();
        next.durationUs = durationUs;
        next.stream.put(mpegTs);
        next.lastSegment = mpegTs;
        next.lastSegmentUs = durationUs;
        // the old run's player gets its last segment's key picture again as if it came next, so its decoder gives
        // out the run's last picture on time, then the new segment's sound, which it plays through the hand-over
        byte[] key = TsPackets.keyPictureAfter(last.lastSegment, videoPid, last.lastSegmentUs * 9 / 100,
                KEY_PICTURES_AFTER_RUN);
        byte[] sound = TsPackets.withoutVideo(mpegTs, videoPid);
        byte[] tail = new byte[key.length + sound.length];
        System.arraycopy(key, 0, tail, 0, key.length);
        System.arraycopy(sound, 0, tail, key.length, sound.length);
        last.stream.put(tail);
        last.complete = true;
        synchronized (this) {
            if (closed) {
                next.release();
                return;
            }
            runs.add(next);
        }
    }

    /** Starts the run after the current one, hidden and silent, if it has not started. On the sink's thread. */
    private void warmNext() {
        VlcRun next;
        synchronized (this) {
            if (closed || runs.size() < 2 || runs.get(1).started) {
                return;
            }
            next = runs.get(1);
            next.state = VlcRun.State.WARMING;
            next.start(VlcRunOptions.media(), true);
        }
    }

    /** Pauses a warming run after its first pictures (on the sink's thread) and notes when libvlc took it. */
    private void pauseWarm(VlcRun run) {
        if (closed || run.state != VlcRun.State.WARMING) {
            return;
        }
        long before = System.nanoTime();
        run.pause();
        long after = System.nanoTime();
        run.pauseNanos = (before + after) / 2;
        run.readyNanos = after + READY_AFTER_PICTURES * run.pictureDurationNanos();
        run.state = VlcRun.State.HELD;
    }

    /** Runs on the sink's thread every {@value #WATCH_MS} ms: starts hidden runs, hands over when a run is stuck. */
    private void watch() {
        if (closed || handingOver || paused) {
            return;
        }
        VlcRun current;
        synchronized (this) {
            if (runs.size() < 2) {
                return;
            }
            current = runs.getFirst();
        }
        long now = System.nanoTime();
        long leftNanos = Math.max(0, current.pictures - current.shown) * current.pictureDurationNanos();
        if (current.complete && leftNanos < WARM_LEAD_NANOS) {
            warmNext();
        }
        long stuckNanos = STUCK_AFTER_PICTURES * current.pictureDurationNanos();
        boolean drained = current.complete && current.shown > 0 && current.shown + MAX_UNSHOWN >= current.pictures
                && now - current.lastNewPictureNanos > stuckNanos;
        if (drained) {
            handOver(current, current.lastNewPictureNanos);
        }
    }

    /**
     * Shows the next run from one picture duration after {@code lastShownNanos}: its held copies at the picture
     * rate, then the run itself, resumed so that its next picture follows them; then the sound moves to it and the
     * old run is released. On the sink's thread.
     */
    private void handOver(VlcRun current, long lastShownNanos) {
        VlcRun next;
        synchronized (this) {
            if (closed || handingOver || runs.size() < 2 || runs.getFirst() != current) {
                return;
            }
            next = runs.get(1);
            handingOver = true;
        }
        try {
            if (!next.started) {
                warmNext();
            }
            long waitUntil = System.nanoTime() + READY_TIMEOUT_NANOS;
            while (!closed && (next.state != VlcRun.State.HELD || System.nanoTime() < next.readyNanos)
                    && System.nanoTime() < waitUntil) {
                if (next.state == VlcRun.State.WARMING && next.pauseRequested) {
                    pauseWarm(next); // its request is queued behind this hand-over on the same thread
                }
                LockSupport.parkNanos(1_000_000);
            }
            if (closed) {
                return;
            }
            long picture = next.pictureDurationNanos();
            long from = Math.max(lastShownNanos, System.nanoTime() - picture); // late: show the copies from now
            List<VlcRun.Held> held = next.held();
            int last = held.size() - 1;
            next.lastFingerprint = last < 0 ? 0 : held.get(last).fingerprint();
            next.resuming = last >= 0;
            synchronized (this) {
                current.state = VlcRun.State.RETIRED;
                next.state = VlcRun.State.CURRENT;
                runs.removeFirst();
            }
            // libvlc shifts a paused run's clock by the time it spent paused: its next picture, due one picture
            // after the last held one, then comes at resume + (that due time - pause time)
            long resumeAt = last < 0 ? from : next.pauseNanos + from + (last + 1) * picture - held.get(last).shownNanos();
            boolean resumed = false;
            for (int i = 0; i <= last || !resumed; i++) {
                long showAt = i <= last ? from + (i + 1) * picture : Long.MAX_VALUE;
                if (!resumed && resumeAt <= showAt) {
                    sleepUntil(resumeAt);
                    next.lastNewPictureNanos = System.nanoTime();
                    if (!paused) {
                        next.resume();
                    }
                    resumed = true;
                }
                if (i <= last) {
                    sleepUntil(showAt);
                    VlcRun.Held h = held.get(i);
                    show(h.bgra().duplicate(), width, height);
                    next.shown++;
                    next.lastNewPictureNanos = System.nanoTime();
                }
            }
            next.dropHeld();
            sleepUntil(resumeAt + AUDIO_HANDOVER_NANOS);
            next.player.audio().setVolume(volume);
            next.player.audio().setMute(false);
            retire(current);
            switches++;
        } finally {
            handingOver = false;
        }
    }

    private static void sleepUntil(long nanos) {
        for (long left = nanos - System.nanoTime(); left > 0 && !Thread.currentThread().isInterrupted();
             left = nanos - System.nanoTime()) {
            LockSupport.parkNanos(left); // an interrupt (the sink closing) ends the wait
        }
    }

    private void retire(VlcRun run) {
        MediaStatistics s = new MediaStatistics();
        if (run.player.media().info() != null && run.player.media().info().statistics(s)) {
            synchronized (this) {
                decodedBefore += s.decodedVideo();
                lostBefore += s.picturesLost();
            }
        }
        run.state = VlcRun.State.RETIRED;
        run.release();
    }

    @Override
    public void endOfStream() {
        VlcRun last;
        synchronized (this) {
            last = runs.isEmpty() ? null : runs.getLast();
        }
        if (last != null) {
            last.stream.end();
        }
    }

    @Override
    public long positionUs() {
        return mediaClockUs;
    }

    @Override
    public boolean ended() {
        synchronized (this) {
            return failed || runs.size() == 1 && runs.getFirst().ended;
        }
    }

    @Override
    public synchronized SinkStats stats() {
        long decoded = decodedBefore;
        long lost = lostBefore;
        if (!closed) {
            for (VlcRun run : runs) {
                MediaStatistics s = run.statistics();
                if (s != null) {
                    decoded += s.decodedVideo();
                    lost += s.picturesLost();
                }
            }
        }
        return new SinkStats(decoded, displayed.get(), lost, firstFrameNanos);
    }

    /** Resolution switches handed over between libvlc players so far. */
    public long switches() {
        return switches;
    }

    /** {@link System#nanoTime()} of each displayed picture, in order (the first {@value #FRAME_LOG} only). */
    public long[] frameTimesNanos() {
        int n = (int) Math.min(displayed.get(), FRAME_LOG);
        long[] copy = new long[n];
        System.arraycopy(frameTimes, 0, copy, 0, n);
        return copy;
    }

    @Override
    public void setPaused(boolean pause) {
        if (pause == paused) {
            return; // nothing changes
        }
        paused = pause;
        if (!pause) {
            synchronized (frameLock) {
                lastFrameNanos = System.nanoTime(); // the media clock goes on from the resume, not from the pause
            }
        }
        VlcRun current = current();
        if (current != null && current.started) {
            current.setPaused(pause);
            current.lastNewPictureNanos = System.nanoTime();
        }
    }

    @Override
    public void setVolume(int percent) {
        volume = Math.clamp(percent, 0, 100);
        VlcRun current = current();
        if (current != null) {
            current.player.audio().setVolume(volume);
        }
    }

    private synchronized VlcRun current() {
        return runs.isEmpty() ? null : runs.getFirst();
    }

    @Override
    public void close() {
        List<VlcRun> toRelease;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            toRelease = List.copyOf(runs);
            runs.clear();
        }
        control.shutdownNow();
        try {
            control.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (VlcRun run : toRelease) {
            run.release();
        }
        if (ownsFactory) {
            factory.release();
        }
    }

    /** One picture to the viewer: counted, timed and handed to the surface. */
    private void show(ByteBuffer bgra, int pictureWidth, int pictureHeight) {
        synchronized (frameLock) {
            showLocked(bgra, pictureWidth, pictureHeight);
        }
    }

    private void showLocked(ByteBuffer bgra, int pictureWidth, int pictureHeight) {
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
        surface.frame(bgra, pictureWidth, pictureHeight);
    }

    private final class RunOwner implements VlcRun.Owner {
        @Override
        public void picture(VlcRun run, ByteBuffer bgra, int pictureWidth, int pictureHeight) {
            long now = System.nanoTime();
            long print = VlcRun.fingerprint(bgra);
            switch (run.state) {
                case CURRENT -> current(run, bgra, pictureWidth, pictureHeight, now, print);
                case WARMING, HELD -> hidden(run, bgra, now, print);
                default -> { } // a retired run's last pictures are not the viewer's
            }
        }

        private void current(VlcRun run, ByteBuffer bgra, int w, int h, long now, long print) {
            boolean same = print == run.lastFingerprint;
            if (same && paused) {
                return; // libvlc repeats the paused picture every ~70 ms: not a new one, and no media time passes
            }
            if (run.resuming) {
                if (same) {
                    return; // libvlc repeating the held picture that was already shown from its copy
                }
                run.resuming = false;
            }
            boolean repeat = same && now - run.lastPictureNanos > REPEAT_AFTER_PICTURES * run.pictureDurationNanos();
            run.lastFingerprint = print;
            run.lastPictureNanos = now;
            show(bgra, w, h);
            if (repeat) {
                return;
            }
            run.shown++;
            run.lastNewPictureNanos = now;
            if (run.complete && run.shown >= run.pictures) {
                control.execute(() -> handOver(run, now)); // the run's last picture: the next one follows it
            }
        }

        private void hidden(VlcRun run, ByteBuffer bgra, long now, long print) {
            if (run.lastPictureNanos != 0 && print == run.lastFingerprint) {
                return; // libvlc repeats the picture while paused
            }
            run.lastFingerprint = print;
            run.lastPictureNanos = now;
            run.hold(bgra, print, now, MAX_HELD);
            if (run.held().size() >= PAUSE_AFTER_HELD && !run.pauseRequested) {
                run.pauseRequested = true;
                control.execute(() -> pauseWarm(run));
            }
        }

        @Override
        public void finished(VlcRun run, boolean error) {
            if (run.state == VlcRun.State.RETIRED) {
                return;
            }
            run.ended = true;
            if (error) {
                failed = true;
            }
        }
    }
}
