package dev.marquee.model.chaos;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The kill switch: whether it is engaged, by whom, why and since when. */
public record KillSwitchView(boolean engaged, @Nullable String by, @Nullable String reason, @Nullable Instant since) {}
