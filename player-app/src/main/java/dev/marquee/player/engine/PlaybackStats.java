package dev.marquee.player.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The QoE counters of one playback session ("stats for nerds" and heartbeats): startup time, stalls, rung
 * history, bitrate, buffer, frames, serving edge and its cache verdict. Written by the streaming engine's thread
 * (and, as a {@link NetworkListener}, by the networking engine on that same thread); read from any thread through
 * {@link #snapshot()}. It measures nothing on its own.
 */
public final class PlaybackStats implements NetworkListener {

    /** One rung change: from which segment on, which rung, and when ({@link System#nanoTime()}). */
    public record RungChange(int segmentIndex, int rungIndex, long bitrateBps, int height, long atNanos) {
    }

    /** A consistent copy for readers. Times in milliseconds, {@code -1} when not known yet. */
    public record Snapshot(long startupTimeMs, long licenceTimeMs, int stallCount, long stallDurationMs,
                           int rungIndex, long bitrateBps, int height, long bufferMs, long positionMs,
                           long decodedFrames, long droppedFrames, String edge, String edgeNode, String cacheStatus,
                           int edgeFailovers, long bandwidthEstimateBps, List<RungChange> rungHistory,
                           List<AbrDecision> recentDecisions, String error) {
    }

    /** Rung history kept for the overlay and the switch measurement. */
    private static final int MAX_HISTORY = 256;

    private long startupTimeMs = -1;
    private long licenceTimeMs = -1;
    private int stallCount;
    private long stallDurationMs;
    private long stallStartNanos;
    private int rungIndex = -1;
    private long bitrateBps;
    private int height;
    private long bufferMs;
    private long positionMs;
    private long decodedFrames;
    private long droppedFrames;
    private String edge;
    private String edgeNode;
    private String cacheStatus;
    private int edgeFailovers;
    private long bandwidthEstimateBps;
    private List<AbrDecision> decisions = List.of();
    private String error;
    private final List<RungChange> history = new ArrayList<>();
    private volatile Consumer<RungChange> onSwitch = change -> { };
    private volatile Runnable onStall = () -> { };

    /** Called (on the engine thread) at each rung change after the first, for SWITCH heartbeats. */
    public void onSwitch(Consumer<RungChange> listener) {
        this.onSwitch = listener;
    }

    /** Called when a stall begins, for STALL heartbeats. */
    public void onStall(Runnable listener) {
        this.onStall = listener;
    }

    synchronized void startup(long ms) {
        startupTimeMs = ms;
    }

    synchronized void licence(long ms) {
        licenceTimeMs = ms;
    }

    void segmentAppended(int segmentIndex, int rung, Variant variant) {
        RungChange change = null;
        synchronized (this) {
            if (rung != rungIndex) {
                change = new RungChange(segmentIndex, rung, variant.bandwidthBps(), variant.heightPx(), System.nanoTime());
                boolean first = rungIndex < 0;
                if (history.size() == MAX_HISTORY) {
                    history.removeFirst();
                }
                history.add(change);
                rungIndex = rung;
                bitrateBps = variant.bandwidthBps();
                height = variant.heightPx();
                if (first) {
                    change = null;
                }
            }
        }
        if (change != null) {
            onSwitch.accept(change);
        }
    }

    synchronized void playback(long bufferUs, long positionUs, MediaSink.SinkStats sink, long estimateBps,
                               List<AbrDecision> recent) {
        bufferMs = bufferUs / 1_000;
        positionMs = positionUs / 1_000;
        decodedFrames = sink.decodedFrames();
        droppedFrames = sink.lostFrames();
        bandwidthEstimateBps = estimateBps;
        decisions = recent;
    }

    void stallStarted() {
        synchronized (this) {
            if (stallStartNanos != 0) {
                return;
            }
            stallCount++;
            stallStartNanos = System.nanoTime();
        }
        onStall.run();
    }

    synchronized void stallEnded() {
        if (stallStartNanos != 0) {
            stallDurationMs += (System.nanoTime() - stallStartNanos) / 1_000_000;
            stallStartNanos = 0;
        }
    }

    synchronized void failed(String message) {
        error = message;
    }

    @Override
    public synchronized void requestEnd(RequestType type, String url, long bytes, long durationUs, String cache) {
        if (type == RequestType.SEGMENT) {
            cacheStatus = cache;
        }
    }

    @Override
    public synchronized void edgeFailedOver(RequestType type, String baseUrl, Exception cause) {
        edgeFailovers++;
    }

    synchronized void servedBy(String baseUrl, String node) {
        edge = baseUrl;
        edgeNode = node;
    }

    public synchronized Snapshot snapshot() {
        return new Snapshot(startupTimeMs, licenceTimeMs, stallCount, stallDurationMs, rungIndex, bitrateBps, height,
                bufferMs, positionMs, decodedFrames, droppedFrames, edge, edgeNode, cacheStatus, edgeFailovers,
                bandwidthEstimateBps, List.copyOf(history), decisions, error);
    }
}
