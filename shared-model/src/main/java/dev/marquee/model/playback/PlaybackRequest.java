package dev.marquee.model.playback;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST /api/playback/sessions}. The account comes from the bearer token.
 *
 * @param titleId   what to play
 * @param profileId who watches (must belong to the account; a kids profile may only play titles rated for kids)
 * @param region    the client's region, e.g. {@code us-east-1}; blank = the region of the gateway that answers.
 *                  In local mode the client declares it; at scale it comes from the client's address.
 * @param isp       the client's ISP, e.g. {@code isp-a}, used to put that ISP's edge first; may be absent
 */
public record PlaybackRequest(
        @NotNull UUID titleId,
        @NotNull UUID profileId,
        @Nullable @Size(max = 64) @Pattern(regexp = NAME_PATTERN) String region,
        @Nullable @Size(max = 64) @Pattern(regexp = NAME_PATTERN) String isp) {

    public static final String NAME_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]*";
}
