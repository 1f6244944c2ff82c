package dev.marquee.player.engine;

/** The rule that had the last word on an ABR decision, shown as "why this rung" in the stats overlay. */
public enum AbrRule {
    /** No throughput measured yet: a rung the default estimate can carry. */
    STARTUP("start-up: no measurement yet"),
    /** The look-ahead plan over the next segments: throughput forecasts weighed against the buffer reserve. */
    LOOKAHEAD("look-ahead plan"),
    /** A volatile link and a buffer below the reserve: capped at what the pessimistic forecast carries. */
    BUFFER_RESERVE("buffer below reserve on a volatile link: throughput cap"),
    /** An up-switch was refused because the buffer was below the minimum for one. */
    HOLD_LOW_BUFFER("up-switch held: buffer too low"),
    /** The chosen segment could not arrive before the buffer ran out: a lower rung that can. */
    EMERGENCY("emergency down-switch");

    private final String description;

    AbrRule(String description) {
        this.description = description;
    }

    /** A short human sentence for the stats overlay. */
    public String description() {
        return description;
    }
}
