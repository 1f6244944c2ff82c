/**
 * Regions, zones and service instances on one machine, the discovery registry (the Eureka role: leases,
 * renewals, eviction) and the traffic director (the GeoDNS role: healthy regions in preference order).
 * A service instance is a loopback listener of its own with a bounded thread pool, serving the paths of one
 * service; remote instances join the registry over HTTP, so an instance is "a URL in the registry".
 */
@ApplicationModule(displayName = "Topology")
@NullMarked
package dev.marquee.backend.topology;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
