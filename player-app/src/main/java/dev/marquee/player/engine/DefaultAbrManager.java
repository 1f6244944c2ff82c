package dev.marquee.player.engine;

import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * The player's ABR policy: a look-ahead planner that weighs a throughput rule (two forecasts) against a
 * buffer rule (a reserve it must not spend), bounded by hysteresis and an emergency down-switch. Like every
 * {@link AbrManager} it only decides; it never fetches, and it reads time only from the injected clock (to
 * stamp its decisions).
 *
 * <h2>Rules, in the order they apply</h2>
 * <ol>
 *   <li><b>Start-up.</b> Before any segment was measured: the highest rung within
 *       {@link #STARTUP_BANDWIDTH_SHARE} of the estimator's default estimate.</li>
 *   <li><b>Throughput rule (forecasts).</b> A <i>nominal</i> forecast, the lower of the
 *       {@link BandwidthEstimator}'s estimate (fast and slow averages, take the min) and the harmonic mean
 *       of the last {@link #HARMONIC_WINDOW} segments; and a <i>pessimistic</i> one, the nominal divided by
 *       (1 + the largest relative error of the last {@link #ERROR_WINDOW} forecasts), as robust MPC does.
 *       Until {@link #PRIOR_ERROR_SAMPLES} forecasts were checked, the error is taken as at least
 *       {@link #PRIOR_FORECAST_ERROR}: one sample says little.</li>
 *   <li><b>Look-ahead with the buffer rule.</b> Every rung sequence over the next {@link #HORIZON}
 *       segments (fewer at the end of the title) is played out (by {@link PlanSearch}, a dynamic programme
 *       that extends only the best of the partial plans ending on the same rung and buffers) on both forecasts and scored with the
 *       linear QoE the player is judged by, {@code Σ bitrate_Mbps − 4.3 × stall_s − |Δbitrate_Mbps|}; a
 *       sequence's score is the mean of its two outcomes ({@link #PESSIMISTIC_WEIGHT}), minus
 *       {@link #RESERVE_PENALTY_PER_S} per second of buffer left below {@link #RESERVE_S} at the plan's end
 *       ({@link #END_RESERVE_S} when the plan reaches the end of the title), so that one plan does not
 *       spend the buffer the next one needs; of a deficit the plan starts from, only
 *       {@link #INHERITED_DEFICIT_SHARE} is charged, so a fresh start climbs while it rebuilds. The first rung of the best sequence is the candidate. The
 *       plan knows the owner's buffer goal (the buffer never grows past it): without it, a plan may keep
 *       a low rung "to build the buffer it will spend later", which never comes when the goal stops the
 *       buffer short. Planning on the pessimistic forecast alone (robust MPC) leaves a full buffer unused;
 *       on the nominal one alone it stalls at every dip; with both, a large buffer absorbs forecast errors
 *       and a small one does not.</li>
 *   <li><b>Buffer rule on a volatile link.</b> When the largest recent forecast error exceeds
 *       {@link #VOLATILE_ERROR_THRESHOLD} and less than {@link #RESERVE_S} is buffered, never above the rung
 *       the pessimistic forecast carries in real time.</li>
 *   <li><b>Hysteresis.</b> No up-switch while the buffer holds less than
 *       {@link #MIN_BUFFER_FOR_UP_SWITCH_S}; down-switches are never held back.</li>
 *   <li><b>Emergency down-switch.</b> If the candidate's download at the pessimistic forecast, times
 *       {@link #DOWNLOAD_SAFETY_FACTOR}, would not end {@link #STALL_MARGIN_S} before the buffer runs
 *       out, the next rung down, until one fits or the lowest is reached. During a download,
 *       {@link #shouldAbandon} says to drop it when, at the rate seen so far, it would stall while the
 *       lowest rung would arrive in time; the next choice is then capped at that rate.</li>
 * </ol>
 *
 * <p>The constants were tuned on half of the shared HSDPA and FCC traces and checked on the other half
 * ({@code ./marquee abr-sim --half tune|check}), on sessions started from 8 points of each trace
 * ({@code --offsets 8}: 8 times more sessions than the conventions' one per trace, which alone reward
 * luck); they sit on a plateau (neighbouring values score within about half a QoE point), which is why
 * they are round numbers.
 */
public final class DefaultAbrManager implements AbrManager {

    /**
     * The policy's constants, grouped so that the simulator can compare variants; {@link #DEFAULTS} (the
     * public constants below, with their reasons) is what the player uses.
     */
    public record Tuning(int horizon, int harmonicWindow, int errorWindow, double pessimisticWeight,
                         double reserveS, double endReserveS, double reservePenaltyPerS,
                         double minBufferForUpSwitchS, double startupBandwidthShare, double stallMarginS,
                         double downloadSafetyFactor, double volatileErrorThreshold,
                         double inheritedDeficitShare) {

        public Tuning {
            if (horizon < 1 || harmonicWindow < 1 || errorWindow < 1) {
                throw new IllegalArgumentException("horizon and windows must be at least 1");
            }
            if (pessimisticWeight < 0 || pessimisticWeight > 1) {
                throw new IllegalArgumentException("pessimistic weight must lie in [0, 1], was " + pessimisticWeight);
            }
        }
    }

    /**
     * Segments planned ahead: 24 s. MPC's 5 ends a plan too early to see the down-switch that spending the
     * buffer at a rung above the link will cost; 6 scored better than 5 on 7 of the 8 tuning cuts (both
     * families, both halves, 1 and 8 starting points; decision 0701), 4 worse on all 8, 7 and 8 mixed.
     */
    public static final int HORIZON = 6;
    /** Segments in the harmonic mean: long enough to smooth one outlier, short enough to follow a change. */
    public static final int HARMONIC_WINDOW = 5;
    /** Segments over which the largest forecast error counts (robust MPC's 5: about 20 s of history). */
    public static final int ERROR_WINDOW = 5;
    /** Weight of the pessimistic outcome in a plan's score: even odds between "as usual" and "as bad as lately". */
    public static final double PESSIMISTIC_WEIGHT = 0.5;
    /**
     * Buffer reserve, seconds: about three and a half 4 s segments, enough to ride out the typical outage
     * of a mobile link (a tunnel, a handover) at the lowest rung. Sessions started anywhere in the shared
     * traces score best from 12 to 16 s on both families; 8 s looks as good only on sessions that start at
     * each trace's beginning.
     */
    public static final double RESERVE_S = 14.0;
    /**
     * Reserve at the end of a plan that reaches the title's end, seconds: the last plan may spend the buffer
     * (it is worth nothing after the end) but keeps enough for one and a half slow segments.
     */
    public static final double END_RESERVE_S = 6.0;
    /** QoE points per second of reserve missing at a plan's end: a stall second costs 4.3, this is half. */
    public static final double RESERVE_PENALTY_PER_S = 2.0;
    /**
     * Share of the reserve deficit at decision time that a plan is still charged for: a plan must not
     * deepen the deficit it inherits, but is charged for only half of it, so that a session's start
     * (4 s buffered against a 14 s reserve) rebuilds the buffer without starving the first segments.
     */
    public static final double INHERITED_DEFICIT_SHARE = 0.5;
    /** Buffer before an up-switch, seconds: one segment, so a wrong up-switch cannot stall at once. */
    public static final double MIN_BUFFER_FOR_UP_SWITCH_S = 4.0;
    /** Share of the default estimate trusted for the first segment: the default is a guess, not a measure. */
    public static final double STARTUP_BANDWIDTH_SHARE = 0.8;
    /** Buffer kept in hand when judging whether a download will stall, seconds: covers a late first byte. */
    public static final double STALL_MARGIN_S = 1.0;

    /**
     * The buffer must cover this many times a segment's pessimistic download time: 1, because the
     * pessimistic forecast already carries the recent error; 1.5 and more cost more bitrate than stalls.
     */
    public static final double DOWNLOAD_SAFETY_FACTOR = 1.0;

    /**
     * A link whose recent forecasts missed by more than this (relative error) is volatile, and the buffer
     * rule's hard cap applies: a miss by half means the link can vanish (mobile traces, or a broadband one
     * in trouble), while steady broadband misses by under 10 %; on a steady link the cap only costs bitrate.
     */
    public static final double VOLATILE_ERROR_THRESHOLD = 0.5;

    public static final Tuning DEFAULTS = new Tuning(HORIZON, HARMONIC_WINDOW, ERROR_WINDOW, PESSIMISTIC_WEIGHT,
            RESERVE_S, END_RESERVE_S, RESERVE_PENALTY_PER_S, MIN_BUFFER_FOR_UP_SWITCH_S, STARTUP_BANDWIDTH_SHARE,
            STALL_MARGIN_S, DOWNLOAD_SAFETY_FACTOR, VOLATILE_ERROR_THRESHOLD, INHERITED_DEFICIT_SHARE);

    /** Relative forecast error assumed while too few forecasts were checked (one sample says little). */
    public static final double PRIOR_FORECAST_ERROR = 0.5;
    /** Checked forecasts needed before the observed errors alone set the pessimistic forecast. */
    public static final int PRIOR_ERROR_SAMPLES = 3;

    /** Decisions kept for the stats overlay. */
    public static final int DECISIONS_KEPT = 32;
    /** Throughput samples kept (the longest window above is what is needed). */
    private static final int SAMPLES_KEPT = 16;
    /** Stall penalty of the linear QoE, QoE points per second: the cost the planner weighs bitrate against. */
    static final double REBUFFER_PENALTY_PER_S = 4.3;
    /** A download is judged only after this much time, so one slow first packet does not abandon it, µs. */
    static final long ABANDON_MIN_ELAPSED_US = 500_000;
    /** Abandon only if the lowest rung arrives in at most this share of the time the current one needs. */
    static final double ABANDON_MIN_SAVING = 0.5;

    private static final double MICROS = 1e6;
    private static final double BITS_PER_BYTE = 8;
    private static final double MEGA = 1e6;

    private final BandwidthEstimator estimator;
    private final InstantSource clock;
    private final Tuning tuning;

    private double[] bitrateMbps = new double[0];
    private long[] bandwidthBps = new long[0];
    private double segmentS;
    private double bufferGoalS;
    private final Deque<Double> samplesBps = new ArrayDeque<>();
    private final Deque<Double> errors = new ArrayDeque<>();
    private double lastForecastBps = Double.NaN;
    private double emergencyCapBps = Double.NaN;
    private final Deque<AbrDecision> decisions = new ArrayDeque<>();

    public DefaultAbrManager(InstantSource clock) {
        this(new EwmaBandwidthEstimator(), clock, DEFAULTS);
    }

    public DefaultAbrManager(BandwidthEstimator estimator, InstantSource clock, Tuning tuning) {
        this.estimator = Objects.requireNonNull(estimator, "estimator");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.tuning = Objects.requireNonNull(tuning, "tuning");
    }

    @Override
    public void configure(List<Variant> variants, Duration segmentDuration, Duration bufferGoal) {
        if (variants.isEmpty()) {
            throw new IllegalArgumentException("the ladder has no variant");
        }
        if (segmentDuration.isNegative() || segmentDuration.isZero()) {
            throw new IllegalArgumentException("segment duration must be positive, was " + segmentDuration);
        }
        int n = variants.size();
        bitrateMbps = new double[n];
        bandwidthBps = new long[n];
        for (int r = 0; r < n; r++) {
            bandwidthBps[r] = variants.get(r).bandwidthBps();
            bitrateMbps[r] = bandwidthBps[r] / MEGA;
            if (r > 0 && bandwidthBps[r] <= bandwidthBps[r - 1]) {
                throw new IllegalArgumentException("variants must be ordered by increasing bandwidth: "
                        + variants.get(r - 1).id() + " then " + variants.get(r).id());
            }
        }
        if (bufferGoal.compareTo(segmentDuration) < 0) {
            throw new IllegalArgumentException("buffer goal " + bufferGoal + " is shorter than one segment");
        }
        segmentS = segmentDuration.toNanos() / 1e9;
        bufferGoalS = bufferGoal.toNanos() / 1e9;
        errors.clear();
        lastForecastBps = Double.NaN;
        emergencyCapBps = Double.NaN;
        decisions.clear();
    }

    @Override
    public void segmentDownloaded(long durationUs, long bytes) {
        if (durationUs <= 0 || bytes <= 0) {
            return;
        }
        estimator.sample(durationUs, bytes);
        double bps = bytes * BITS_PER_BYTE / (durationUs / MICROS);
        if (!Double.isNaN(lastForecastBps)) {
            push(errors, Math.abs(lastForecastBps - bps) / bps, tuning.errorWindow());
        }
        push(samplesBps, bps, SAMPLES_KEPT);
        emergencyCapBps = Double.NaN;
    }

    @Override
    public AbrDecision chooseVariant(SegmentContext context) {
        requireConfigured();
        double bufferS = context.bufferUs() / MICROS;
        int current = Math.min(context.currentVariantIndex(), bitrateMbps.length - 1);
        if (samplesBps.isEmpty()) {
            long estimate = estimator.estimateBps();
            int rung = highestWithin(estimate * tuning.startupBandwidthShare());
            return record(context, rung, AbrRule.STARTUP, estimate, estimate);
        }

        // throughput rule: a nominal and a pessimistic forecast
        double nominalBps = Math.min(estimator.estimateBps(), harmonicMean(tuning.harmonicWindow()));
        lastForecastBps = nominalBps;
        double maxError = errors.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        if (errors.size() < PRIOR_ERROR_SAMPLES) {
            maxError = Math.max(maxError, PRIOR_FORECAST_ERROR);
        }
        double pessimisticBps = nominalBps / (1 + maxError);
        boolean emergency = !Double.isNaN(emergencyCapBps);
        if (emergency) {
            nominalBps = Math.min(nominalBps, emergencyCapBps);
            pessimisticBps = Math.min(pessimisticBps, emergencyCapBps);
        }

        // look-ahead with the buffer reserve
        double[] nextSizesBits = sizesBits(context.nextSegmentSizesBytes());
        int remaining = context.segmentsRemaining();
        boolean knownEnd = remaining != SegmentContext.UNKNOWN_REMAINING;
        int horizon = knownEnd ? Math.min(tuning.horizon(), remaining) : tuning.horizon();
        double planEndReserveS = knownEnd && remaining <= horizon ? tuning.endReserveS() : tuning.reserveS();
        double w = tuning.pessimisticWeight();
        int rung = new PlanSearch(bitrateMbps, segmentS, bufferGoalS, REBUFFER_PENALTY_PER_S).bestFirstRung(
                nextSizesBits, new double[] {nominalBps, pessimisticBps}, new double[] {1 - w, w}, horizon, bufferS,
                Math.max(current, 0), planEndReserveS, tuning.reservePenaltyPerS(),
                (1 - tuning.inheritedDeficitShare()) * Math.max(0, planEndReserveS - bufferS));
        AbrRule rule = emergency ? AbrRule.EMERGENCY : AbrRule.LOOKAHEAD;

        // buffer rule on a volatile link: below the reserve, no more than the link carries in real time
        if (bufferS < tuning.reserveS() && maxError > tuning.volatileErrorThreshold()) {
            int cap = highestWithin(pessimisticBps);
            if (rung > cap) {
                rung = cap;
                rule = AbrRule.BUFFER_RESERVE;
            }
        }
        // hysteresis
        if (current >= 0 && rung > current && bufferS < tuning.minBufferForUpSwitchS()) {
            rung = current;
            rule = AbrRule.HOLD_LOW_BUFFER;
        }
        // emergency down-switch
        while (rung > 0 && tuning.downloadSafetyFactor() * nextSizesBits[rung] / pessimisticBps
                > bufferS - tuning.stallMarginS()) {
            rung--;
            rule = AbrRule.EMERGENCY;
        }
        return record(context, rung, rule, estimator.estimateBps(), Math.round(pessimisticBps));
    }

    @Override
    public boolean shouldAbandon(DownloadProgress progress) {
        requireConfigured();
        if (progress.variantIndex() <= 0 || progress.elapsedUs() < ABANDON_MIN_ELAPSED_US) {
            return false;
        }
        double elapsedS = progress.elapsedUs() / MICROS;
        double rateBps = progress.bytesLoaded() * BITS_PER_BYTE / elapsedS;
        double bufferS = progress.bufferUs() / MICROS;
        double leftBits = (progress.bytesTotal() - progress.bytesLoaded()) * BITS_PER_BYTE;
        double remainingS = rateBps > 0 ? leftBits / rateBps : Double.POSITIVE_INFINITY;
        if (remainingS <= bufferS - tuning.stallMarginS()) {
            return false;
        }
        double lowestBits = progress.bytesTotal() * BITS_PER_BYTE
                * bandwidthBps[0] / (double) bandwidthBps[Math.min(progress.variantIndex(), bandwidthBps.length - 1)];
        double lowestS = rateBps > 0 ? lowestBits / rateBps : Double.POSITIVE_INFINITY;
        if (lowestS > bufferS - tuning.stallMarginS() || lowestS > remainingS * ABANDON_MIN_SAVING) {
            return false;
        }
        emergencyCapBps = rateBps;
        return true;
    }

    @Override
    public long bandwidthEstimateBps() {
        return estimator.estimateBps();
    }

    @Override
    public List<AbrDecision> recentDecisions() {
        return List.copyOf(new ArrayList<>(decisions));
    }

    private AbrDecision record(SegmentContext context, int rung, AbrRule rule, long estimateBps, long forecastBps) {
        AbrDecision decision = new AbrDecision(context.segmentIndex(), rung, rule, estimateBps, forecastBps,
                context.bufferUs(), clock.instant());
        push(decisions, decision, DECISIONS_KEPT);
        return decision;
    }

    private int highestWithin(double bps) {
        int rung = 0;
        for (int r = 0; r < bandwidthBps.length; r++) {
            if (bandwidthBps[r] <= bps) {
                rung = r;
            }
        }
        return rung;
    }

    private double harmonicMean(int window) {
        double inverseSum = 0;
        int count = 0;
        var it = samplesBps.descendingIterator();
        while (it.hasNext() && count < window) {
            inverseSum += 1 / it.next();
            count++;
        }
        return count / inverseSum;
    }

    /** Sizes of the next segment in bits per rung; {@code bandwidth × duration} where unknown. */
    private double[] sizesBits(long[] sizesBytes) {
        double[] bits = new double[bandwidthBps.length];
        for (int r = 0; r < bits.length; r++) {
            boolean known = sizesBytes != null && sizesBytes.length == bits.length && sizesBytes[r] > 0;
            bits[r] = known ? sizesBytes[r] * BITS_PER_BYTE : bandwidthBps[r] * segmentS;
        }
        return bits;
    }

    private void requireConfigured() {
        if (bitrateMbps.length == 0) {
            throw new IllegalStateException("configure() must be called before the first decision");
        }
    }

    private static <T> void push(Deque<T> deque, T value, int max) {
        deque.addLast(value);
        while (deque.size() > max) {
            deque.removeFirst();
        }
    }
}
