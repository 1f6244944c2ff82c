package dev.marquee.model.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/me/devices}: a device registers the public half of its key pair so that licences
 * can be wrapped for it.
 *
 * @param publicKey base64 (standard alphabet) of the X.509 SubjectPublicKeyInfo DER encoding of an RSA or EC key
 */
public record RegisterDeviceRequest(
        @NotBlank @Size(max = 80) String name,
        @NotBlank @Size(max = MAX_PUBLIC_KEY_LENGTH) String publicKey) {

    /** Room for a base64 RSA-8192 SubjectPublicKeyInfo (about 1.4 KB DER). */
    public static final int MAX_PUBLIC_KEY_LENGTH = 2048;
    /** Devices an account may register before it has to remove one. */
    public static final int MAX_PER_ACCOUNT = 10;
}
