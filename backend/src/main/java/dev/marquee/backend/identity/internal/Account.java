package dev.marquee.backend.identity.internal;

import dev.marquee.model.identity.AccountView;
import dev.marquee.model.identity.Role;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** An account row. The password hash never leaves this module. */
record Account(UUID id, String email, String displayName, String passwordHash, Set<Role> roles, Instant createdAt) {

    AccountView view() {
        return new AccountView(id, email, displayName, roles);
    }

    static String normalizeEmail(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    static String rolesColumn(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
    }

    static Set<Role> parseRoles(String column) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(column.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(Role::valueOf).forEach(roles::add);
        return Set.copyOf(roles);
    }
}
