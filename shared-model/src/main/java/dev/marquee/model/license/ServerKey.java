package dev.marquee.model.license;

import java.util.Objects;

/**
 * The licence server's signing key as published at {@link LicensePaths#SERVER_KEY}.
 *
 * @param algorithm  always {@code "Ed25519"}
 * @param publicKey  base64 (standard, padded) of the X.509 SubjectPublicKeyInfo encoding
 */
public record ServerKey(String algorithm, String publicKey) {

    public ServerKey {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(publicKey, "publicKey");
    }
}
