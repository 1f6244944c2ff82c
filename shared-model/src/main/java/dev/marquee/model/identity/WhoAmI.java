package dev.marquee.model.identity;

import java.util.Set;
import java.util.UUID;

/** Answer of the SRE-only {@code GET /api/ops/whoami}: proves the caller's token and role. */
public record WhoAmI(UUID accountId, String email, Set<Role> roles) {}
