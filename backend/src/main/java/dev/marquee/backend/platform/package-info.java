/**
 * Cross-cutting web plumbing every module relies on: bearer-token security, RFC 9457 problem responses,
 * request size limits, the shared clock and the OpenAPI description.
 * It is an open module: its types are meant to be used by every other module. It holds no business logic.
 */
@ApplicationModule(displayName = "Platform", type = ApplicationModule.Type.OPEN)
@NullMarked
package dev.marquee.backend.platform;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
