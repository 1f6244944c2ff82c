package dev.marquee.model.identity;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Credentials for {@code POST /api/auth/sign-in}. */
public record SignInRequest(
        @NotBlank @Email @Size(max = MAX_EMAIL_LENGTH) String email,
        @NotBlank @Size(max = MAX_PASSWORD_LENGTH) String password) {

    /** RFC 5321 limit on a forward path. */
    public static final int MAX_EMAIL_LENGTH = 254;
    /** Long enough for any passphrase, short enough that hashing cannot be used to burn CPU. */
    public static final int MAX_PASSWORD_LENGTH = 128;
}
