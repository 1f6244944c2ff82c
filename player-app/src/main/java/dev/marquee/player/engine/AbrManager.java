package dev.marquee.player.engine;

import java.time.Duration;
import java.util.List;

/**
 * Chooses the rung of the next segment. It is policy only: it never fetches, never touches the buffer and
 * never reads the clock of the wall; its owner, the {@code StreamingEngine}, measures and reports.
 *
 * <p>How the owner drives it, always from the streaming engine's one scheduling thread (implementations
 * are not thread-safe and need not be):
 * <ol>
 *   <li>{@link #configure} once per presentation (or when the ladder changes, e.g. a licence caps the
 *       height); this forgets the previous presentation's choices but may keep the bandwidth estimate;</li>
 *   <li>before each segment request, {@link #chooseVariant}; the owner requests the returned rung (unless
 *       the viewer fixed one in the quality menu, in which case the manager is not asked);</li>
 *   <li>while the download runs, every few hundred milliseconds, {@link #shouldAbandon}; on {@code true} the
 *       owner cancels the request and asks {@link #chooseVariant} again for the same segment;</li>
 *   <li>when a segment download completes, {@link #segmentDownloaded} with its size and duration.</li>
 * </ol>
 */
public interface AbrManager {

    /**
     * Sets the ladder (lowest bitrate first), the nominal segment duration and the owner's buffer goal (the
     * level above which it stops fetching, so the buffer never grows past it); resets per-presentation state.
     */
    void configure(List<Variant> variants, Duration segmentDuration, Duration bufferGoal);

    /**
     * Reports a finished segment download.
     *
     * @param durationUs request sent to last byte, microseconds
     * @param bytes      payload bytes
     */
    void segmentDownloaded(long durationUs, long bytes);

    /** Picks the rung of the next segment and says why. */
    AbrDecision chooseVariant(SegmentContext context);

    /**
     * Whether the download in flight will empty the buffer before it ends while a lower rung would not;
     * the owner then abandons it and asks {@link #chooseVariant} again (which will then pick lower).
     */
    boolean shouldAbandon(DownloadProgress progress);

    /** The current bandwidth estimate, bits per second. */
    long bandwidthEstimateBps();

    /** The last decisions, oldest first, for the stats overlay. */
    List<AbrDecision> recentDecisions();
}
