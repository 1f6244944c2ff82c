package dev.marquee.player.engine;

import dev.marquee.player.engine.Manifest.MasterPlaylist;
import dev.marquee.player.engine.Manifest.MediaPlaylist;
import dev.marquee.player.engine.Manifest.SegmentReference;
import dev.marquee.player.engine.Manifest.VariantStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Keeps the {@link MediaSink} fed: loads the playlists, then on its one thread fetches the next segment whenever
 * the buffer is below the goal, asking the {@link AbrManager} for the rung of every segment (and
 * {@link AbrManager#shouldAbandon} while it downloads), decrypts it with the licence's key and appends it in
 * order. It also detects stalls and serves seeks by restarting the sink at the segment that holds the target.
 *
 * <p>What it does not do: it never chooses a rung (the manager does, or the viewer through
 * {@link #fixRung}), never talks HTTP (the {@link NetworkingEngine} does, including edge failover), never
 * verifies licences (the {@link DrmEngine} does) and never decodes or renders (the sink does).
 */
public final class StreamingEngine implements AutoCloseable {

    /** Tunables, with the reasons for the defaults. */
    public record Config(Duration bufferGoal, Duration stallThreshold) {
        /**
         * 30 s ahead: rides out an edge failover (seconds) and most throughput dips, and matches the ABR manager's
         * reserve; more would waste bytes when the viewer stops early.
         */
        public static final Duration DEFAULT_BUFFER_GOAL = Duration.ofSeconds(30);
        /** Play head not moving for 0.5 s while it should: a stall (longer than any frame interval or a GC pause). */
        public static final Duration DEFAULT_STALL_THRESHOLD = Duration.ofMillis(500);

        public static Config defaults() {
            return new Config(DEFAULT_BUFFER_GOAL, DEFAULT_STALL_THRESHOLD);
        }
    }

    /** Work done on the engine thread before the playlists load, e.g. the first licence request. */
    @FunctionalInterface
    public interface Preparation {
        Preparation NONE = () -> { };

        void run() throws Exception;
    }

    /** Polls while the buffer is full, between abandonment checks, and for stalls: a fraction of a frame budget. */
    private static final long TICK_MS = 50;
    /**
     * At the title's end the sink is told "no more data" only once the buffer is below this: libvlc ends at end of
     * input and drops the pictures it still holds, so the tail must be played out first (two frames at 25 fps).
     */
    private static final long END_DRAIN_US = 80_000;
    /** Ask {@link AbrManager#shouldAbandon} at most this often during a download, as the interface asks. */
    private static final long ABANDON_CHECK_US = 250_000;

    private final NetworkingEngine network;
    private final AbrManager abr;
    private final DrmEngine drm;
    private final Decryptor decryptor = new Decryptor();
    private final Function<VariantStream, MediaSink> sinkFactory;
    private final PlaybackStats stats;
    private final Config config;
    private final String masterPath;
    private final Preparation preparation;
    private final Thread thread;

    private volatile int fixedRung = -1;
    private volatile long seekToUs = -1;
    private volatile boolean paused;
    private volatile boolean finished;
    private volatile Throwable failure;
    private volatile MediaSink sink;
    private volatile long positionOffsetUs;
    private volatile long appendedUs;
    private volatile long startNanos;
    private volatile List<Variant> ladder = List.of();
    private volatile List<MediaPlaylist> playlists = List.of();
    private long lastPositionUs = -1;
    private long lastMoveNanos;

    /**
     * @param drm          the licence holder, or {@code null} for clear content
     * @param sinkFactory  makes a sink for the top rung of the (licence-capped) ladder; called again after a seek
     */
    public StreamingEngine(NetworkingEngine network, AbrManager abr, DrmEngine drm,
                           Function<VariantStream, MediaSink> sinkFactory, PlaybackStats stats, Config config,
                           String masterPath, Preparation preparation) {
        this.preparation = preparation;
        this.network = network;
        this.abr = abr;
        this.drm = drm;
        this.sinkFactory = sinkFactory;
        this.stats = stats;
        this.config = config;
        this.masterPath = masterPath;
        this.thread = Thread.ofPlatform().name("marquee-streaming").daemon().unstarted(this::run);
    }

    /** Starts loading and playing on the engine thread; startup time is measured from this call. */
    public void start() {
        startNanos = System.nanoTime();
        thread.start();
    }

    /** Plays a fixed rung (the quality menu), or {@code -1} for automatic (the ABR manager). */
    public void fixRung(int rungIndex) {
        fixedRung = rungIndex;
    }

    /** Jumps to a position; the engine restarts the sink at the segment that holds it. */
    public void seek(Duration position) {
        seekToUs = Math.max(0, position.toNanos() / 1_000);
    }

    public void setPaused(boolean pause) {
        paused = pause;
        MediaSink current = sink;
        if (current != null) {
            current.setPaused(pause);
        }
    }

    public MediaSink sink() {
        return sink;
    }

    /** Whether the title played to its end (or playback failed: see {@link #failure()}). */
    public boolean finished() {
        return finished;
    }

    public Throwable failure() {
        return failure;
    }

    public List<Variant> ladder() {
        return ladder;
    }

    /** The playlists' target segment duration, microseconds; 0 before they are loaded. */
    public long segmentDurationUs() {
        List<MediaPlaylist> loaded = playlists;
        return loaded.isEmpty() ? 0 : loaded.getFirst().targetDurationUs();
    }

    public long positionUs() {
        MediaSink current = sink;
        return positionOffsetUs + (current == null ? 0 : current.positionUs());
    }

    public long bufferUs() {
        return Math.max(0, appendedUs - positionUs());
    }

    private void run() {
        try {
            preparation.run();
            load();
            play();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            failure = e;
            stats.failed(e.getMessage() == null ? e.toString() : e.getMessage());
        } finally {
            finished = true;
        }
    }

    private void load() throws Exception {
        ManifestParser parser = new ManifestParser();
        MasterPlaylist master = parser.parseMaster(text(network.fetchFromEdges(RequestType.MANIFEST, masterPath,
                NetworkingEngine.Progress.NONE)), masterPath);
        int maxHeight = drm == null ? Integer.MAX_VALUE : drm.maxHeight();
        List<VariantStream> allowed = master.variants().stream().filter(v -> v.height() <= maxHeight).toList();
        if (allowed.isEmpty()) {
            allowed = List.of(master.variants().getFirst()); // the licence caps below the ladder: play the lowest
        }
        List<MediaPlaylist> media = new ArrayList<>();
        for (VariantStream v : allowed) {
            media.add(parser.parseMedia(text(network.fetchFromEdges(RequestType.MANIFEST, v.uri(),
                    NetworkingEngine.Progress.NONE)), v.uri()));
        }
        playlists = media;
        ladder = allowed.stream().map(VariantStream::toVariant).toList();
        abr.configure(ladder, Duration.ofNanos(media.getFirst().targetDurationUs() * 1_000), config.bufferGoal());
        streams = allowed;
        sinkFactoryTop = allowed.getLast();
    }

    private VariantStream sinkFactoryTop;
    private List<VariantStream> streams = List.of();

    private void play() throws Exception {
        List<SegmentReference> timeline = playlists.getFirst().segments();
        int next = 0;
        int lastRung = -1;
        boolean sinkStarted = true;
        boolean endSignalled = false;
        sink = sinkFactory.apply(sinkFactoryTop);
        sink.start(); // libvlc sets up its input while the first segment downloads; it waits on the queue
        while (true) {
            long seek = seekToUs;
            if (seek >= 0) {
                seekToUs = -1;
                next = segmentAt(timeline, seek);
                sink.close();
                sink = sinkFactory.apply(sinkFactoryTop);
                sinkStarted = false;
                endSignalled = false;
                positionOffsetUs = startOf(timeline, next);
                appendedUs = positionOffsetUs;
                lastPositionUs = -1;
            }
            if (drm != null) {
                drm.maintain();
            }
            watchForStall(next >= timeline.size());
            if (next >= timeline.size()) {
                if (sink.ended()) {
                    stats.stallEnded();
                    return;
                }
                if (!endSignalled && bufferUs() <= END_DRAIN_US) {
                    sink.endOfStream(); // libvlc drops what it holds at end of input: signal it only when drained
                    endSignalled = true;
                }
                Thread.sleep(TICK_MS);
                continue;
            }
            if (bufferUs() >= config.bufferGoal().toNanos() / 1_000) {
                Thread.sleep(TICK_MS);
                continue;
            }
            int rung = chooseRung(next, timeline.size() - next, lastRung);
            byte[] media = fetchSegment(next, rung);
            if (media == null) {
                continue; // abandoned: ask again for the same segment
            }
            SegmentReference ref = playlists.get(rung).segments().get(next);
            VariantStream stream = streams.get(rung);
            sink.append(media, ref.durationUs(), rung, stream.width(), stream.height());
            appendedUs += ref.durationUs();
            stats.segmentAppended(next, rung, ladder.get(rung));
            lastRung = rung;
            next++;
            if (!sinkStarted) {
                sink.start();
                sinkStarted = true;
            }
        }
    }

    private int chooseRung(int segment, int remaining, int lastRung) {
        int fixed = fixedRung;
        if (fixed >= 0) {
            return Math.min(fixed, ladder.size() - 1);
        }
        AbrDecision decision = abr.chooseVariant(new SegmentContext(segment, remaining, bufferUs(), lastRung, null));
        return Math.clamp(decision.variantIndex(), 0, ladder.size() - 1);
    }

    /** The decrypted segment, or {@code null} when the ABR manager abandoned the download. */
    private byte[] fetchSegment(int index, int rung) throws Exception {
        SegmentReference ref = playlists.get(rung).segments().get(index);
        long[] lastCheckUs = {0};
        boolean mayAbandon = fixedRung < 0 && rung > 0;
        NetworkingEngine.Progress progress = (loaded, total, elapsedUs) -> {
            watchForStall(false);
            if (!mayAbandon || elapsedUs - lastCheckUs[0] < ABANDON_CHECK_US) {
                return false;
            }
            lastCheckUs[0] = elapsedUs;
            return abr.shouldAbandon(new DownloadProgress(rung, loaded, total, elapsedUs, bufferUs()));
        };
        Fetched fetched;
        try {
            fetched = network.fetchFromEdges(RequestType.SEGMENT, ref.uri(), progress);
        } catch (NetworkingEngine.AbandonedException e) {
            return null;
        }
        abr.segmentDownloaded(Math.max(1, fetched.durationUs()), fetched.body().length);
        stats.servedBy(fetched.baseUrl(), fetched.edgeNode());
        MediaSink current = sink;
        stats.playback(bufferUs(), positionUs(), current.stats(), abr.bandwidthEstimateBps(), abr.recentDecisions());
        if (ref.key() == null) {
            return fetched.body();
        }
        if (drm == null) {
            throw new LicenseException("This title is encrypted but no licence engine is configured.");
        }
        return decryptor.decrypt(fetched.body(), drm.contentKey(ref.key().keyId()), ref.key().iv());
    }

    private void watchForStall(boolean allAppended) {
        MediaSink current = sink;
        if (current == null) {
            return;
        }
        long now = System.nanoTime();
        MediaSink.SinkStats sinkStats = current.stats();
        if (sinkStats.firstFrameNanos() != 0 && stats.snapshot().startupTimeMs() < 0) {
            stats.startup((sinkStats.firstFrameNanos() - startNanos) / 1_000_000);
            if (drm != null) {
                stats.licence(drm.licenceTimeMs());
            }
        }
        long position = current.positionUs();
        if (position != lastPositionUs) {
            lastPositionUs = position;
            lastMoveNanos = now;
            stats.stallEnded();
            return;
        }
        boolean playing = position > 0 && !paused && !current.ended(); // the clock started: it should move
        boolean drained = allAppended && bufferUs() < config.stallThreshold().toNanos() / 1_000;
        if (playing && !drained && now - lastMoveNanos > config.stallThreshold().toNanos()) {
            stats.stallStarted();
        }
    }

    private static int segmentAt(List<SegmentReference> timeline, long positionUs) {
        long start = 0;
        for (SegmentReference s : timeline) {
            if (positionUs < start + s.durationUs()) {
                return s.index();
            }
            start += s.durationUs();
        }
        return timeline.size() - 1;
    }

    private static long startOf(List<SegmentReference> timeline, int index) {
        long start = 0;
        for (int i = 0; i < index; i++) {
            start += timeline.get(i).durationUs();
        }
        return start;
    }

    private static String text(Fetched fetched) {
        return new String(fetched.body(), StandardCharsets.UTF_8);
    }

    /** Stops the engine thread and the sink. */
    @Override
    public void close() {
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        MediaSink current = sink;
        if (current != null) {
            current.close();
        }
    }
}
