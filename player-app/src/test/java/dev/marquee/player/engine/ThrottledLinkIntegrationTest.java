package dev.marquee.player.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The real streaming engine, networking engine and {@link DefaultAbrManager} on a link shaped by a throughput
 * trace (16 Mbit/s, then a 4× drop to 4 Mbit/s), against a sink that plays in real time.
 */
class ThrottledLinkIntegrationTest {

    private static final long[] LADDER_BPS = {500_000, 1_500_000, 4_000_000, 8_000_000};
    private static final int SEGMENTS = 40;
    private static final long SEGMENT_US = 1_000_000;
    private static final long FAST_BPS = 16_000_000;
    private static final long SLOW_BPS = FAST_BPS / 4;
    /**
     * The link drops to a quarter for every byte from this segment on. The drop is tied to a segment boundary (the
     * engine appends a segment before it requests the next) so that the check does not depend on how a loaded
     * machine happens to time one download against a wall-clock drop.
     */
    private static final int DROP_AT_SEGMENT = 14;
    /** Segments appended after the drop that the test watches. */
    private static final int WATCHED_AFTER_DROP = 3;

    @TempDir
    Path root;

    @Test
    void switchesDownWithinOneSegmentOfA4xDropAndNeverStalls() throws Exception {
        writeTitle();
        RealTimeSink sink = new RealTimeSink();
        // A fixed-rate link: each chunk leaves when the link is free again (not "now plus its transfer time"), so a
        // sleep that oversleeps on a loaded machine is made up by the next one instead of slowing the link down.
        java.util.concurrent.atomic.AtomicLong linkFreeAtNanos = new java.util.concurrent.atomic.AtomicLong();
        NetworkingEngine.LinkShaper trace = bytes -> {
            long bps = sink.appendedCount() < DROP_AT_SEGMENT ? FAST_BPS : SLOW_BPS;
            long now = System.nanoTime();
            long done = Math.max(now, linkFreeAtNanos.get()) + bytes * 8L * 1_000_000_000L / bps;
            linkFreeAtNanos.set(done);
            long nanos = done - now;
            if (nanos > 0) {
                Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000)); // link emulation, not a test waiting
            }
        };
        PlaybackStats stats = new PlaybackStats();
        try (FileEdge edge = new FileEdge(root, "edge-a")) {
            var steering = new ContentSteeringManager(new ContentSteeringManager.Steering(List.of(edge.baseUrl()),
                    Duration.ofMinutes(5)), () -> null, InstantSource.system());
            var network = new NetworkingEngine(new OkHttpClient(), steering, Backoff.defaults(), Backoff.Sleeper.THREAD,
                    stats, trace, NetworkingEngine.DEFAULT_STALL_TIMEOUT, NetworkingEngine.DEFAULT_MAX_ROUNDS);
            try (var engine = new StreamingEngine(network, new DefaultAbrManager(InstantSource.system()), null,
                    top -> sink, stats, StreamingEngine.Config.defaults(), "/s/master.m3u8",
                    StreamingEngine.Preparation.NONE)) {
                engine.start();
                await().atMost(Duration.ofSeconds(40)).until(() -> sink.appendedCount() >= DROP_AT_SEGMENT + WATCHED_AFTER_DROP
                        || engine.finished());
                assertThat(engine.failure()).isNull();
            }
        }
        List<long[]> appends = sink.appends(); // {rung, appendedAtNanos}
        int firstAfterDrop = DROP_AT_SEGMENT; // chosen before the engine could see the drop
        int rungBeforeDrop = (int) appends.get(firstAfterDrop - 1)[0];
        System.out.printf("throttled: rungs %s, first segment after the drop #%d, stalled %d µs%n",
                appends.stream().map(a -> a[0]).toList(), firstAfterDrop, sink.stalledUs());
        assertThat(rungBeforeDrop).as("climbed above the lowest rung on the fast link").isGreaterThan(1);
        // the first slow segment was chosen on the fast link; the one after it must be lower
        assertThat(appends.get(firstAfterDrop + 1)[0]).isLessThan(rungBeforeDrop);
        assertThat(sink.stalledUs()).as("down-switched before the buffer ran dry").isZero();
    }

    private void writeTitle() throws Exception {
        Random random = new Random(7);
        StringBuilder master = new StringBuilder("#EXTM3U\n");
        for (int r = 0; r < LADDER_BPS.length; r++) {
            Path dir = Files.createDirectories(root.resolve("s/r" + r));
            StringBuilder media = new StringBuilder("#EXTM3U\n#EXT-X-TARGETDURATION:1\n");
            byte[] bytes = new byte[(int) (LADDER_BPS[r] / 8 * SEGMENT_US / 1_000_000)];
            for (int i = 0; i < SEGMENTS; i++) {
                random.nextBytes(bytes);
                Files.write(dir.resolve("seg" + i + ".ts"), bytes);
                media.append("#EXTINF:1.0,\nseg").append(i).append(".ts\n");
            }
            Files.writeString(dir.resolve("index.m3u8"), media.append("#EXT-X-ENDLIST\n"));
            master.append("#EXT-X-STREAM-INF:BANDWIDTH=").append(LADDER_BPS[r]).append(",RESOLUTION=")
                    .append(320 * (r + 1)).append('x').append(180 * (r + 1)).append("\nr").append(r).append("/index.m3u8\n");
        }
        Files.writeString(root.resolve("s/master.m3u8"), master);
    }

    /** Plays appended media in real time from its first append; time with nothing to play counts as a stall. */
    private static final class RealTimeSink implements MediaSink {
        private final List<long[]> appends = new ArrayList<>();
        private long appendedUs;
        private long positionUs;
        private long stalledUs;
        private long lastNanos;
        private boolean ended;
        private boolean endOfStream;

        private synchronized void advance() {
            long now = System.nanoTime();
            if (lastNanos != 0 && !ended) {
                long elapsedUs = (now - lastNanos) / 1_000;
                long played = Math.min(elapsedUs, appendedUs - positionUs);
                positionUs += played;
                if (!endOfStream) {
                    stalledUs += elapsedUs - played;
                }
                ended = endOfStream && positionUs == appendedUs;
            }
            if (appendedUs > 0) {
                lastNanos = now;
            }
        }

        synchronized List<long[]> appends() {
            return List.copyOf(appends);
        }

        synchronized int appendedCount() {
            return appends.size();
        }

        synchronized long stalledUs() {
            advance();
            return stalledUs;
        }

        @Override
        public void start() {
        }

        @Override
        public synchronized void append(byte[] mpegTs, long durationUs, int rungIndex) {
            advance();
            appends.add(new long[] {rungIndex, System.nanoTime()});
            appendedUs += durationUs;
            if (lastNanos == 0) {
                lastNanos = System.nanoTime();
            }
        }

        @Override
        public synchronized void endOfStream() {
            advance();
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
            return ended;
        }

        @Override
        public SinkStats stats() {
            return new SinkStats(0, 0, 0, System.nanoTime());
        }

        @Override
        public void setPaused(boolean paused) {
        }

        @Override
        public void setVolume(int percent) {
        }

        @Override
        public void close() {
        }
    }
}
