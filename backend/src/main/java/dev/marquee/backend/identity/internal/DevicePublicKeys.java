package dev.marquee.backend.identity.internal;

import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Parses the public key a device registers: base64 of an X.509 SubjectPublicKeyInfo, RSA of at least
 * {@value #MIN_RSA_BITS} bits or EC. Anything else is refused, so a licence is never wrapped for a weak key.
 */
final class DevicePublicKeys {
    /** NIST SP 800-57: RSA below 2048 bits is no longer acceptable for key transport. */
    static final int MIN_RSA_BITS = 2048;
    private static final List<String> ALGORITHMS = List.of("RSA", "EC");

    private DevicePublicKeys() {}

    /** The key's algorithm ("RSA" or "EC"), or empty when the text is not an acceptable key. */
    static Optional<String> algorithmOf(String base64) {
        byte[] der;
        try {
            der = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        for (String algorithm : ALGORITHMS) {
            try {
                PublicKey key = KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
                if (key instanceof RSAPublicKey rsa && rsa.getModulus().bitLength() < MIN_RSA_BITS) {
                    return Optional.empty();
                }
                if (key instanceof RSAPublicKey || key instanceof ECPublicKey) {
                    return Optional.of(algorithm);
                }
            } catch (InvalidKeySpecException | NoSuchAlgorithmException | IllegalArgumentException notThisAlgorithm) {
                // Try the next algorithm.
            }
        }
        return Optional.empty();
    }

    /** Whether the stored base64 text encodes exactly these DER bytes (constant time over the bytes). */
    static boolean sameKey(String storedBase64, byte[] der) {
        try {
            return java.security.MessageDigest.isEqual(Base64.getDecoder().decode(storedBase64.strip()), der);
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }
}
