package dev.marquee.player.sim;

/**
 * A rung-choosing policy as the simulator and the {@code --decide} protocol drive it: one {@link #start}
 * per session, one {@link #decide} per chunk after the first, from one thread.
 */
public interface SimPolicy {

    /** Resets state for a new session. */
    void start(SessionSetup setup);

    /** The rung of chunk {@code state.chunkIndex()}. */
    int decide(DecisionState state);
}
