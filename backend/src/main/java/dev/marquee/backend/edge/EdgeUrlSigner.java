package dev.marquee.backend.edge;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and verifies edge URLs: HMAC-SHA256 over the object path, the expiry and the stream session, so that an
 * edge node can authorise a request with nothing but the shared key (no call to the control plane).
 * A signed URL looks like {@code /titles/<id>/720p/seg-00001.ts?exp=<epoch s>&sid=<session>&sig=<base64url>}.
 * It does not check that the path is well formed: the node rejects traversal before it verifies.
 *
 * <p>Thread-safe: each thread gets its own {@link Mac}.
 */
public final class EdgeUrlSigner {

    /** 256-bit key: the HMAC-SHA256 block-size recommendation (RFC 2104 says at least the output length). */
    public static final int KEY_BYTES = 32;
    private static final String ALGORITHM = "HmacSHA256";
    private static final byte SEPARATOR = '\n';
    /** Session ids travel in a URL and in logs: keep them short and in a safe alphabet. */
    private static final int MAX_SESSION_CHARS = 128;

    private final SecretKeySpec key;
    private final ThreadLocal<Mac> macs;

    public EdgeUrlSigner(byte[] key) {
        if (key.length < 16) {
            throw new IllegalArgumentException("edge signing key must have at least 16 bytes, got " + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    /** Reads a key file written by {@link #createKeyFile}; its content is the raw key. */
    public static EdgeUrlSigner fromKeyFile(Path file) throws IOException {
        return new EdgeUrlSigner(Files.readAllBytes(file));
    }

    /** Creates a random key file readable by its owner only (mode 600), unless one exists; returns its signer. */
    public static EdgeUrlSigner createKeyFile(Path file) throws IOException {
        if (!Files.exists(file)) {
            Path dir = file.toAbsolutePath().getParent();
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            byte[] key = new byte[KEY_BYTES];
            new SecureRandom().nextBytes(key);
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.write(tmp, key, StandardOpenOption.TRUNCATE_EXISTING);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        return fromKeyFile(file);
    }

    /**
     * Returns {@code path?exp=..&sid=..&sig=..}.
     *
     * @param path    absolute object path, e.g. {@code /titles/42/720p/seg-00001.ts}
     * @param expires when the URL stops working
     * @param session stream session id ([A-Za-z0-9._:-], at most 128 characters)
     */
    public String sign(String path, Instant expires, String session) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with '/': " + path);
        }
        if (!isValidSession(session)) {
            throw new IllegalArgumentException("session id must match [A-Za-z0-9._:-]{1,128}: " + session);
        }
        long exp = expires.getEpochSecond();
        return path + "?exp=" + exp + "&sid=" + session + "&sig=" + signature(path, exp, session);
    }

    /** The base64url signature (no padding) of one (path, expiry, session) triple. */
    public String signature(String path, long expiresEpochS, String session) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(path, expiresEpochS, session));
    }

    /** What {@link #verify} concluded. */
    public enum Verdict { VALID, MISSING, MALFORMED, FORGED, EXPIRED }

    /**
     * Checks a signature in constant time, then the expiry against {@code nowEpochS}.
     * A forged signature is reported as FORGED even when it is also expired, so probing learns nothing.
     */
    public Verdict verify(String path, String expParam, String session, String sigParam, long nowEpochS) {
        if (expParam == null || session == null || sigParam == null) {
            return Verdict.MISSING;
        }
        long exp;
        byte[] given;
        try {
            exp = Long.parseLong(expParam);
            given = Base64.getUrlDecoder().decode(sigParam);
        } catch (IllegalArgumentException e) {
            return Verdict.MALFORMED;
        }
        if (!isValidSession(session)) {
            return Verdict.MALFORMED;
        }
        if (!MessageDigest.isEqual(given, mac(path, exp, session))) {
            return Verdict.FORGED;
        }
        return exp < nowEpochS ? Verdict.EXPIRED : Verdict.VALID;
    }

    private byte[] mac(String path, long exp, String session) {
        Mac mac = macs.get();
        mac.update(path.getBytes(StandardCharsets.UTF_8));
        mac.update(SEPARATOR);
        mac.update(Long.toString(exp).getBytes(StandardCharsets.US_ASCII));
        mac.update(SEPARATOR);
        mac.update(session.getBytes(StandardCharsets.US_ASCII));
        return mac.doFinal();
    }

    static boolean isValidSession(String session) {
        int n = session.length();
        if (n == 0 || n > MAX_SESSION_CHARS) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = session.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == ':' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable in this JDK", e);
        }
    }
}
