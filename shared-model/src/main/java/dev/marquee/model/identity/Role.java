package dev.marquee.model.identity;

/** What an account may do: viewers watch, SREs also operate the platform. */
public enum Role {
    VIEWER,
    SRE
}
