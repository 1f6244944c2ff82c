package dev.marquee.model.license;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The licence scheme, shared by the licence server (wrap, sign) and the player (verify, unwrap), so both agree
 * byte for byte. Pure JDK crypto; it keeps no state and no key.
 *
 * <p>Key wrapping is ECIES on P-256: ECDH(server's one-off key, device key) → HKDF-SHA256 (salt = the
 * licence id's 16 bytes, info = {@code "marquee-license-v1|" + keyId}) → a 32-byte AES-256-GCM key that
 * encrypts the 16-byte content key with a random 12-byte nonce. Signatures are Ed25519 over
 * {@link #canonicalBytes(License)}.
 */
public final class LicenseCodec {

    /** The wire version this codec writes and accepts. */
    public static final int VERSION = 1;
    /** The content key of AES-128 HLS is 16 bytes. */
    public static final int CONTENT_KEY_BYTES = 16;
    private static final String CURVE = "secp256r1";
    private static final String HKDF_INFO_PREFIX = "marquee-license-v1|";
    private static final int WRAP_KEY_BYTES = 32;
    private static final int GCM_NONCE_BYTES = 12;
    private static final int GCM_TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private LicenseCodec() {
    }

    /**
     * The signed bytes: UTF-8 of these fields joined by {@code '\n'}, in this order, with instants as epoch
     * milliseconds: {@code "marquee-license"}, version, licenseId, titleId, deviceId, sessionId, keyId,
     * ephemeralPublicKey, wrappedKey, issuedAt, expiresAt, maxHeight, maxConcurrentStreams.
     */
    public static byte[] canonicalBytes(License l) {
        String text = String.join("\n", "marquee-license", Integer.toString(l.version()),
                l.licenseId().toString(), l.titleId().toString(), l.deviceId(), l.sessionId().toString(), l.keyId(),
                l.ephemeralPublicKey(), l.wrappedKey(), Long.toString(l.issuedAt().toEpochMilli()),
                Long.toString(l.expiresAt().toEpochMilli()), Integer.toString(l.maxHeight()),
                Integer.toString(l.maxConcurrentStreams()));
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A device id: lower-case hex SHA-256 of the device public key's X.509 encoding. */
    public static String deviceId(byte[] devicePublicKeyX509) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(devicePublicKeyX509));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    /** A new EC P-256 key pair (device keys and the server's one-off wrapping keys). */
    public static KeyPair newEcKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec(CURVE), RANDOM);
        return generator.generateKeyPair();
    }

    /** Reads an X.509-encoded public key of the given algorithm ({@code "EC"} or {@code "Ed25519"}). */
    public static PublicKey publicKey(String algorithm, String base64) throws GeneralSecurityException {
        return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    /** Server side: the {@code wrappedKey} field for a content key, given the one-off key pair. */
    public static String wrap(byte[] contentKey, KeyPair ephemeral, PublicKey devicePublicKey, java.util.UUID licenseId,
                              String keyId) throws GeneralSecurityException {
        byte[] nonce = new byte[GCM_NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(Cipher.ENCRYPT_MODE, wrapKey(ephemeral.getPrivate(), devicePublicKey, licenseId, keyId),
                new GCMParameterSpec(GCM_TAG_BITS, nonce));
        byte[] sealed = gcm.doFinal(contentKey);
        return Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
    }

    /** Player side: the content key, given the device private key; fails if anything was altered. */
    public static byte[] unwrap(License license, PrivateKey devicePrivateKey) throws GeneralSecurityException {
        byte[] blob = Base64.getDecoder().decode(license.wrappedKey());
        if (blob.length <= GCM_NONCE_BYTES) {
            throw new GeneralSecurityException("wrapped key too short: " + blob.length + " bytes");
        }
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(Cipher.DECRYPT_MODE, wrapKey(devicePrivateKey, publicKey("EC", license.ephemeralPublicKey()),
                license.licenseId(), license.keyId()), new GCMParameterSpec(GCM_TAG_BITS, blob, 0, GCM_NONCE_BYTES));
        byte[] key = gcm.doFinal(blob, GCM_NONCE_BYTES, blob.length - GCM_NONCE_BYTES);
        if (key.length != CONTENT_KEY_BYTES) {
            throw new GeneralSecurityException("content key must be " + CONTENT_KEY_BYTES + " bytes, was " + key.length);
        }
        return key;
    }

    /** Server side: signs the canonical bytes with the server's Ed25519 key. */
    public static License sign(License unsigned, PrivateKey serverKey) throws GeneralSecurityException {
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(serverKey);
        signer.update(canonicalBytes(unsigned));
        return unsigned.withSignature(Base64.getEncoder().encodeToString(signer.sign()));
    }

    /** Player side: whether the signature is the server's over exactly these fields. */
    public static boolean verify(License license, PublicKey serverKey) throws GeneralSecurityException {
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(serverKey);
        verifier.update(canonicalBytes(license));
        try {
            return verifier.verify(Base64.getDecoder().decode(license.signature()));
        } catch (IllegalArgumentException | java.security.SignatureException e) {
            return false;
        }
    }

    private static SecretKeySpec wrapKey(PrivateKey own, PublicKey peer, java.util.UUID licenseId, String keyId)
            throws GeneralSecurityException {
        KeyAgreement ecdh = KeyAgreement.getInstance("ECDH");
        ecdh.init(own);
        ecdh.doPhase(peer, true);
        byte[] shared = ecdh.generateSecret();
        byte[] salt = ByteBuffer.allocate(16).putLong(licenseId.getMostSignificantBits())
                .putLong(licenseId.getLeastSignificantBits()).array();
        return new SecretKeySpec(hkdf(shared, salt, (HKDF_INFO_PREFIX + keyId).getBytes(StandardCharsets.UTF_8),
                WRAP_KEY_BYTES), "AES");
    }

    /** HKDF-SHA256 (RFC 5869) for outputs up to one hash block (32 bytes), which is all this scheme needs. */
    static byte[] hkdf(byte[] inputKey, byte[] salt, byte[] info, int length) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(salt, "HmacSHA256"));
        byte[] prk = mac.doFinal(inputKey);
        mac.init(new SecretKeySpec(prk, "HmacSHA256"));
        mac.update(info);
        mac.update((byte) 1);
        byte[] okm = mac.doFinal();
        return java.util.Arrays.copyOf(okm, length);
    }
}
