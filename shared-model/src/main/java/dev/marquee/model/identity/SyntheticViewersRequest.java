package dev.marquee.model.identity;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/ops/synthetic-viewers} (SRE only): make sure the synthetic viewer accounts
 * {@code <prefix>-001 … <prefix>-<count>} exist and hand out a fresh token pair for each. Idempotent by prefix: a
 * second call with the same prefix reuses the accounts it made before (and makes only the missing ones).
 *
 * @param count  how many viewers, 1 to {@link #MAX_COUNT}
 * @param prefix lower-case letters, digits and dashes, e.g. {@code load}; names the accounts
 */
public record SyntheticViewersRequest(
        @Min(1) @Max(MAX_COUNT) int count,
        @NotNull @Size(min = 1, max = MAX_PREFIX_LENGTH) @Pattern(regexp = PREFIX_PATTERN) String prefix) {

    /**
     * One request's worth: a 2-core machine plays 20–50 synthetic viewers; 500 leaves room for a bigger load
     * machine while bounding what one call can create (and the token pairs it hands out).
     */
    public static final int MAX_COUNT = 500;
    public static final int MAX_PREFIX_LENGTH = 32;
    public static final String PREFIX_PATTERN = "[a-z0-9][a-z0-9-]*";
    /**
     * Domain of every synthetic account's email: {@code .invalid} is reserved (RFC 2606), so no real address can
     * ever collide with one, and anything can tell a synthetic account by its email.
     */
    public static final String EMAIL_DOMAIN = "synthetic.marquee.invalid";
}
