/** Titles, artwork, genres, home rows and rendition ladders on the wire (the catalog's HTTP API). */
@NullMarked
package dev.marquee.model.catalog;

import org.jspecify.annotations.NullMarked;
