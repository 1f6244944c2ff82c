package dev.marquee.backend.license.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.InstantSource;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The licence server's Ed25519 key pair, created on first start and kept in {@code license_server_keys} with the
 * private half wrapped by the {@link KeyEncryptionKey} (bound to its row by associated data). Loaded once; the
 * private key lives only in memory afterwards. Losing the KEK means players must re-pin a new server key.
 */
final class ServerSigningKey {
    /** One key for the whole platform; rotation would add rows with new ids and a key id in the licence. */
    static final int KEY_ID = 1;
    private static final String ALGORITHM = "Ed25519";

    private final PublicKey publicKey;
    private final PrivateKey privateKey;

    private ServerSigningKey(PublicKey publicKey, PrivateKey privateKey) {
        this.publicKey = publicKey;
        this.privateKey = privateKey;
    }

    static ServerSigningKey loadOrCreate(JdbcClient jdbc, KeyEncryptionKey kek, InstantSource clock) {
        try {
            Optional<ServerSigningKey> existing = load(jdbc, kek);
            if (existing.isPresent()) {
                return existing.get();
            }
            KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
            byte[] pkcs8 = pair.getPrivate().getEncoded();
            try {
                jdbc.sql("insert into license_server_keys (id, public_key, wrapped_private_key, created_at) values (?, ?, ?, ?)")
                        .params(KEY_ID, pair.getPublic().getEncoded(), kek.wrap(pkcs8, associatedData()),
                                OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                        .update();
                return new ServerSigningKey(pair.getPublic(), pair.getPrivate());
            } catch (DuplicateKeyException raced) {
                return load(jdbc, kek).orElseThrow();
            } finally {
                Arrays.fill(pkcs8, (byte) 0);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the licence server's signing key cannot be opened: wrong key-encryption "
                    + "key or tampered row in license_server_keys", e);
        }
    }

    private static Optional<ServerSigningKey> load(JdbcClient jdbc, KeyEncryptionKey kek) throws GeneralSecurityException {
        var row = jdbc.sql("select public_key, wrapped_private_key from license_server_keys where id = ?").param(KEY_ID)
                .query((rs, n) -> new byte[][] {rs.getBytes(1), rs.getBytes(2)}).optional();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        KeyFactory factory = KeyFactory.getInstance(ALGORITHM);
        byte[] pkcs8 = kek.unwrap(row.get()[1], associatedData());
        try {
            return Optional.of(new ServerSigningKey(factory.generatePublic(new X509EncodedKeySpec(row.get()[0])),
                    factory.generatePrivate(new PKCS8EncodedKeySpec(pkcs8))));
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    private static byte[] associatedData() {
        return ("marquee-license-server-key:" + KEY_ID).getBytes(StandardCharsets.US_ASCII);
    }

    PublicKey publicKey() {
        return publicKey;
    }

    PrivateKey privateKey() {
        return privateKey;
    }
}
