package dev.marquee.backend.license.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.backend.BackendIntegrationSupport;
import java.time.Clock;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The licence server's signing key: made once, kept wrapped under the KEK, the same after a reload. */
class ServerSigningKeyIntegrationTest extends BackendIntegrationSupport {
    @Autowired
    JdbcClient jdbc;
    @Autowired
    KeyEncryptionKey kek;
    @Autowired
    ServerSigningKey key;

    @Test
    void storesThePrivateHalfOnlyWrappedAndReloadsTheSameKey() {
        byte[] stored = jdbc.sql("select wrapped_private_key from license_server_keys where id = ?")
                .param(ServerSigningKey.KEY_ID).query(byte[].class).single();
        byte[] pkcs8 = key.privateKey().getEncoded();
        // The 32-byte Ed25519 seed is the tail of its PKCS#8 encoding; it must appear nowhere in the row.
        byte[] seed = Arrays.copyOfRange(pkcs8, pkcs8.length - 32, pkcs8.length);
        assertThat(indexOf(stored, seed)).isNegative();

        ServerSigningKey reloaded = ServerSigningKey.loadOrCreate(jdbc, kek, Clock.systemUTC());
        assertThat(reloaded.publicKey().getEncoded()).isEqualTo(key.publicKey().getEncoded());
        assertThat(reloaded.privateKey().getEncoded()).isEqualTo(pkcs8);
        assertThat(jdbc.sql("select count(*) from license_server_keys").query(Long.class).single()).isEqualTo(1);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }
}
