package dev.marquee.model.identity;

import java.util.UUID;

/**
 * One synthetic viewer account, ready to play: its one profile and a fresh token pair. The account has no usable
 * password (its hash is of a random secret nobody knows), so these tokens are the only way in; signing out with
 * the refresh token ends them.
 */
public record SyntheticViewer(UUID accountId, String email, UUID profileId, TokenResponse tokens) {}
