package dev.marquee.backend.license.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyEncryptionKeyTest {
    @TempDir Path home;
    final SecureRandom random = new SecureRandom();

    @Test
    void createsAnOwnerOnlyKeyFileOnceAndReusesIt() throws Exception {
        Path file = home.resolve("secrets/kek");
        var first = KeyEncryptionKey.loadOrCreate(file, random);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        byte[] wrapped = first.wrap(new byte[16], aad("t1"));

        var reloaded = KeyEncryptionKey.loadOrCreate(file, random);
        assertThat(reloaded.unwrap(wrapped, aad("t1"))).isEqualTo(new byte[16]);
    }

    @Test
    void wrappedKeyOpensOnlyForItsOwnTitleAndUntampered() throws Exception {
        var kek = KeyEncryptionKey.loadOrCreate(home.resolve("kek"), random);
        byte[] key = new byte[16];
        random.nextBytes(key);
        byte[] wrapped = kek.wrap(key, aad("title-a"));

        assertThat(wrapped).hasSize(KeyEncryptionKey.NONCE_BYTES + 16 + KeyEncryptionKey.TAG_BITS / 8);
        assertThat(kek.unwrap(wrapped, aad("title-a"))).isEqualTo(key);
        assertThatThrownBy(() -> kek.unwrap(wrapped, aad("title-b"))).isInstanceOf(GeneralSecurityException.class);
        wrapped[KeyEncryptionKey.NONCE_BYTES] ^= 1;
        assertThatThrownBy(() -> kek.unwrap(wrapped, aad("title-a"))).isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void refusesAKeyFileOfTheWrongLength() throws Exception {
        Path file = Files.write(home.resolve("kek"), new byte[7]);
        assertThatThrownBy(() -> KeyEncryptionKey.loadOrCreate(file, random)).hasMessageContaining("7 bytes");
    }

    private static byte[] aad(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
