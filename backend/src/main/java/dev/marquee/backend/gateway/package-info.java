/**
 * The gateway (the Zuul role): one per region on its own port, a pipeline of small filters in phases. Inbound:
 * request id and passport, token validation, rate limiting. Endpoint: routing by path prefix to an UP instance of
 * the owning service (client-side load balancing with zone affinity, retries of idempotent calls on another
 * instance, every attempt protected), or the home-screen aggregation. Outbound: response headers.
 */
@ApplicationModule(displayName = "Gateway")
@NullMarked
package dev.marquee.backend.gateway;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
