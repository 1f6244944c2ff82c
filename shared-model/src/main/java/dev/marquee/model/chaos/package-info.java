/** The chaos engine on the wire: experiment catalog, run requests, blast radius, run reports, kill switch, schedules. */
@NullMarked
package dev.marquee.model.chaos;

import org.jspecify.annotations.NullMarked;
