package dev.marquee.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * An RFC 9457 problem detail as the backend sends it ({@code application/problem+json}).
 * The apps show {@link #detail()} (or {@link #title()}) to people; never a stack trace.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Problem(
        @Nullable String type,
        @Nullable String title,
        int status,
        @Nullable String detail,
        @Nullable String instance) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
