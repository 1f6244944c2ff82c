package dev.marquee.model.chaos;

/** Where a run stands; every status but {@link #RUNNING} is a verdict. */
public enum RunStatus {
    RUNNING,
    /** Ran its duration with the hypothesis holding; reverted. */
    PASSED,
    /** Stopped early (hypothesis failed, an SRE, the kill switch); reverted. */
    ABORTED,
    /** The engine could not inject or revert everything; the reason says what is left. */
    FAILED;

    public boolean isVerdict() {
        return this != RUNNING;
    }
}
