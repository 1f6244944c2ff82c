package dev.marquee.model.chaos;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A run: live while {@link RunStatus#RUNNING}, the stored report after. Lists of runs leave {@code actions} and
 * {@code samples} empty.
 *
 * @param endsAt   when the engine will end it if nothing aborts it first
 * @param reason   why it ended as it did (the verdict's reason); null while running
 * @param thresholds  the limits applied; null for Doctor Monkey (a repair action has no steady-state hypothesis)
 * @param before   the baseline KPIs taken before the first action
 * @param after    KPIs after the revert
 */
public record RunView(
        String id,
        ExperimentType type,
        ChaosScope scope,
        RunStatus status,
        String startedBy,
        @Nullable String requestReason,
        Instant startedAt,
        Instant endsAt,
        @Nullable Instant endedAt,
        @Nullable String reason,
        @Nullable SteadyStateThresholds thresholds,
        BlastRadius blastRadius,
        @Nullable KpiSample before,
        @Nullable KpiSample after,
        List<RunAction> actions,
        List<KpiSample> samples) {}
