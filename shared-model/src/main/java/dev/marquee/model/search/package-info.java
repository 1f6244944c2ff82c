/** Full-text search and typeahead suggestions on the wire (the search module's HTTP API). */
@NullMarked
package dev.marquee.model.search;

import org.jspecify.annotations.NullMarked;
