/**
 * The chaos engine (the Simian Army role): experiments that terminate instances, take out a zone or a region,
 * inject latency and errors on the wire, or replace sick instances, each run bounded in time, previewed, watched
 * by a steady-state hypothesis on live KPIs, reverted at its end or on abort, and stored as a report. It acts
 * only through the other modules' public APIs; nothing in the platform asks whether chaos is on.
 */
@ApplicationModule(displayName = "Chaos")
@NullMarked
package dev.marquee.backend.chaos;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
