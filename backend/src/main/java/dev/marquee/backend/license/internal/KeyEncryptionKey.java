package dev.marquee.backend.license.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key-encryption key (KEK): an AES-256 key in a file readable only by its owner (mode 600, directory 700),
 * created on first use. Wraps content keys with AES-GCM, binding each to its title id as associated data so a
 * wrapped key copied onto another title's row fails to open. See docs/decisions/0401-content-key-storage.md.
 */
final class KeyEncryptionKey {
    static final int KEK_BYTES = 32;
    /** GCM's recommended nonce length (NIST SP 800-38D). */
    static final int NONCE_BYTES = 12;
    static final int TAG_BITS = 128;
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");

    private final SecretKey key;
    private final SecureRandom random;

    private KeyEncryptionKey(byte[] bytes, SecureRandom random) {
        this.key = new SecretKeySpec(bytes, "AES");
        this.random = random;
    }

    /** Loads the KEK from {@code file}, creating it (and its directory) owner-only if it does not exist. */
    static KeyEncryptionKey loadOrCreate(Path file, SecureRandom random) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory);
            restrict(directory, OWNER_ONLY_DIR);
        }
        if (!Files.exists(file)) {
            byte[] fresh = new byte[KEK_BYTES];
            random.nextBytes(fresh);
            try {
                Files.createFile(file);
                restrict(file, OWNER_ONLY_FILE);
                Files.write(file, fresh, StandardOpenOption.TRUNCATE_EXISTING);
            } catch (FileAlreadyExistsException raced) {
                // Another process created it first; use theirs.
            }
        }
        restrict(file, OWNER_ONLY_FILE);
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length != KEK_BYTES) {
            throw new IOException("key-encryption key " + file + " has " + bytes.length + " bytes, expected " + KEK_BYTES);
        }
        return new KeyEncryptionKey(bytes, random);
    }

    private static void restrict(Path path, Set<PosixFilePermission> permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, permissions);
        } catch (UnsupportedOperationException notPosix) {
            // Non-POSIX file systems rely on the directory's ACLs.
        }
    }

    /** Returns nonce ‖ ciphertext ‖ tag. */
    byte[] wrap(byte[] contentKey, byte[] associatedData) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData);
            byte[] sealed = cipher.doFinal(contentKey);
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is available in every JDK", e);
        }
    }

    byte[] unwrap(byte[] wrapped, byte[] associatedData) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, wrapped, 0, NONCE_BYTES));
        cipher.updateAAD(associatedData);
        return cipher.doFinal(wrapped, NONCE_BYTES, wrapped.length - NONCE_BYTES);
    }
}
