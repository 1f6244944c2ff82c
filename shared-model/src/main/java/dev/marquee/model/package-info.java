/** The wire contract shared by the backend and both desktop apps: DTO records, event schemas and API paths. */
@NullMarked
package dev.marquee.model;

import org.jspecify.annotations.NullMarked;
