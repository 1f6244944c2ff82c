package dev.marquee.backend.license.internal;

import dev.marquee.backend.license.ContentKeys;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Content keys in the {@code license_content_keys} table, each wrapped by the {@link KeyEncryptionKey}. */
final class JdbcContentKeys implements ContentKeys {
    private final JdbcClient jdbc;
    private final KeyEncryptionKey kek;
    private final SecureRandom random;
    private final InstantSource clock;

    JdbcContentKeys(JdbcClient jdbc, KeyEncryptionKey kek, SecureRandom random, InstantSource clock) {
        this.jdbc = jdbc;
        this.kek = kek;
        this.random = random;
        this.clock = clock;
    }

    @Override
    public byte[] keyFor(UUID titleId) {
        Optional<byte[]> existing = find(titleId);
        if (existing.isPresent()) return existing.get();
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        try {
            jdbc.sql("INSERT INTO license_content_keys (title_id, wrapped_key, created_at) VALUES (?, ?, ?)")
                    .params(titleId, kek.wrap(key, associatedData(titleId)), java.sql.Timestamp.from(clock.instant()))
                    .update();
            return key;
        } catch (DuplicateKeyException raced) {
            return find(titleId).orElseThrow();
        }
    }

    @Override
    public Optional<byte[]> find(UUID titleId) {
        Optional<byte[]> wrapped = jdbc.sql("SELECT wrapped_key FROM license_content_keys WHERE title_id = ?")
                .param(titleId)
                .query(byte[].class)
                .optional();
        return wrapped.map(w -> {
            try {
                return kek.unwrap(w, associatedData(titleId));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("content key of title " + titleId
                        + " cannot be unwrapped: wrong key-encryption key or tampered row", e);
            }
        });
    }

    @Override
    public boolean discard(UUID titleId) {
        return jdbc.sql("DELETE FROM license_content_keys WHERE title_id = ?").param(titleId).update() > 0;
    }

    private static byte[] associatedData(UUID titleId) {
        return ("marquee-content-key:" + titleId).getBytes(StandardCharsets.US_ASCII);
    }
}
