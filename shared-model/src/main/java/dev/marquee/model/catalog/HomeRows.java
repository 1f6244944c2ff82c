package dev.marquee.model.catalog;

import java.util.List;

/** The home screen: "New on Marquee" first, then one row per genre, each filtered for the viewer's profile. */
public record HomeRows(List<HomeRow> rows) {}
