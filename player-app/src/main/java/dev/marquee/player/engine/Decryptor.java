package dev.marquee.player.engine;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Decrypts HLS AES-128 segments (AES-128-CBC, PKCS#7 padding, the playlist's IV) in memory. It never writes
 * anything; the caller hands the plaintext straight to the {@link MediaSink}. Stateless and thread-safe.
 */
public final class Decryptor {

    private static final int KEY_BYTES = 16;

    public byte[] decrypt(byte[] ciphertext, byte[] key, byte[] iv) throws GeneralSecurityException {
        if (key.length != KEY_BYTES || iv.length != KEY_BYTES) {
            throw new GeneralSecurityException("AES-128 needs a 16-byte key and IV");
        }
        Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
        return cipher.doFinal(ciphertext);
    }
}
