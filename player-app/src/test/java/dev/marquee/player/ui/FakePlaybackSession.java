package dev.marquee.player.ui;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * A playback session with no engine behind it, for view-model tests, TestFX and the demo: it records the
 * commands, advances its play head when told to, and draws a test pattern into the surface. It is fake data
 * and says so: its edge is "fake-edge".
 */
public final class FakePlaybackSession implements PlaybackSession {
    static final List<String> RUNGS = List.of("360p · 0.8 Mbit/s", "720p · 3.0 Mbit/s", "1080p · 5.8 Mbit/s");
    final List<String> commands = new ArrayList<>();
    private final Duration duration;
    private Duration position;
    private boolean playing;
    private OptionalInt fixed = OptionalInt.empty();
    private @Nullable VideoSurface surface;
    private long decoded;

    public FakePlaybackSession(Duration duration, Duration startAt) {
        this.duration = duration;
        this.position = startAt;
    }

    @Override
    public void attach(VideoSurface attached) {
        surface = attached;
        commands.add("attach");
    }

    @Override
    public void play() {
        playing = true;
        commands.add("play");
    }

    @Override
    public void pause() {
        playing = false;
        commands.add("pause");
    }

    @Override
    public void seek(Duration to) {
        position = to;
        commands.add("seek " + to.toSeconds());
    }

    @Override
    public void volume(double level) {
        commands.add("volume " + level);
    }

    @Override
    public void mute(boolean muted) {
        commands.add("mute " + muted);
    }

    @Override
    public void quality(OptionalInt rung) {
        fixed = rung;
        commands.add("quality " + (rung.isPresent() ? rung.getAsInt() : "auto"));
    }

    /** Plays {@code by} of media (if playing) and draws one frame of a 16:9 test pattern. */
    public void advance(Duration by) {
        if (playing) {
            position = position.plus(by);
        }
        VideoSurface target = surface;
        if (target != null) {
            int w = 640;
            int h = 360;
            if (decoded == 0) {
                target.format(w, h);
            }
            ByteBuffer frame = ByteBuffer.allocate(w * h * 4);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int band = x * 7 / w; // seven colour bars, like a broadcast test card
                    frame.put((byte) (band % 2 == 0 ? 200 : 40)).put((byte) (band < 4 ? 200 : 60))
                            .put((byte) (band % 3 == 0 ? 210 : 90)).put((byte) 255);
                }
            }
            frame.flip();
            target.frame(frame);
            decoded++;
        }
    }

    @Override
    public PlaybackSnapshot snapshot() {
        Duration bufferedEnd = position.plusSeconds(24).compareTo(duration) > 0 ? duration : position.plusSeconds(24);
        PlaybackStatsView stats = new PlaybackStatsView(RUNGS.get(fixed.orElse(1)), RUNGS.get(fixed.orElse(2)),
                7_400_000, bufferedEnd.minus(position), "fake-edge", "HIT", decoded, 0, 0,
                Duration.ofMillis(640), Duration.ofMillis(85), List.of(
                        new PlaybackStatsView.Decision(Duration.ofSeconds(8), RUNGS.get(1), "THROUGHPUT"),
                        new PlaybackStatsView.Decision(Duration.ZERO, RUNGS.get(0), "STARTUP")));
        return new PlaybackSnapshot(playing, false, position, duration,
                List.of(new PlaybackSnapshot.TimeRange(Duration.ZERO, bufferedEnd)), RUNGS, fixed, stats, null);
    }

    @Override
    public void close() {
        commands.add("close");
    }
}
