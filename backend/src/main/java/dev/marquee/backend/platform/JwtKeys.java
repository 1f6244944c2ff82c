package dev.marquee.backend.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Finds the HMAC-SHA256 key that signs and verifies access tokens: from configuration when given, else from
 * {@code secrets/jwt.key} under the data directory, generating a random one there on first start.
 * It does not rotate keys: deleting the file signs everyone out on the next start.
 */
final class JwtKeys {
    /** HS256 needs a key at least as long as its 256-bit output (RFC 7518 §3.2). */
    static final int KEY_BYTES = 32;
    static final String ALGORITHM = "HmacSHA256";

    private JwtKeys() {}

    static SecretKey load(@Nullable String configured, Path home) {
        byte[] key = configured != null && !configured.isBlank() ? decode(configured, "marquee.security.jwt-secret") : fromFile(home);
        return new SecretKeySpec(key, ALGORITHM);
    }

    private static byte[] fromFile(Path home) {
        Path file = home.resolve("secrets").resolve("jwt.key");
        try {
            if (Files.exists(file)) {
                return decode(Files.readString(file, StandardCharsets.US_ASCII).strip(), file.toString());
            }
            byte[] key = new byte[KEY_BYTES];
            new SecureRandom().nextBytes(key);
            SecretFiles.writeOwnerOnly(file, Base64.getEncoder().encodeToString(key) + "\n");
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the token signing key " + file, e);
        }
    }

    private static byte[] decode(String base64, String source) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(source + " is not valid base64", e);
        }
        if (key.length < KEY_BYTES) {
            throw new IllegalStateException(source + " must hold at least " + KEY_BYTES + " bytes, has " + key.length);
        }
        return key;
    }
}
