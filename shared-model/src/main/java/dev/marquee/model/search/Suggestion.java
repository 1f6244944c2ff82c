package dev.marquee.model.search;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A typeahead suggestion: a title whose words start with what the viewer typed. */
public record Suggestion(UUID titleId, String title, @Nullable String posterUrl) {}
