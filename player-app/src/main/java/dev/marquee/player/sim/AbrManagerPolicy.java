package dev.marquee.player.sim;

import dev.marquee.player.engine.AbrManager;
import dev.marquee.player.engine.SegmentContext;
import dev.marquee.player.engine.Variant;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Drives a real {@link AbrManager} (the player's own class, not a copy) from simulator or protocol
 * decisions: each new throughput sample becomes {@link AbrManager#segmentDownloaded}, each decision a
 * {@link AbrManager#chooseVariant}. Time is the simulated time, advanced by the download times reported.
 */
public final class AbrManagerPolicy implements SimPolicy {

    private static final double MICROS = 1e6;
    private static final double BITS_PER_BYTE = 8;
    private static final double KILO = 1000;

    private final Function<InstantSource, AbrManager> factory;
    private final SimClock clock = new SimClock();
    private AbrManager manager;
    private SessionSetup setup;
    private int samplesFedUpTo;

    /** @param factory makes a fresh manager per session, reading time from the clock it is given */
    public AbrManagerPolicy(Function<InstantSource, AbrManager> factory) {
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    @Override
    public void start(SessionSetup setup) {
        this.setup = setup;
        manager = factory.apply(clock);
        List<Variant> ladder = new ArrayList<>();
        for (int r = 0; r < setup.rungs(); r++) {
            ladder.add(new Variant("r" + r, setup.ladderKbps()[r] * (long) KILO, 0));
        }
        manager.configure(ladder, Duration.ofNanos(Math.round(setup.chunkLenS() * 1e9)),
                Duration.ofNanos(Math.round(Simulator.MAX_BUFFER_S * 1e9)));
        samplesFedUpTo = 0;
    }

    @Override
    public int decide(DecisionState state) {
        double[] tput = state.throughputKbps();
        double[] times = state.downloadTimeS();
        int available = Math.min(tput.length, times.length);
        int fresh = Math.min(available, Math.max(0, state.chunkIndex() - samplesFedUpTo));
        for (int i = available - fresh; i < available; i++) {
            if (times[i] > 0 && tput[i] > 0) {
                long durationUs = Math.round(times[i] * MICROS);
                long bytes = Math.round(tput[i] * KILO / BITS_PER_BYTE * times[i]);
                manager.segmentDownloaded(durationUs, bytes);
                clock.advance(durationUs);
            }
        }
        samplesFedUpTo = Math.max(samplesFedUpTo, state.chunkIndex());
        int remaining = Math.max(1, setup.nChunks() - state.chunkIndex());
        long bufferUs = Math.max(0, Math.round(state.bufferS() * MICROS));
        int last = Math.min(Math.max(state.lastRung(), 0), setup.rungs() - 1);
        return manager.chooseVariant(new SegmentContext(state.chunkIndex(), remaining, bufferUs, last,
                state.nextChunkSizesBytes())).variantIndex();
    }

    /** Simulated time: starts at the epoch and moves only when told. */
    static final class SimClock implements InstantSource {
        private long micros;

        void advance(long us) {
            micros += us;
        }

        @Override
        public Instant instant() {
            return Instant.EPOCH.plusNanos(micros * 1000);
        }
    }
}
