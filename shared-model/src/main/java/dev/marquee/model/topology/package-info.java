/** Regions, instances, the discovery registry, the traffic director and circuit breakers on the wire. */
@NullMarked
package dev.marquee.model.topology;

import org.jspecify.annotations.NullMarked;
