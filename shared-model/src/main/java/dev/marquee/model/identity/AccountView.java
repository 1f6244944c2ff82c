package dev.marquee.model.identity;

import java.util.Set;
import java.util.UUID;

/** An account as its owner sees it. Never carries the password hash. */
public record AccountView(UUID id, String email, String displayName, Set<Role> roles) {}
