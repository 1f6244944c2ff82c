package dev.marquee.model.catalog;

import java.util.List;

/**
 * One page of titles, newest first.
 *
 * @param page       zero-based page number
 * @param totalItems titles matching the request in all pages
 */
public record TitlePage(List<TitleCard> items, int page, int size, long totalItems) {

    public static final int DEFAULT_SIZE = 20;
    /** Large enough for a grid screen, small enough that one request stays cheap. */
    public static final int MAX_SIZE = 100;
}
