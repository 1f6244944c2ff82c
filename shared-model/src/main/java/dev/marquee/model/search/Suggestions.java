package dev.marquee.model.search;

import java.util.List;

/** Typeahead suggestions for a prefix, best first. */
public record Suggestions(String query, List<Suggestion> items) {}
