package dev.marquee.model.chaos;

import dev.marquee.model.ApiPaths;

/**
 * Paths of the chaos engine (SRE role). Live run events are not a stream of their own: they are published on the
 * event log's {@code chaos.events} topic, which the metrics live stream ({@code /api/ops/metrics/live}) carries.
 */
public final class ChaosPaths {
    private ChaosPaths() {}

    public static final String CHAOS = ApiPaths.OPS + "/chaos";
    /** {@code GET}: the experiment types with their parameters ({@link ExperimentDescriptor}). */
    public static final String EXPERIMENTS = CHAOS + "/experiments";
    /** {@code GET}: the default steady-state limits and the bounds a request must stay within ({@link ChaosLimits}). */
    public static final String SETTINGS = CHAOS + "/settings";
    /** {@code POST} an {@link ExperimentRequest}: what it would touch ({@link BlastRadius}); changes nothing. */
    public static final String PREVIEW = CHAOS + "/preview";
    /** {@code GET}: runs, newest first ({@link RunView} without timeline); {@code POST} an {@link ExperimentRequest}: start one. */
    public static final String RUNS = CHAOS + "/runs";
    /** {@code GET}: one run with its actions and KPI samples (live while it runs, the stored report after). */
    public static final String RUN = RUNS + "/{runId}";
    /** {@code POST} (optional {@link AbortRequest}): abort and revert. */
    public static final String RUN_ABORT = RUN + "/abort";
    /** {@code GET}: the kill switch; {@code PUT} a {@link KillSwitchRequest}: engage (aborts every run) or release. */
    public static final String KILL_SWITCH = CHAOS + "/kill-switch";
    /** {@code GET}: the schedules ({@link ScheduleView}). */
    public static final String SCHEDULES = CHAOS + "/schedules";
    /** {@code PUT} a {@link ScheduleRequest}: create or replace; {@code DELETE}: remove. */
    public static final String SCHEDULE = SCHEDULES + "/{name}";
}
