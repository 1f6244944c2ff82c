package dev.marquee.model.identity;

import java.util.UUID;

/** A viewer profile within an account (at most {@link #MAX_PER_ACCOUNT}). */
public record ProfileView(UUID id, String name, boolean kids, boolean hasPin, boolean locked, String avatar) {

    /** The seed's household limit. */
    public static final int MAX_PER_ACCOUNT = 5;
}
