package dev.marquee.player.ui;

import dev.marquee.model.catalog.TitleCard;
import java.util.List;
import java.util.OptionalDouble;

/**
 * One row on the home screen as the view draws it.
 *
 * @param id    the backend's row id, or {@link #CONTINUE_ID} for the row the player makes from resume positions
 * @param tiles in display order
 */
public record HomeRowModel(String id, String label, List<Tile> tiles) {
    public static final String CONTINUE_ID = "continue";
    public static final String CONTINUE_LABEL = "Continue Watching";

    /**
     * A poster card.
     *
     * @param progress fraction watched (0–1) for a Continue Watching tile, empty elsewhere
     */
    public record Tile(TitleCard card, OptionalDouble progress) {}
}
